import type { FeatureVector, VoiceFeature } from "./baseline.js";

/**
 * The emotions the vocal-expression literature gives a prosodic profile for. Not Attune's `Emotion` set: boredom
 * and disgust have profiles but no place among a customer's emotions, and fear is what Attune calls anxiety.
 */
export const VOICE_CATEGORIES = ["anger", "fear", "joy", "sadness", "boredom", "disgust", "neutral"] as const;
export type VoiceCategory = (typeof VOICE_CATEGORIES)[number];

/** Where a category sits, in robust SDs from the speaker's own median, per feature. */
export type CategoryProfile = Record<VoiceFeature, number>;

/**
 * Cue profiles as points in the speaker's z-space. Each literature statement becomes a level: "high", "much",
 * "fast" +1; "low", "little", "slow" -1; "medium-high" or "slightly" ±0.5; "medium", "normal", unreported or
 * disputed 0. One unit is one SD, because the sources describe portrayals against the same speaker's other
 * portrayals. High-frequency energy is one cue measured twice: alpha ratio (+) and Hammarberg index (-).
 *
 * - anger, fear, joy (happiness), sadness: Juslin & Laukka (2003), table 11, the summary of 104 studies. Fear's
 *   loudness and high-frequency energy are 0: there "low, except in panic fear", but raised for fear/panic in
 *   Scherer (2003) and Banse & Scherer (1996), and "normal" in Murray & Arnott (1993).
 * - boredom: Scherer (2003), table 3, and Banse & Scherer (1996): lower F0, narrower F0 range, quieter, slower.
 * - disgust: Murray & Arnott (1993), table 1: very much lower pitch, slightly wider range, lower intensity,
 *   very much slower ("very much" capped at 1 like every other level).
 * - neutral: the speaker's usual voice, the origin.
 *
 * Nothing here was fitted to any data set.
 */
export const CATEGORY_PROFILES: Record<VoiceCategory, CategoryProfile> = {
  anger: { f0Level: 1, f0Range: 1, loudness: 1, loudnessRange: 1, alphaRatio: 1, hammarberg: -1, rate: 1 },
  fear: { f0Level: 1, f0Range: -1, loudness: 0, loudnessRange: 1, alphaRatio: 0, hammarberg: 0, rate: 1 },
  joy: { f0Level: 1, f0Range: 1, loudness: 0.5, loudnessRange: 0, alphaRatio: 0, hammarberg: 0, rate: 1 },
  sadness: { f0Level: -1, f0Range: -1, loudness: -1, loudnessRange: -1, alphaRatio: -1, hammarberg: 1, rate: -1 },
  boredom: { f0Level: -1, f0Range: -1, loudness: -1, loudnessRange: 0, alphaRatio: 0, hammarberg: 0, rate: -1 },
  disgust: { f0Level: -1, f0Range: 0.5, loudness: -1, loudnessRange: 0, alphaRatio: 0, hammarberg: 0, rate: -1 },
  neutral: { f0Level: 0, f0Range: 0, loudness: 0, loudnessRange: 0, alphaRatio: 0, hammarberg: 0, rate: 0 },
};

/**
 * How much each feature counts in the distance: one per cue, so high-frequency energy, measured twice, is split
 * between its two measures rather than counted double.
 */
export const CATEGORY_FEATURE_WEIGHTS: Record<VoiceFeature, number> = {
  f0Level: 1,
  f0Range: 1,
  loudness: 1,
  loudnessRange: 1,
  alphaRatio: 0.5,
  hammarberg: 0.5,
  rate: 1,
};

/** The nearest profile and the one after it. */
export interface CategoryGuess {
  category: VoiceCategory;
  /** Weighted Euclidean distance to its profile, in SDs. */
  distance: number;
  runnerUp: VoiceCategory;
  runnerUpDistance: number;
}

/**
 * The category whose cue profile lies nearest to the z-scores (features that could not be measured are left out
 * for every profile alike), or null when nothing was measured.
 *
 * @example
 * nearestCategory(zScores(vector, baseline))?.category; // "anger"
 */
export function nearestCategory(z: FeatureVector): CategoryGuess | null {
  const ranked = VOICE_CATEGORIES.map((category) => {
    let sum = 0;
    let used = 0;
    for (const [name, target] of Object.entries(CATEGORY_PROFILES[category]) as Array<[VoiceFeature, number]>) {
      const value = z[name];
      if (value === null) continue;
      const w = CATEGORY_FEATURE_WEIGHTS[name];
      sum += w * (value - target) ** 2;
      used += w;
    }
    return { category, distance: Math.sqrt(sum), used };
  }).sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (!best || !second || best.used === 0) return null;
  return {
    category: best.category,
    distance: best.distance,
    runnerUp: second.category,
    runnerUpDistance: second.distance,
  };
}
