import type { ProsodyFeatures } from "./prosody.js";
import { median, robustSpread, semitones } from "./stats.js";

/** The prosodic features arousal is read from. */
export const VOICE_FEATURES = [
  "f0Level",
  "f0Range",
  "loudness",
  "loudnessRange",
  "alphaRatio",
  "hammarberg",
  "rate",
] as const;
export type VoiceFeature = (typeof VOICE_FEATURES)[number];

/** One value per feature; null when it could not be measured (e.g. no pitch in a whispered stretch). */
export type FeatureVector = Record<VoiceFeature, number | null>;

/** Units, for evidence text. */
export const FEATURE_UNITS: Record<VoiceFeature, string> = {
  f0Level: "st re 100 Hz",
  f0Range: "st",
  loudness: "dBFS",
  loudnessRange: "dB",
  alphaRatio: "dB",
  hammarberg: "dB",
  rate: "syll/s",
};

/**
 * The smallest spread a baseline may have, per feature: about the smallest change a listener hears (1.5 semitones,
 * 2 dB) so that a speaker who barely varied in a short call does not turn every small wobble into many SDs.
 */
export const MIN_SPREAD: Record<VoiceFeature, number> = {
  f0Level: 1.5,
  f0Range: 1.5,
  loudness: 2,
  loudnessRange: 2,
  alphaRatio: 1.5,
  hammarberg: 1.5,
  rate: 0.5,
};

/** A speaker's own typical values: median and robust spread per feature, over `count` stretches. */
export interface Baseline {
  count: number;
  median: FeatureVector;
  spread: Record<VoiceFeature, number>;
}

/** The feature vector of one stretch of speech. */
export function featureVector(p: ProsodyFeatures): FeatureVector {
  return {
    f0Level: p.f0MedianHz === null ? null : semitones(p.f0MedianHz),
    f0Range: p.f0RangeSt,
    loudness: p.speechSec > 0 ? p.loudnessDb : null,
    loudnessRange: p.speechSec > 0 ? p.loudnessRangeDb : null,
    alphaRatio: p.alphaRatioDb,
    hammarberg: p.hammarbergDb,
    rate: p.speechSec >= 0.5 ? p.syllableRate : null,
  };
}

/**
 * A speaker's baseline from all of their stretches (segments of one call, or files of one speaker): unsupervised,
 * it uses no labels.
 *
 * @example
 * const baseline = buildBaseline(segments.map((s) => featureVector(s.prosody)));
 */
export function buildBaseline(vectors: readonly FeatureVector[]): Baseline {
  const med = {} as FeatureVector;
  const spread = {} as Record<VoiceFeature, number>;
  for (const name of VOICE_FEATURES) {
    const values = vectors.map((v) => v[name]).filter((v): v is number => v !== null && Number.isFinite(v));
    med[name] = values.length ? median(values) : null;
    spread[name] = Math.max(MIN_SPREAD[name], values.length >= 3 ? robustSpread(values) : 0);
  }
  return { count: vectors.length, median: med, spread };
}

/** How many robust SDs each feature lies from the baseline's median, clipped to ±3. */
export function zScores(vector: FeatureVector, baseline: Baseline): FeatureVector {
  const z = {} as FeatureVector;
  for (const name of VOICE_FEATURES) {
    const v = vector[name];
    const m = baseline.median[name];
    z[name] = v === null || m === null ? null : Math.max(-3, Math.min(3, (v - m) / baseline.spread[name]));
  }
  return z;
}
