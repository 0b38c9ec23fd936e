import { HOP, WINDOW } from "./frames.js";
import { ANALYSIS_RATE, resample } from "./resample.js";
import { median } from "./stats.js";

/** Settings of the pitch tracker. */
export interface PitchOptions {
  /** Lowest F0 looked for, Hz (default 60). */
  minHz?: number;
  /** Highest F0 looked for, Hz (default 600: excited voices go well above 400). */
  maxHz?: number;
  /** YIN's absolute threshold on the normalized difference (default 0.15). */
  threshold?: number;
  /** A frame whose best dip is above this is unvoiced (default 0.35). */
  voicing?: number;
  /** Rate of `samples`: 16000 (decimated here) or 8000 (used as is; saves a resampling of telephone audio). */
  sampleRate?: 8000 | 16000;
}

/** F0 per 10 ms frame (0 where unvoiced) and how periodic each frame was (1 − YIN's dip depth). */
export interface PitchTrack {
  f0: Float32Array;
  confidence: Float32Array;
}

const PITCH_RATE = 8000;
const YIN_WINDOW = 160;

interface Yin {
  cmnd: Float64Array;
  tauMin: number;
  tauMax: number;
}

/** Fills `yin.cmnd` (YIN's cumulative-mean-normalized difference) for the span starting at `start`. */
function difference(x: Float32Array, start: number, yin: Yin): boolean {
  const { cmnd, tauMax } = yin;
  let energy = 0;
  for (let j = start; j < start + YIN_WINDOW; j++) energy += (x[j] as number) ** 2;
  if (energy < 1e-7) return false;
  cmnd[0] = 1;
  let running = 0;
  for (let tau = 1; tau <= tauMax; tau++) {
    let d = 0;
    for (let j = start; j < start + YIN_WINDOW; j++) {
      const diff = (x[j] as number) - (x[j + tau] as number);
      d += diff * diff;
    }
    running += d;
    cmnd[tau] = running > 0 ? (d * tau) / running : 1;
  }
  return true;
}

/** The local minimum of `cmnd` reached by walking down from `tau`. */
function descend(cmnd: Float64Array, tau: number, tauMax: number): number {
  let t = tau;
  while (t + 1 <= tauMax && (cmnd[t + 1] as number) < (cmnd[t] as number)) t++;
  while (t - 1 >= 1 && (cmnd[t - 1] as number) < (cmnd[t] as number)) t--;
  return t;
}

/** Sub-sample lag by a parabola through the dip and its neighbours. */
function refine(cmnd: Float64Array, tau: number, tauMax: number): number {
  if (tau <= 1 || tau >= tauMax) return tau;
  const a = cmnd[tau - 1] as number;
  const b = cmnd[tau] as number;
  const c = cmnd[tau + 1] as number;
  const denom = a - 2 * b + c;
  return denom > 0 ? tau + (a - c) / (2 * denom) : tau;
}

/** YIN's choice: the first dip under the threshold, else the deepest dip. */
function chooseLag(yin: Yin, threshold: number): number {
  const { cmnd, tauMin, tauMax } = yin;
  for (let tau = tauMin; tau <= tauMax; tau++) {
    if ((cmnd[tau] as number) < threshold) return descend(cmnd, tau, tauMax);
  }
  let best = tauMin;
  for (let tau = tauMin + 1; tau <= tauMax; tau++) if ((cmnd[tau] as number) < (cmnd[best] as number)) best = tau;
  // Noise lifts every dip alike, and the dips at 2T and 3T are then as deep as the one at T: of the dips about as
  // deep as the deepest, the shortest lag is the period.
  const near = (cmnd[best] as number) + 0.1;
  for (let tau = tauMin; tau < best; tau++) if ((cmnd[tau] as number) < near) return descend(cmnd, tau, tauMax);
  return best;
}

/**
 * Tracks F0 with YIN (de Cheveigné & Kawahara 2002) on a 16 kHz channel (or an 8 kHz one, see `sampleRate`) at 8 kHz, one estimate per
 * 10 ms frame. Octave guards: YIN's first-dip rule against halving; a frame an octave away from its neighbours'
 * median moves to the other octave when the difference function has a real dip there; voiced runs shorter
 * than 30 ms are dropped; a 5-frame median smooths each run.
 *
 * @param wanted frames to analyze (1) — the others stay unvoiced; all frames when omitted
 * @example
 * const { f0 } = trackPitch(samples16k); // f0[i] in Hz, 0 when unvoiced
 */
