import type { Emotion } from "@attune/engine";
import {
  type Baseline,
  FEATURE_UNITS,
  type FeatureVector,
  VOICE_FEATURES,
  type VoiceFeature,
  zScores,
} from "./baseline.js";

/**
 * How much each feature says about arousal. Set from the vocal-expression literature, not fitted to any data set:
 * level, F0 and high-frequency energy (vocal effort) rise most consistently with activation (Banse & Scherer 1996;
 * Juslin & Laukka 2003; the eGeMAPS arousal features, Eyben et al. 2016); F0 range and rate rise too, less reliably;
 * level range least.
 */
export const AROUSAL_WEIGHTS: Record<VoiceFeature, number> = {
  loudness: 1,
  f0Level: 1,
  alphaRatio: 1,
  f0Range: 0.5,
  rate: 0.5,
  loudnessRange: 0.25,
};

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
  /** Features behind the estimate, strongest first. */
  evidence: VoiceEvidence[];
}

/** Steepness of the squashing: a stretch 1 SD above the speaker's median on every cue scores 0.83. */
const SLOPE = 1.6;

function describe(name: VoiceFeature, value: number, base: number, z: number): string {
  const where = z >= 0 ? "above" : "below";
  const unit = FEATURE_UNITS[name];
  return `${name} ${z >= 0 ? "+" : ""}${z.toFixed(1)} SD ${where} this speaker's median (${value.toFixed(1)} vs ${base.toFixed(1)} ${unit})`;
}

/** Which emotion the z-scores point to, from the cue profiles in Juslin & Laukka (2003), or null and why. */
function classify(arousal: number, z: FeatureVector): { emotion: Emotion | null; reason: string | null } {
  const v = (name: VoiceFeature) => z[name] ?? 0;
  if (arousal >= 0.65) {
    if (v("loudness") >= 0.75 && v("alphaRatio") >= 0.75) return { emotion: "anger", reason: null };
    if (v("f0Level") >= 0.75 && v("f0Range") <= 0.25 && v("loudness") < 0.75)
      return { emotion: "anxiety", reason: null };
    if (v("f0Range") >= 0.5 && v("f0Level") >= 0.5 && v("alphaRatio") < 0.75) return { emotion: "joy", reason: null };
    return {
      emotion: null,
      reason: "agitated voice, but the cues fit no one emotion (prosody alone cannot tell anger from joy here)",
    };
  }
  if (arousal <= 0.35) {
    if (v("loudness") <= -0.5 && v("f0Range") <= -0.5 && v("rate") <= -0.25)
      return { emotion: "sadness", reason: null };
    return { emotion: "neutral", reason: null };
  }
  const strong = VOICE_FEATURES.filter((name) => Math.abs(v(name)) >= 1.5);
  if (strong.length === 0) return { emotion: "neutral", reason: null };
  return { emotion: null, reason: `mixed cues near the speaker's median (${strong.join(", ")} far from it)` };
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
    weight += w;
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
    return { arousal: 0.5, confidence: 0, emotion: null, reason: "no speech could be measured", evidence };
  }
  const arousal = 1 / (1 + Math.exp((-SLOPE * sum) / weight));
  const coverage = weight / VOICE_FEATURES.reduce((a, n) => a + AROUSAL_WEIGHTS[n], 0);
  const confidence = Math.min(1, baseline.count / 5) * Math.min(1, speechSec / 1.5) * coverage;
  if (baseline.count < 3) {
    return {
      arousal,
      confidence,
      emotion: null,
      reason: `too little of this speaker to know their usual voice (${baseline.count} stretch${baseline.count === 1 ? "" : "es"}, need 3)`,
      evidence,
    };
  }
  if (vector.f0Level === null) {
    return { arousal, confidence, emotion: null, reason: "too little voiced speech to read pitch", evidence };
  }
  return { arousal, confidence, ...classify(arousal, z), evidence };
}
