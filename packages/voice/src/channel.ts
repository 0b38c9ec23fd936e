import { frameBands, frameEnergy } from "./frames.js";
import { trackPitch } from "./pitch.js";
import type { ChannelFrames } from "./prosody.js";
import { ANALYSIS_RATE, resample } from "./resample.js";
import { detectVoiceActivity, type FrameRange, type VadOptions } from "./vad.js";

/** One channel measured frame by frame, with its speech stretches. */
export interface MeasuredChannel extends ChannelFrames {
  regions: FrameRange[];
  /** Frames in the channel. */
  frames: number;
}

/**
 * Resamples one channel to 16 kHz and measures it: level, zero crossings, voice activity, band levels and pitch
 * (the last two only where there is speech, so silence costs almost nothing).
 *
 * @example
 * const channel = measureChannel(audio.channels[0], audio.sampleRate);
 */
export function measureChannel(samples: Float32Array, sampleRate: number, vad: VadOptions = {}): MeasuredChannel {
  const x = resample(samples, sampleRate, ANALYSIS_RATE);
  const energy = frameEnergy(x);
  const { speech, regions } = detectVoiceActivity(energy, vad);
  const near = new Uint8Array(speech.length);
  for (let f = 0; f < speech.length; f++) {
    if (speech[f]) near.fill(1, Math.max(0, f - 3), Math.min(speech.length, f + 4));
  }
  const bands = frameBands(x, speech);
  // Pitch runs at 8 kHz: telephone audio is used as it came, without going up to 16 kHz and back down.
  const pitch = sampleRate === 8000 ? trackPitch(samples, near, { sampleRate: 8000 }) : trackPitch(x, near);
  for (let f = 0; f < speech.length; f++) if (!speech[f]) pitch.f0[f] = 0;
  return { energy, bands, pitch, speech, regions, frames: speech.length };
}

/** Groups speech regions into segments: regions less than `maxPause` frames apart join, up to `maxLength` frames. */
export function groupRegions(
  regions: readonly FrameRange[],
  maxPause: number,
  maxLength: number,
): Array<{ range: FrameRange; gaps: FrameRange[] }> {
  const segments: Array<{ range: FrameRange; gaps: FrameRange[] }> = [];
  for (const r of regions) {
    const last = segments[segments.length - 1];
    if (last && r.start - last.range.end < maxPause && r.end - last.range.start <= maxLength) {
      last.gaps.push({ start: last.range.end, end: r.start });
      last.range.end = r.end;
    } else {
      segments.push({ range: { ...r }, gaps: [] });
    }
  }
  return segments;
}
