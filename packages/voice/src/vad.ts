import type { FrameEnergy } from "./frames.js";
import { quantile } from "./stats.js";

/** Settings of voice activity detection; frames are 10 ms. */
export interface VadOptions {
  /** How far above the noise floor a frame must be to count as speech, dB (default 10). */
  thresholdDb?: number;
  /** Frames quieter than this never count as speech, dBFS (default -65). */
  minDb?: number;
  /** Speech shorter than this is a click, not speech, ms (default 50). */
  minSpeechMs?: number;
  /** Dips shorter than this do not end speech (stop closures, short breaths), ms (default 250). */
  bridgeMs?: number;
  /** Speech is kept on for this long after it falls silent, ms (default 50). */
  hangoverMs?: number;
}

/** A stretch of frames `[start, end)`. */
export interface FrameRange {
  start: number;
  end: number;
}

/** Which frames hold speech, the stretches they form and the noise floor that was tracked. */
export interface VadResult {
  /** 1 for speech frames. */
  speech: Uint8Array;
  regions: FrameRange[];
  /** The noise floor per frame, dBFS. */
  noiseFloorDb: Float32Array;
}

const MS_PER_FRAME = 10;

/**
 * Finds speech by level against an adaptive noise floor plus the zero-crossing rate: voiced frames cross zero
 * rarely, so they count from three quarters of the threshold up; broadband noise crosses zero about every other sample, so it
 * needs twice the threshold. The floor falls quickly to quiet frames and rises slowly, so steady noise joins it
 * and speech does not. Short dips are bridged and a short hangover keeps word endings.
 *
 * @example
 * const { regions } = detectVoiceActivity(frameEnergy(samples16k));
 */
export function detectVoiceActivity(energy: FrameEnergy, options: VadOptions = {}): VadResult {
  const threshold = options.thresholdDb ?? 10;
  const minDb = options.minDb ?? -65;
  const minSpeech = Math.ceil((options.minSpeechMs ?? 50) / MS_PER_FRAME);
  const bridge = Math.round((options.bridgeMs ?? 250) / MS_PER_FRAME);
  const hangover = Math.round((options.hangoverMs ?? 50) / MS_PER_FRAME);
  const { db, zcr } = energy;
  const count = db.length;
  const noiseFloorDb = new Float32Array(count);
  const candidate = new Uint8Array(count);
  let floor = quantile(Array.from(db), 0.1);
  if (!Number.isFinite(floor)) floor = minDb;
  for (let f = 0; f < count; f++) {
    const level = db[f] as number;
    const crossing = zcr[f] as number;
    const above = level - floor;
    const need = crossing < 0.2 ? threshold * 0.75 : crossing > 0.45 ? threshold * 2 : threshold;
    const speech = level > minDb && above > need;
    candidate[f] = speech ? 1 : 0;
    noiseFloorDb[f] = floor;
    // The floor follows the noise's level, not its minimum (a minimum sits below a fluctuating noise, whose peaks
    // would then pass as speech): down fast, up at a moderate pace through non-speech, hardly at all through speech.
    if (level < floor) floor += 0.2 * (level - floor);
    else floor += (speech ? 0.0005 : 0.05) * above;
  }
  const regions: FrameRange[] = [];
  let start = -1;
  for (let f = 0; f <= count; f++) {
    const on = f < count && candidate[f] === 1;
    if (on && start < 0) start = f;
    if (!on && start >= 0) {
      const last = regions[regions.length - 1];
      if (last && start - last.end < bridge) last.end = f;
      else regions.push({ start, end: f });
      start = -1;
    }
  }
  const kept = regions
    .filter((r) => r.end - r.start >= minSpeech)
    .map((r) => ({ start: r.start, end: Math.min(count, r.end + hangover) }));
  const speech = new Uint8Array(count);
  for (const r of kept) speech.fill(1, r.start, r.end);
  return { speech, regions: kept, noiseFloorDb };
}
