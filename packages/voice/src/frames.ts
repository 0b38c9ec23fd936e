import { createFft } from "./fft.js";
import { ANALYSIS_RATE } from "./resample.js";

/** 10 ms between frames. */
export const HOP = 160;
/** 25 ms per energy frame. */
export const WINDOW = 400;
/** Frames per second. */
export const FRAME_RATE = ANALYSIS_RATE / HOP;
/** The floor of the dB scale: digital silence reads as this, not -Infinity. */
export const SILENCE_DB = -100;

/** Per-frame energy and zero-crossing rate of one 16 kHz channel. */
export interface FrameEnergy {
  /** RMS level in dBFS per frame (a full-scale sine is -3 dB). */
  db: Float32Array;
  /** Share of sample pairs that change sign, 0..1. */
  zcr: Float32Array;
}

/** How many frames a channel of `samples` samples has. */
export function frameCount(samples: number): number {
  return samples < WINDOW ? (samples > 0 ? 1 : 0) : Math.floor((samples - WINDOW) / HOP) + 1;
}

/** Time in seconds of frame `i`'s centre. */
export function frameTime(i: number): number {
  return (i * HOP + WINDOW / 2) / ANALYSIS_RATE;
}

/**
 * Level and zero-crossing rate per 10 ms frame.
 *
 * @example
 * const { db } = frameEnergy(samples16k);
 */
export function frameEnergy(samples: Float32Array): FrameEnergy {
  const count = frameCount(samples.length);
  const db = new Float32Array(count);
  const zcr = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    const start = f * HOP;
    const end = Math.min(samples.length, start + WINDOW);
    let sum = 0;
    let crossings = 0;
    let previous = samples[start] as number;
    for (let i = start; i < end; i++) {
      const s = samples[i] as number;
      sum += s * s;
      if (s >= 0 !== previous >= 0) crossings++;
      previous = s;
    }
    const power = sum / Math.max(1, end - start);
    db[f] = Math.max(SILENCE_DB, 10 * Math.log10(power + 1e-12));
    zcr[f] = crossings / Math.max(1, end - start - 1);
  }
  return { db, zcr };
}

/** Band levels per frame, from a 512-point spectrum (NaN where not computed). */
export interface FrameBands {
  /** 50–1000 Hz, dB. */
  low: Float32Array;
  /** 1–4 kHz, dB: with `low`, the alpha ratio, which rises with vocal effort. */
  high: Float32Array;
  /** 300–2500 Hz, dB: where vowels carry their energy, for syllable nuclei. */
  vowel: Float32Array;
  /**
   * Hammarberg index, dB: the strongest bin of 50–2000 Hz over the strongest of 2–4 kHz (Hammarberg et al. 1980;
   * eGeMAPS, Eyben et al. 2016, whose upper band ends at 5 kHz). Lower with vocal effort: a flatter spectrum.
   */
  hammarberg: Float32Array;
}

const FFT_SIZE = 512;

/**
 * Band levels for the frames `wanted` marks (the others stay NaN), so silence costs nothing.
 * 4 kHz is the top band edge so telephone audio (8 kHz) and wideband audio measure the same thing.
 */
export function frameBands(samples: Float32Array, wanted: Uint8Array): FrameBands {
  const count = wanted.length;
  const low = new Float32Array(count).fill(Number.NaN);
  const high = new Float32Array(count).fill(Number.NaN);
  const vowel = new Float32Array(count).fill(Number.NaN);
  const hammarberg = new Float32Array(count).fill(Number.NaN);
  const fft = createFft(FFT_SIZE);
  const frame = new Float32Array(FFT_SIZE);
  const power = new Float64Array(FFT_SIZE / 2 + 1);
  const bin = (hz: number) => Math.round((hz * FFT_SIZE) / ANALYSIS_RATE);
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let k = bin(from); k < bin(to); k++) s += power[k] as number;
    return 10 * Math.log10(s + 1e-12);
  };
  const peak = (from: number, to: number) => {
    let p = 0;
    for (let k = bin(from); k < bin(to); k++) p = Math.max(p, power[k] as number);
    return 10 * Math.log10(p + 1e-12);
  };
  for (let f = 0; f < count; f++) {
    if (!wanted[f]) continue;
    const start = f * HOP + WINDOW / 2 - FFT_SIZE / 2;
    for (let i = 0; i < FFT_SIZE; i++) frame[i] = samples[start + i] ?? 0;
    fft.powerSpectrum(frame, power);
    low[f] = sum(50, 1000);
    high[f] = sum(1000, 4000);
    vowel[f] = sum(300, 2500);
    hammarberg[f] = peak(50, 2000) - peak(2000, 4000);
  }
  return { low, high, vowel, hammarberg };
}
