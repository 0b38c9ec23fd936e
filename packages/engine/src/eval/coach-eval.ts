import type { Analyzer } from "../analyzer.js";
import type { Coach } from "../coach/create-coach.js";
import { TONE_FLAGS, type ToneFlagType } from "../coach/tone-guard.js";
import type { Trajectory, Turn } from "../conversation/types.js";
import { type ClassificationReport, classificationReport } from "./metrics.js";

/** A labelled conversation of the written test set (packages/engine/test-data/conversations). */
export interface LabelledConversation {
  id: string;
  lang: string;
  channel: string;
  contactsThisWeek?: number;
  turns: Turn[];
  expected: {
    trajectory: Trajectory;
    turningPoints: Array<{ turn: number; direction: "better" | "worse" }>;
    finalPolarity: "negative" | "neutral" | "positive";
    priorityTier: 1 | 2 | 3 | 4;
  };
}

/** How the conversation analysis agrees with the labels. */
export interface ConversationEvaluation {
  n: number;
  trajectory: ClassificationReport;
  finalPolarity: ClassificationReport;
  turningPoints: { precision: number; recall: number; f1: number };
  /** Share of pairs from different tiers that the priority score orders as the supervisor did. */
  priorityPairwise: number;
  meanPriorityByTier: Record<string, number>;
}

const prf = (tp: number, predicted: number, actual: number) => {
  const precision = predicted ? tp / predicted : 0;
  const recall = actual ? tp / actual : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Scores trajectory, turning points, final polarity and priority order against the written set. */
export function evaluateConversations(
  items: readonly LabelledConversation[],
  analyzer: Analyzer,
): ConversationEvaluation {
  const traj: Array<{ gold: string; predicted: string }> = [];
  const pol: Array<{ gold: string; predicted: string }> = [];
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  const scored: Array<{ tier: number; score: number }> = [];
  for (const c of items) {
    const r = analyzer.analyzeConversation(
      c.turns,
      c.contactsThisWeek !== undefined ? { contactsThisWeek: c.contactsThisWeek } : {},
    );
    traj.push({ gold: c.expected.trajectory, predicted: r.trajectory });
    pol.push({ gold: c.expected.finalPolarity, predicted: r.final.polarity });
    predicted += r.turningPoints.length;
    actual += c.expected.turningPoints.length;
    for (const p of r.turningPoints) {
      if (c.expected.turningPoints.some((e) => e.turn === p.turn && e.direction === p.direction)) tp++;
    }
    scored.push({ tier: c.expected.priorityTier, score: r.priority.score });
  }
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < scored.length; i++) {
    for (let j = i + 1; j < scored.length; j++) {
      const a = scored[i] as { tier: number; score: number };
      const b = scored[j] as { tier: number; score: number };
      if (a.tier === b.tier) continue;
      pairs++;
      const urgentFirst = a.tier < b.tier ? a.score > b.score : b.score > a.score;
      if (urgentFirst) agree++;
      else if (a.score === b.score) agree += 0.5;
    }
  }
  const meanPriorityByTier: Record<string, number> = {};
  for (const tier of [1, 2, 3, 4]) {
    const s = scored.filter((x) => x.tier === tier);
    meanPriorityByTier[String(tier)] = s.length
      ? Math.round((s.reduce((a, x) => a + x.score, 0) / s.length) * 10) / 10
      : 0;
  }
  return {
    n: items.length,
    trajectory: classificationReport(traj, ["escalating", "de-escalating", "steady", "recovered"]),
    finalPolarity: classificationReport(pol, ["negative", "neutral", "positive"]),
    turningPoints: prf(tp, predicted, actual),
    priorityPairwise: pairs ? agree / pairs : 0,
    meanPriorityByTier,
  };
}

/** A labelled agent draft of the written set (packages/engine/test-data/drafts). */
export interface LabelledDraft {
  id: string;
  lang: string;
  customer: string[];
  customerEmotion: string;
  draft: string;
  flags: Array<{ type: ToneFlagType; text: string }>;
  facts: string[];
}

/** Precision and recall of each tone flag, and whether rewrites kept every fact. */
export interface DraftEvaluation {
  n: number;
  perFlag: Record<ToneFlagType, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  /** Drafts whose rewrite contains every labelled fact. */
  factsKept: number;
  factsTotal: number;
  lostFacts: Array<{ id: string; fact: string }>;
}

/** Runs the tone guard over the labelled drafts: a flag counts when its type is found in the draft. */
export function evaluateDrafts(items: readonly LabelledDraft[], coach: Coach): DraftEvaluation {
  const counts = Object.fromEntries(TONE_FLAGS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    ToneFlagType,
    { tp: number; fp: number; fn: number }
  >;
  let factsKept = 0;
  let factsTotal = 0;
  const lostFacts: Array<{ id: string; fact: string }> = [];
  for (const d of items) {
    const check = coach.checkDraft(
      d.draft,
      d.customer.map((text) => ({ speaker: "customer", text })),
    );
    const found = new Set(check.flags.map((f) => f.type));
    const gold = new Set(d.flags.map((f) => f.type));
    for (const f of TONE_FLAGS) {
      const c = counts[f];
      if (found.has(f) && gold.has(f)) c.tp++;
      else if (found.has(f)) c.fp++;
      else if (gold.has(f)) c.fn++;
    }
    for (const fact of d.facts) {
      factsTotal++;
      if (check.rewrite.includes(fact)) factsKept++;
      else lostFacts.push({ id: d.id, fact });
    }
  }
  const perFlag = {} as DraftEvaluation["perFlag"];
  let f1Sum = 0;
  let present = 0;
  for (const f of TONE_FLAGS) {
    const c = counts[f];
    const r = prf(c.tp, c.tp + c.fp, c.tp + c.fn);
    perFlag[f] = { ...r, support: c.tp + c.fn };
    if (c.tp + c.fn > 0) {
      f1Sum += r.f1;
      present++;
    }
  }
  return { n: items.length, perFlag, macroF1: present ? f1Sum / present : 0, factsKept, factsTotal, lostFacts };
}
