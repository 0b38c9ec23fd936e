import type { Emotion } from "@attune/engine";
import { estimateVoice } from "../arousal.js";
import { buildBaseline, type FeatureVector } from "../baseline.js";
import type { VoiceCategory } from "../category.js";
import { quantile } from "../stats.js";
import { type ClassReport, classReport } from "./metrics.js";

/** One labelled recording, measured. */
export interface MeasuredUtterance {
  file: string;
  /** The data set's own label (e.g. EmoDB's anger, boredom, disgust, fear, happiness, sadness, neutral). */
  label: string;
  speaker: string;
  vector: FeatureVector;
  speechSec: number;
  /** The file's highest sample, dBFS (`peakDbfs`): tells whether the speaker's files were peak-normalized. */
  peakDb?: number;
}

/** Labels counted as high and low arousal in the binary task; any other label (e.g. disgust) is left out. */
export const AROUSAL_OF_LABEL: Record<string, "high" | "low"> = {
  anger: "high",
  fear: "high",
  happiness: "high",
  anxiety: "high",
  joy: "high",
  surprise: "high",
  sadness: "low",
  boredom: "low",
  neutral: "low",
};

/** How a voice category reads in the data set's label set: joy is happiness. */
export const DATASET_LABEL_OF_CATEGORY: Record<VoiceCategory, string> = {
  anger: "anger",
  fear: "fear",
  joy: "happiness",
  sadness: "sadness",
  boredom: "boredom",
  disgust: "disgust",
  neutral: "neutral",
};

/** How an Attune emotion reads in the data set's label set: anxiety is fear, joy is happiness. */
export const DATASET_LABEL_OF: Partial<Record<Emotion, string>> = {
  anger: "anger",
  anxiety: "fear",
  joy: "happiness",
  sadness: "sadness",
  neutral: "neutral",
};

/** Scores of one speaker. */
export interface SpeakerScores {
  speaker: string;
  files: number;
  arousalUar: number;
  categoryUar: number;
  /** Category UAR of the product's `emotion`, abstentions counted wrong. */
  emotionUar: number;
}

/** What `attune eval-audio` reports. */
export interface AudioEvalReport {
  files: number;
  /** Binary arousal (high vs low); files with other labels left out. */
  arousal: ClassReport;
  /** Every gold label against the best-guess category (the nearest cue profile); `none` if nothing was measured. */
  category: ClassReport;
  /** Every gold label against the product's `emotion`, which abstains (`none`) when the guess is not clear. */
  emotion: ClassReport;
  perSpeaker: SpeakerScores[];
  /** Speakers whose files were all normalized to one peak, so their loudness was left out (see `isLevelNormalized`). */
  levelNormalizedSpeakers: string[];
}

/**
 * Whether a speaker's recordings were normalized to one peak level: the middle half of their peaks lies within
 * 1 dB. Recorded at one gain, a speaker's quiet and shouted takes differ in peak by many dB; normalized, they do not,
 * and their levels then say nothing about vocal effort (in EmoDB's normalized copy, acted anger reads quieter than
 * sadness).
 *
 * @example
 * isLevelNormalized([{ peakDb: -0.1 }, { peakDb: 0 }, { peakDb: -0.2 }]); // true
 */
export function isLevelNormalized(group: ReadonlyArray<{ peakDb?: number }>): boolean {
  const peaks = group.map((g) => g.peakDb).filter((p): p is number => p !== undefined && Number.isFinite(p));
  if (peaks.length < 3 || peaks.length < group.length) return false;
  return quantile(peaks, 0.75) - quantile(peaks, 0.25) < 1;
}

/**
 * Evaluates the voice estimates on labelled utterances. Each speaker's baseline is built from all of that speaker's
 * files, without their labels (per-speaker normalization, the usual protocol for acted corpora); then every file
 * is scored exactly as a call segment is: arousal ≥ 0.5 is high. A speaker whose files were peak-normalized
 * (`isLevelNormalized`) is scored without loudness, which such files no longer carry. The category is the best
 * guess (the nearest cue profile, never abstaining); the product's `emotion`, which may abstain, is scored beside it.
 *
 * @example
 * const report = evaluateUtterances(measured);
 * report.arousal.uar; // 0.83
 */
export function evaluateUtterances(items: readonly MeasuredUtterance[]): AudioEvalReport {
  const bySpeaker = new Map<string, MeasuredUtterance[]>();
  for (const item of items) bySpeaker.set(item.speaker, [...(bySpeaker.get(item.speaker) ?? []), item]);
  const arousalPairs: Array<{ gold: string | null; predicted: string; speaker: string }> = [];
  const categoryPairs: Array<{ gold: string | null; predicted: string; speaker: string }> = [];
  const emotionPairs: Array<{ gold: string | null; predicted: string; speaker: string }> = [];
  const levelNormalizedSpeakers: string[] = [];
  for (const [speaker, group] of bySpeaker) {
    const normalized = isLevelNormalized(group);
    if (normalized) levelNormalizedSpeakers.push(speaker);
    const vectors = group.map((g) => (normalized ? { ...g.vector, loudness: null } : g.vector));
    const baseline = buildBaseline(vectors);
    group.forEach((item, i) => {
      const voice = estimateVoice(vectors[i] as FeatureVector, baseline, item.speechSec);
      arousalPairs.push({
        gold: AROUSAL_OF_LABEL[item.label] ?? null,
        predicted: voice.arousal >= 0.5 ? "high" : "low",
        speaker,
      });
      categoryPairs.push({
        gold: item.label,
        predicted: voice.category ? DATASET_LABEL_OF_CATEGORY[voice.category.category] : "none",
        speaker,
      });
      emotionPairs.push({
        gold: item.label,
        predicted: voice.emotion ? (DATASET_LABEL_OF[voice.emotion] ?? voice.emotion) : "none",
        speaker,
      });
    });
  }
  const perSpeaker = [...bySpeaker.keys()].sort().map((speaker) => ({
    speaker,
    files: bySpeaker.get(speaker)?.length ?? 0,
    arousalUar: classReport(arousalPairs.filter((p) => p.speaker === speaker)).uar,
    categoryUar: classReport(categoryPairs.filter((p) => p.speaker === speaker)).uar,
    emotionUar: classReport(emotionPairs.filter((p) => p.speaker === speaker)).uar,
  }));
  return {
    files: items.length,
    arousal: classReport(arousalPairs),
    category: classReport(categoryPairs),
    emotion: classReport(emotionPairs),
    perSpeaker,
    levelNormalizedSpeakers: levelNormalizedSpeakers.sort(),
  };
}
