import type { Emotion } from "@attune/engine";
import { estimateVoice } from "../arousal.js";
import { buildBaseline, type FeatureVector } from "../baseline.js";
import { type ClassReport, classReport } from "./metrics.js";

/** One labelled recording, measured. */
export interface MeasuredUtterance {
  file: string;
  /** The data set's own label (e.g. EmoDB's anger, boredom, disgust, fear, happiness, sadness, neutral). */
  label: string;
  speaker: string;
  vector: FeatureVector;
  speechSec: number;
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
}

/** What `attune eval-audio` reports. */
export interface AudioEvalReport {
  files: number;
  /** Binary arousal (high vs low); files with other labels left out. */
  arousal: ClassReport;
  /** Every gold label; a file with no emotion estimate counts as `none`. */
  category: ClassReport;
  perSpeaker: SpeakerScores[];
}

/**
 * Evaluates the voice estimates on labelled utterances. Each speaker's baseline is built from all of that speaker's
 * files, without their labels (per-speaker normalization, the usual protocol for acted corpora); then every file
 * is scored exactly as a call segment is: arousal ≥ 0.5 is high.
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
  for (const [speaker, group] of bySpeaker) {
    const baseline = buildBaseline(group.map((g) => g.vector));
    for (const item of group) {
      const voice = estimateVoice(item.vector, baseline, item.speechSec);
      arousalPairs.push({
        gold: AROUSAL_OF_LABEL[item.label] ?? null,
        predicted: voice.arousal >= 0.5 ? "high" : "low",
        speaker,
      });
      categoryPairs.push({
        gold: item.label,
        predicted: voice.emotion ? (DATASET_LABEL_OF[voice.emotion] ?? voice.emotion) : "none",
        speaker,
      });
    }
  }
  const perSpeaker = [...bySpeaker.keys()].sort().map((speaker) => ({
    speaker,
    files: bySpeaker.get(speaker)?.length ?? 0,
    arousalUar: classReport(arousalPairs.filter((p) => p.speaker === speaker)).uar,
    categoryUar: classReport(categoryPairs.filter((p) => p.speaker === speaker)).uar,
  }));
  return { files: items.length, arousal: classReport(arousalPairs), category: classReport(categoryPairs), perSpeaker };
}
