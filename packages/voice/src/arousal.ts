import type { Emotion } from "@attune/engine";
import {
  type Baseline,
  FEATURE_UNITS,
  type FeatureVector,
  VOICE_FEATURES,
  type VoiceFeature,
  zScores,
} from "./baseline.js";
import { type CategoryGuess, nearestCategory, type VoiceCategory } from "./category.js";

/**
 * How much each feature says about arousal, and which way (signed). Set from the vocal-expression literature, not
 * fitted to any data set: level, F0 and high-frequency energy (vocal effort) rise most consistently with activation
 * (Banse & Scherer 1996; Juslin & Laukka 2003; the eGeMAPS arousal features, Eyben et al. 2016); F0 range and rate
 * rise too, less reliably; level range least. High-frequency energy is measured twice, as the alpha ratio (rises
 * with effort) and the Hammarberg index (falls with it), and the two share its weight.
 */
export const AROUSAL_WEIGHTS: Record<VoiceFeature, number> = {
  loudness: 1,
  f0Level: 1,
  alphaRatio: 0.5,
  hammarberg: -0.5,
  f0Range: 0.5,
  rate: 0.5,
  loudnessRange: 0.25,
};

/** The Attune emotion each voice category reads as; boredom and disgust have none. */
export const EMOTION_OF_CATEGORY: Record<VoiceCategory, Emotion | null> = {
  anger: "anger",
  fear: "anxiety",
  joy: "joy",
  sadness: "sadness",
  neutral: "neutral",
  boredom: null,
  disgust: null,
};

/**
 * How much nearer (in SDs) the best profile must be than the runner-up before the voice names an emotion: about
 * half a just-noticeable step on one cue. Below it the cues sit between two profiles and the estimate says so.
 */
export const MIN_CATEGORY_MARGIN = 0.5;

/** One feature's part in a voice estimate. */
export interface VoiceEvidence {
  feature: VoiceFeature;
  value: number;
  /** The speaker's own median. */
  baseline: number;
  /** Robust SDs from the speaker's median. */
  z: number;
  /** Weighted share of the arousal score (signed). */
  contribution: number;
  /** In words: `loudness +1.8 SD above this speaker's median (-21.3 vs -26.0 dBFS)`. */
  text: string;
}

/** What the voice says about one stretch of speech. */
export interface VoiceEstimate {
  /** 0 calm … 1 agitated; 0.5 is the speaker's own median. */
  arousal: number;
  /** 0..1: how much to trust `arousal` (baseline size, speech length, pitch found). */
  confidence: number;
  /** An emotion only where the prosodic pattern is a defensible one; otherwise null and `reason` says why. */
  emotion: Emotion | null;
  reason: string | null;
  /**
   * The nearest literature cue profile, always given once the speaker has a baseline of 3 stretches: a best guess
   * for evaluation and display, which `emotion` only repeats when it is clearly nearer than the runner-up.
   */
  category: CategoryGuess | null;
  /** Features behind the estimate, strongest first. */
  evidence: VoiceEvidence[];
}

/** Steepness of the squashing: a stretch 1 SD from the speaker's median, the agitated way, on every cue scores 0.83. */
const SLOPE = 1.6;

function describe(name: VoiceFeature, value: number, base: number, z: number): string {
  const where = z >= 0 ? "above" : "below";
  const unit = FEATURE_UNITS[name];
  return `${name} ${z >= 0 ? "+" : ""}${z.toFixed(1)} SD ${where} this speaker's median (${value.toFixed(1)} vs ${base.toFixed(1)} ${unit})`;
}

/** The emotion the nearest cue profile names, or null and why. */
function classify(guess: CategoryGuess | null): { emotion: Emotion | null; reason: string | null } {
  if (!guess) return { emotion: null, reason: "no cue could be measured" };
  const margin = guess.runnerUpDistance - guess.distance;
  if (margin < MIN_CATEGORY_MARGIN) {
    return {
      emotion: null,
      reason: `the cues sit between ${guess.category} and ${guess.runnerUp} (${guess.distance.toFixed(1)} vs ${guess.runnerUpDistance.toFixed(1)} SD from their profiles)`,
    };
  }
  const emotion = EMOTION_OF_CATEGORY[guess.category];
  if (emotion === null) {
    return { emotion: null, reason: `the voice fits ${guess.category} best, which is not one of Attune's emotions` };
  }
  return { emotion, reason: null };
}

/**
 * Scores arousal and, where the cues allow, an emotion, relative to the speaker's own baseline.
 *
 * @param speechSec seconds of speech behind `vector`, for the confidence
 * @example
 * const estimate = estimateVoice(featureVector(prosody), baseline, prosody.speechSec);
 * estimate.arousal; // 0.82
 */
export function estimateVoice(vector: FeatureVector, baseline: Baseline, speechSec: number): VoiceEstimate {
  const z = zScores(vector, baseline);
  let sum = 0;
  let weight = 0;
  const evidence: VoiceEvidence[] = [];
  for (const name of VOICE_FEATURES) {
    const score = z[name];
    const value = vector[name];
    const base = baseline.median[name];
    if (score === null || value === null || base === null) continue;
    const w = AROUSAL_WEIGHTS[name];
    sum += w * score;
    weight += Math.abs(w);
    evidence.push({
      feature: name,
      value,
      baseline: base,
      z: score,
      contribution: w * score,
      text: describe(name, value, base, score),
    });
  }
  evidence.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  if (weight === 0) {
    return {
      arousal: 0.5,
      confidence: 0,
      emotion: null,
      reason: "no speech could be measured",
      category: null,
      evidence,
    };
  }
  const arousal = 1 / (1 + Math.exp((-SLOPE * sum) / weight));
  const coverage = weight / VOICE_FEATURES.reduce((a, n) => a + Math.abs(AROUSAL_WEIGHTS[n]), 0);
  const confidence = Math.min(1, baseline.count / 5) * Math.min(1, speechSec / 1.5) * coverage;
  if (baseline.count < 3) {
    return {
      arousal,
      confidence,
      emotion: null,
      reason: `too little of this speaker to know their usual voice (${baseline.count} stretch${baseline.count === 1 ? "" : "es"}, need 3)`,
      category: null,
      evidence,
    };
  }
  const category = nearestCategory(z);
  if (vector.f0Level === null) {
    return { arousal, confidence, emotion: null, reason: "too little voiced speech to read pitch", category, evidence };
  }
  return { arousal, confidence, ...classify(category), category, evidence };
}
