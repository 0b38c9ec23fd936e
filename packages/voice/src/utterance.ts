import { measureChannel } from "./channel.js";
import { measureProsody, type ProsodyFeatures } from "./prosody.js";
import type { VadOptions } from "./vad.js";
import type { PcmAudio } from "./wav.js";

/**
 * Measures a recording of one utterance as a whole (channels averaged): from the first to the last speech frame,
 * with the silences between as pauses. Leading and trailing silence, digital zeros included, are left out.
 *
 * @example
 * const prosody = measureUtterance(readWavOrThrow(bytes));
 */
export function measureUtterance(audio: PcmAudio, vad: VadOptions = {}): ProsodyFeatures {
  const first = audio.channels[0] as Float32Array;
  let mono = first;
  if (audio.channels.length > 1) {
    mono = new Float32Array(first.length);
    for (const ch of audio.channels)
      for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] as number) + (ch[i] as number) / audio.channels.length;
  }
  const channel = measureChannel(mono, audio.sampleRate, vad);
  const { regions } = channel;
  const firstRegion = regions[0];
  const lastRegion = regions[regions.length - 1];
  if (!firstRegion || !lastRegion) return measureProsody(channel, { start: 0, end: 0 });
  const gaps = regions.slice(1).map((r, i) => ({ start: (regions[i] as { end: number }).end, end: r.start }));
  return measureProsody(channel, { start: firstRegion.start, end: lastRegion.end }, gaps);
}

/**
 * The highest absolute sample over all channels, dBFS (full scale is 0). With a speaker's other recordings it tells
 * whether the files were normalized to one peak, which erases their level differences.
 *
 * @example
 * peakDbfs(readWavOrThrow(bytes)); // -0.1
 */
export function peakDbfs(audio: PcmAudio): number {
  let peak = 0;
  for (const channel of audio.channels) for (const s of channel) peak = Math.max(peak, Math.abs(s));
  return peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
}
