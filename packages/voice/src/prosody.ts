import { FRAME_RATE, type FrameBands, type FrameEnergy, frameTime } from "./frames.js";
import type { PitchTrack } from "./pitch.js";
import { mean, median, quantile, semitones, slope } from "./stats.js";
import type { FrameRange } from "./vad.js";

/** Everything measured per frame for one channel. */
export interface ChannelFrames {
  energy: FrameEnergy;
  bands: FrameBands;
  pitch: PitchTrack;
  /** 1 for speech frames (from voice activity detection). */
  speech: Uint8Array;
}

/** Prosody of one stretch of speech. Pitch-derived values are null when too little of it was voiced. */
export interface ProsodyFeatures {
  /** Seconds from the first to the last speech frame. */
  durationSec: number;
  /** Seconds of speech, pauses left out. */
  speechSec: number;
  /** Share of speech frames with a pitch. */
  voicedShare: number;
  /** Median F0, Hz. */
  f0MedianHz: number | null;
  /** Spread of F0 from the 10th to the 90th percentile, semitones. */
  f0RangeSt: number | null;
  /** Trend of F0 over the stretch, semitones per second (negative: falling). */
  f0SlopeStPerSec: number | null;
  /**
   * Level over the voiced frames (power mean), dBFS; over all speech frames when fewer than 10 are voiced (whisper).
   * Vocal effort shows in the voiced sound: fricatives, breaths and pause edges would only dilute it.
   */
  loudnessDb: number;
  /** Spread of frame levels from the 10th to the 90th percentile, dB, over the same frames as `loudnessDb`. */
  loudnessRangeDb: number;
  /** Energy 1–4 kHz over 50–1000 Hz in voiced frames, dB: higher with vocal effort and tension. */
  alphaRatioDb: number | null;
  /** Median Hammarberg index of the voiced frames, dB (see `FrameBands.hammarberg`): lower with vocal effort. */
  hammarbergDb: number | null;
  /** Syllable nuclei (vowel-band energy peaks that are voiced) per second of speech. */
  syllableRate: number;
  /** Pauses of 250 ms or more inside the stretch. */
  pauses: { count: number; totalSec: number; longestSec: number };
}

const MIN_VOICED_FRAMES = 10;

/** Counts syllable nuclei in frames `[start, end)`: peaks of the smoothed vowel-band level, after de Jong & Wempe (2009). */
export function countSyllableNuclei(frames: ChannelFrames, range: FrameRange): number {
  const { start, end } = range;
  const raw: number[] = [];
  for (let f = start; f < end; f++) {
    const v = frames.bands.vowel[f] as number;
    raw.push(frames.speech[f] && Number.isFinite(v) ? v : -100);
  }
  const env = raw.map((_, i) => mean(raw.slice(Math.max(0, i - 2), Math.min(raw.length, i + 3))));
  const spoken = env.filter((_, i) => frames.speech[start + i]);
  if (spoken.length === 0) return 0;
  const threshold = median(spoken);
  const peaks: number[] = [];
  for (let i = 1; i < env.length - 1; i++) {
    const v = env[i] as number;
    if (v > threshold && v >= (env[i - 1] as number) && v > (env[i + 1] as number)) peaks.push(i);
  }
  const kept: number[] = [];
  for (const p of peaks) {
    const last = kept[kept.length - 1];
    if (last === undefined) {
      kept.push(p);
      continue;
    }
    let dip = Number.POSITIVE_INFINITY;
    for (let i = last; i <= p; i++) dip = Math.min(dip, env[i] as number);
    // Two peaks with less than a 2 dB dip between them are one syllable: keep the louder.
    if (Math.min(env[last] as number, env[p] as number) - dip >= 2) kept.push(p);
    else if ((env[p] as number) > (env[last] as number)) kept[kept.length - 1] = p;
  }
  const voicedNear = (i: number) => {
    for (let f = start + i - 3; f <= start + i + 3; f++) if ((frames.pitch.f0[f] ?? 0) > 0) return true;
    return false;
  };
  return kept.filter(voicedNear).length;
}

/**
 * Measures the prosody of frames `[range.start, range.end)`; `gaps` are the pauses inside it (frame ranges).
 *
 * @example
 * const features = measureProsody(frames, { start: 120, end: 410 }, []);
 */
export function measureProsody(frames: ChannelFrames, range: FrameRange, gaps: FrameRange[] = []): ProsodyFeatures {
  const speechLevels: number[] = [];
  const voicedLevels: number[] = [];
  const f0: number[] = [];
  const times: number[] = [];
  const alpha: number[] = [];
  const hammarberg: number[] = [];
  let speechFrames = 0;
  for (let f = range.start; f < range.end; f++) {
    if (!frames.speech[f]) continue;
    speechFrames++;
    speechLevels.push(frames.energy.db[f] as number);
    const hz = frames.pitch.f0[f] as number;
    if (hz > 0) {
      f0.push(semitones(hz));
      times.push(frameTime(f));
      voicedLevels.push(frames.energy.db[f] as number);
      const a = (frames.bands.high[f] as number) - (frames.bands.low[f] as number);
      if (Number.isFinite(a)) alpha.push(a);
      const h = frames.bands.hammarberg[f] as number;
      if (Number.isFinite(h)) hammarberg.push(h);
    }
  }
  const voiced = f0.length >= MIN_VOICED_FRAMES;
  const levels = voiced ? voicedLevels : speechLevels;
  const power = mean(levels.map((db) => 10 ** (db / 10)));
  const pauseLengths = gaps.map((g) => (g.end - g.start) / FRAME_RATE).filter((s) => s >= 0.25);
  const speechSec = speechFrames / FRAME_RATE;
  const nuclei = countSyllableNuclei(frames, range);
  return {
    durationSec: (range.end - range.start) / FRAME_RATE,
    speechSec,
    voicedShare: speechFrames ? f0.length / speechFrames : 0,
    f0MedianHz: voiced ? 100 * 2 ** (median(f0) / 12) : null,
    f0RangeSt: voiced ? quantile(f0, 0.9) - quantile(f0, 0.1) : null,
    f0SlopeStPerSec: voiced ? slope(times, f0) : null,
    loudnessDb: levels.length ? 10 * Math.log10(power + 1e-12) : -100,
    loudnessRangeDb: levels.length ? quantile(levels, 0.9) - quantile(levels, 0.1) : 0,
    alphaRatioDb: alpha.length >= MIN_VOICED_FRAMES ? median(alpha) : null,
    hammarbergDb: hammarberg.length >= MIN_VOICED_FRAMES ? median(hammarberg) : null,
    syllableRate: speechSec > 0 ? nuclei / speechSec : 0,
    pauses: {
      count: pauseLengths.length,
      totalSec: pauseLengths.reduce((a, b) => a + b, 0),
      longestSec: pauseLengths.length ? Math.max(...pauseLengths) : 0,
    },
  };
}
