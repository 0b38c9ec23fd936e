import type { Analyzer } from "../analyzer.js";
import type { Turn } from "../conversation/types.js";
import { CHANNELS, type Channel, EMOTIONS, type Emotion, isEmotion, POLARITIES } from "../labels.js";
import type { EmotionResult } from "../types.js";
import { EMOTION_FAMILY, FAMILIES, type GoldSetMapping } from "./gold-sets.js";
import { type ClassificationReport, classificationReport, spearman } from "./metrics.js";

/** One gold record: the text and its label(s), in the shared data's or Attune's own format. */
export interface GoldRecord {
  id?: string | number;
  text: string;
  lang?: string;
  /** The set's own label (shared data). */
  label?: string | number;
  /** Attune's label (corpus and exported corrections). */
  emotion?: string;
  polarity?: string | null;
  /** Where the text came from (Attune's corpus records it); the mapping's channel, when it has one, wins. */
  channel?: string;
  /** Earlier turns, for conversation sets (`user`/`system` or Attune's speakers). */
  context?: Array<{ speaker: string; text: string }>;
}

/** Reports per task, overall and per language. */
export interface EvaluationReport {
  set: string;
  n: number;
  tasks: Record<string, { overall: ClassificationReport; byLanguage: Record<string, ClassificationReport> }>;
  /** Conversation satisfaction against turn-level ratings (1–5), where the set has them. */
  satisfaction?: { n: number; spearman: number; threeWay: ClassificationReport };
}

/** Satisfaction above this counts as satisfied (4–5), below its negative as dissatisfied (1–2). */
export const SATISFACTION_BAND = 0.25;

const SPEAKER_MAP: Record<string, Turn["speaker"]> = {
  user: "customer",
  customer: "customer",
  system: "bot",
  bot: "bot",
  agent: "agent",
};

type Pair = { gold: string; predicted: string; lang: string };

function group(pairs: Pair[], labels: readonly string[]) {
  const byLanguage: Record<string, ClassificationReport> = {};
  const langs = [...new Set(pairs.map((p) => p.lang))].sort();
  if (langs.length > 1) {
    for (const l of langs)
      byLanguage[l] = classificationReport(
        pairs.filter((p) => p.lang === l),
        labels,
      );
  }
  return { overall: classificationReport(pairs, labels), byLanguage };
}

/** Two-way polarity: neutral answers are decided by the sign of the score (zero counts as negative). */
export function binaryPolarity(result: EmotionResult): "positive" | "negative" {
  if (result.polarity !== "neutral") return result.polarity;
  return result.score > 0 ? "positive" : "negative";
}

/**
 * Runs the analyzer over gold records and scores each task the mapping defines: two- or three-way
 * polarity, six families, or Attune's eleven labels. Records a task cannot read are left out of it.
 */
export function evaluateGold(
  records: readonly GoldRecord[],
  analyzer: Analyzer,
  mapping: GoldSetMapping,
  onProgress?: (done: number) => void,
): EvaluationReport {
  const polarity2: Pair[] = [];
  const polarity3: Pair[] = [];
  const family: Pair[] = [];
  const attune: Pair[] = [];
  records.forEach((r, i) => {
    const channel = mapping.channel ?? r.channel;
    const result = analyzer.analyze(
      r.text,
      channel && (CHANNELS as readonly string[]).includes(channel) ? { channel: channel as Channel } : undefined,
    );
    const lang = r.lang ?? result.lang;
    const label = r.label === undefined ? undefined : String(r.label);
    if (mapping.polarity2 && (r.polarity === "positive" || r.polarity === "negative")) {
      polarity2.push({ gold: r.polarity, predicted: binaryPolarity(result), lang });
    }
    if (mapping.polarity3 && r.polarity && (POLARITIES as readonly string[]).includes(r.polarity)) {
      polarity3.push({ gold: r.polarity, predicted: result.polarity, lang });
    }
    if (mapping.family && label !== undefined) {
      const f = mapping.family[label];
      if (f) family.push({ gold: f, predicted: EMOTION_FAMILY[result.emotion], lang });
    }
    const golds: Emotion[] = [];
    if (mapping.attune && label !== undefined) {
      for (const part of label.split(",")) {
        const e = mapping.attune[part.trim()];
        if (e && !golds.includes(e)) golds.push(e);
      }
    } else if (r.emotion && isEmotion(r.emotion)) golds.push(r.emotion);
    if (golds.length > 0) {
      // Multi-label records: right when the prediction is any of the gold labels.
      const gold = golds.includes(result.emotion) ? result.emotion : (golds[0] as Emotion);
      attune.push({ gold, predicted: result.emotion, lang });
      if (!mapping.family) family.push({ gold: EMOTION_FAMILY[gold], predicted: EMOTION_FAMILY[result.emotion], lang });
    }
    onProgress?.(i + 1);
  });
  let satisfaction: EvaluationReport["satisfaction"];
  if (mapping.satisfaction) {
    const ratings: number[] = [];
    const predicted: number[] = [];
    const bands: Array<{ gold: string; predicted: string }> = [];
    const band = (x: number) =>
      x > SATISFACTION_BAND ? "satisfied" : x < -SATISFACTION_BAND ? "dissatisfied" : "neutral";
    for (const r of records) {
      const rating = Number(r.label);
      if (!Number.isFinite(rating)) continue;
      const turns: Turn[] = (r.context ?? []).map((t) => ({
        speaker: SPEAKER_MAP[t.speaker] ?? "agent",
        text: t.text,
      }));
      turns.push({ speaker: "customer", text: r.text });
      const s = analyzer.analyzeConversation(turns).satisfaction.score;
      ratings.push(rating);
      predicted.push(s);
      bands.push({ gold: rating >= 4 ? "satisfied" : rating <= 2 ? "dissatisfied" : "neutral", predicted: band(s) });
    }
    satisfaction = {
      n: ratings.length,
      spearman: spearman(predicted, ratings),
      threeWay: classificationReport(bands, ["dissatisfied", "neutral", "satisfied"]),
    };
  }
  const tasks: EvaluationReport["tasks"] = {};
  if (polarity2.length) tasks["polarity (2-way)"] = group(polarity2, ["negative", "positive"]);
  if (polarity3.length) tasks["polarity (3-way)"] = group(polarity3, POLARITIES);
  if (family.length) tasks["emotion (6 families)"] = group(family, FAMILIES);
  if (attune.length) tasks["emotion (Attune labels)"] = group(attune, EMOTIONS);
  return { set: mapping.name, n: records.length, tasks, ...(satisfaction ? { satisfaction } : {}) };
}
