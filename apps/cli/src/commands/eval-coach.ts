import type { Analyzer } from "@attune/engine";
import { createCoach } from "@attune/engine";
import {
  type ConversationEvaluation,
  type DraftEvaluation,
  evaluateConversations,
  evaluateDrafts,
  type LabelledConversation,
  type LabelledDraft,
} from "@attune/engine/eval";
import { readJsonlFolder } from "@attune/engine/node";

const f3 = (x: number) => x.toFixed(3);

export function formatConversationEvaluation(e: ConversationEvaluation): string {
  return [
    `conversations: ${e.n}`,
    `  trajectory: accuracy ${f3(e.trajectory.accuracy)}  macro-F1 ${f3(e.trajectory.macroF1)}`,
    `  final polarity: accuracy ${f3(e.finalPolarity.accuracy)}`,
    `  turning points: precision ${f3(e.turningPoints.precision)}  recall ${f3(e.turningPoints.recall)}  F1 ${f3(e.turningPoints.f1)}`,
    `  priority: ${f3(e.priorityPairwise)} of cross-tier pairs ordered as the supervisor did; mean score by tier ${Object.entries(
      e.meanPriorityByTier,
    )
      .map(([t, s]) => `${t}: ${s}`)
      .join(", ")}`,
  ].join("\n");
}

export function formatDraftEvaluation(e: DraftEvaluation): string {
  const lines = [
    `drafts: ${e.n}  flag macro-F1 ${f3(e.macroF1)}  facts kept in rewrites ${e.factsKept}/${e.factsTotal}`,
  ];
  for (const [flag, v] of Object.entries(e.perFlag)) {
    lines.push(`  ${flag.padEnd(18)} precision ${f3(v.precision)}  recall ${f3(v.recall)}  (n=${v.support})`);
  }
  for (const lost of e.lostFacts.slice(0, 10)) lines.push(`  lost fact in ${lost.id}: ${lost.fact}`);
  return lines.join("\n");
}

/** `attune eval-coach`: the conversation and tone-guard test sets, scored. */
export function runEvalCoach(analyzer: Analyzer, dirs: { conversations: string; drafts: string }): string {
  const conv = evaluateConversations(readJsonlFolder<LabelledConversation>(dirs.conversations), analyzer);
  const drafts = evaluateDrafts(readJsonlFolder<LabelledDraft>(dirs.drafts), createCoach(analyzer));
  return `${formatConversationEvaluation(conv)}\n${formatDraftEvaluation(drafts)}`;
}