export function trackPitch(samples: Float32Array, wanted?: Uint8Array, options: PitchOptions = {}): PitchTrack {
  const minHz = options.minHz ?? 60;
  const maxHz = options.maxHz ?? 600;
  const threshold = options.threshold ?? 0.15;
  const voicing = options.voicing ?? 0.35;
  const inputRate = options.sampleRate ?? ANALYSIS_RATE;
  const x = inputRate === PITCH_RATE ? samples : resample(samples, ANALYSIS_RATE, PITCH_RATE);
  const decimate = ANALYSIS_RATE / PITCH_RATE;
  const count = wanted?.length ?? Math.max(0, Math.floor((x.length * decimate - WINDOW) / HOP) + 1);
  const f0 = new Float32Array(count);
  const confidence = new Float32Array(count);
  const tauMax = Math.ceil(PITCH_RATE / minHz);
  const yin: Yin = { cmnd: new Float64Array(tauMax + 2), tauMin: Math.floor(PITCH_RATE / maxHz), tauMax };
  const span = YIN_WINDOW + tauMax + 1;
  const startOf = (f: number) => {
    const centre = (f * HOP + WINDOW / 2) / decimate;
    return Math.min(Math.max(0, Math.round(centre - span / 2)), x.length - span);
  };
  const lags = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    if (wanted && !wanted[f]) continue;
    const start = startOf(f);
    if (start < 0 || !difference(x, start, yin)) continue;
    const tau = chooseLag(yin, threshold);
    const depth = yin.cmnd[tau] as number;
    confidence[f] = Math.max(0, 1 - depth);
    if (depth > voicing) continue;
    lags[f] = refine(yin.cmnd, tau, tauMax);
    f0[f] = PITCH_RATE / (lags[f] as number);
  }
  dropShortRuns(f0, 3);
  fixOctaveJumps(f0, (f, target) => {
    const start = startOf(f);
    if (!difference(x, start, yin)) return 0;
    const guess = Math.round(PITCH_RATE / target);
    if (guess < yin.tauMin || guess > tauMax) return 0;
    const tau = descend(yin.cmnd, guess, tauMax);
    if (Math.abs(tau - guess) > guess * 0.15 || (yin.cmnd[tau] as number) > voicing) return 0;
    return PITCH_RATE / refine(yin.cmnd, tau, tauMax);
  });
  smoothRuns(f0, 2);
  return { f0, confidence };
}

function dropShortRuns(f0: Float32Array, minFrames: number): void {
  let start = -1;
  for (let f = 0; f <= f0.length; f++) {
    const voiced = f < f0.length && (f0[f] as number) > 0;
    if (voiced && start < 0) start = f;
    if (!voiced && start >= 0) {
      if (f - start < minFrames) f0.fill(0, start, f);
      start = -1;
    }
  }
}

/** Moves frames about an octave off their neighbours' median to the other octave, if `retry` finds a dip there. */
function fixOctaveJumps(f0: Float32Array, retry: (frame: number, targetHz: number) => number): void {
  const reach = 7;
  const original = Float32Array.from(f0);
  for (let f = 0; f < f0.length; f++) {
    const here = original[f] as number;
    if (here <= 0) continue;
    const around: number[] = [];
    for (let g = Math.max(0, f - reach); g <= Math.min(f0.length - 1, f + reach); g++) {
      if (g !== f && (original[g] as number) > 0) around.push(original[g] as number);
    }
    if (around.length < 4) continue;
    const ratio = here / median(around);
    if ((ratio > 1.75 && ratio < 2.3) || (ratio > 0.43 && ratio < 0.57)) {
      const fixed = retry(f, ratio > 1 ? here / 2 : here * 2);
      if (fixed > 0) f0[f] = fixed;
    }
  }
}

function smoothRuns(f0: Float32Array, reach: number): void {
  const original = Float32Array.from(f0);
  for (let f = 0; f < f0.length; f++) {
    if ((original[f] as number) <= 0) continue;
    const run: number[] = [];
    for (let g = f - reach; g <= f + reach; g++) {
      const v = original[g];
      if (v !== undefined && v > 0) run.push(v);
    }
    f0[f] = median(run);
  }
}
