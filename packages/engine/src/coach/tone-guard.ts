import { type AgentCue, type AgentCueKind, findAgentCues, has } from "../conversation/agent-cues.js";
import type { ConversationAnalysis } from "../conversation/types.js";
import { AttuneError, describeType } from "../errors.js";

/** What the tone guard can say about a draft. */
export const TONE_FLAGS = [
  "absolute_refusal",
  "blame",
  "dismissal",
  "jargon",
  "over_promise",
  "missing_apology",
  "missing_next_step",
  "too_casual",
  "too_cold",
] as const;
export type ToneFlagType = (typeof TONE_FLAGS)[number];

/** One problem in a draft: where (empty span for something missing) and why it matters. */
export interface ToneFlag {
  type: ToneFlagType;
  start: number;
  end: number;
  text: string;
  reason: string;
}

/** The customer's state the draft answers, taken from the conversation. */
export interface DraftContext {
  emotion: ConversationAnalysis["final"]["emotion"];
  intensity: number;
  negative: boolean;
  /** Upset because of the company (a complaint), so an apology is due. */
  companyAtFault: boolean;
  /** Has a problem to solve, so the draft needs a next step. */
  hasProblem: boolean;
  abusive: boolean;
}

const REASONS: Record<ToneFlagType, string> = {
  absolute_refusal: "a flat refusal closes the door: say what you can do instead",
  blame: "blaming the customer turns a problem into an argument",
  dismissal: "telling an upset customer to calm down or that it is no big deal denies their feeling",
  jargon: "internal terms the customer does not know: use plain words",
  over_promise: "a promise you cannot guarantee becomes the next complaint",
  missing_apology: "the customer is upset because of us and the draft does not apologize",
  missing_next_step: "the draft gives no concrete next step with a time",
  too_casual: "too casual for an upset customer",
  too_cold: "curt or boilerplate: it reads as not caring",
};

const CUE_FLAGS: Partial<Record<AgentCueKind, ToneFlagType>> = {
  absolute_refusal: "absolute_refusal",
  blame: "blame",
  dismissal: "dismissal",
  jargon: "jargon",
  over_promise: "over_promise",
};

/** Reads the customer's state from an analyzed conversation. */
export function draftContextOf(conversation: ConversationAnalysis): DraftContext {
  const { final } = conversation;
  const last = [...conversation.turns].reverse().find((t) => t.speaker === "customer");
  const negative = final.polarity === "negative";
  const question = last ? /[?？]/.test(last.text) : false;
  return {
    emotion: final.emotion,
    intensity: final.intensity,
    negative,
    // The rule and the practice's: an angry or frustrated customer is owed an apology.
    companyAtFault: negative && (final.emotion === "anger" || final.emotion === "frustration"),
    hasProblem: negative || final.emotion === "confusion" || question,
    abusive: conversation.turns.some((t) => t.result?.signals.abuse.present),
  };
}

/**
 * The tone guard's findings for a draft: flagged spans with reasons, and missing apology or next step
 * as empty spans. Casual and cold register only count when the customer is upset.
 */
export function findToneFlags(
  draft: string,
  context: DraftContext,
  cues: readonly AgentCue[] = findAgentCues(draft),
): ToneFlag[] {
  const flags: ToneFlag[] = [];
  for (const c of cues) {
    const type = CUE_FLAGS[c.kind];
    if (type) flags.push({ type, start: c.start, end: c.end, text: c.text, reason: REASONS[type] });
  }
  if (context.negative) {
    for (const c of cues) {
      if (c.kind === "too_casual")
        flags.push({ type: "too_casual", start: c.start, end: c.end, text: c.text, reason: REASONS.too_casual });
    }
    const warm = has(cues, "acknowledge") || has(cues, "apology");
    const canned = cues.filter((c) => c.kind === "canned");
    for (const c of canned)
      flags.push({ type: "too_cold", start: c.start, end: c.end, text: c.text, reason: REASONS.too_cold });
    const chars = draft.replace(/\s+/g, "").length;
    if (!canned.length && !warm && (chars <= 12 || (/[a-z]/i.test(draft) && draft.trim().split(/\s+/).length <= 4))) {
      flags.push({ type: "too_cold", start: 0, end: draft.length, text: draft, reason: REASONS.too_cold });
    }
  }
  if (context.companyAtFault && !has(cues, "apology")) {
    flags.push({ type: "missing_apology", start: 0, end: 0, text: "", reason: REASONS.missing_apology });
  }
  const step = has(cues, "next_step") || has(cues, "time") || has(cues, "follow_up") || has(cues, "instruction");
  if (context.hasProblem && !step) {
    flags.push({
      type: "missing_next_step",
      start: draft.length,
      end: draft.length,
      text: "",
      reason: REASONS.missing_next_step,
    });
  }
  return flags.sort((a, b) => a.start - b.start);
}

/** The empathy score of a draft (0..100) and how it was reached. */
export interface EmpathyScore {
  score: number;
  breakdown: Array<{ item: string; points: number }>;
}

/** Scores a draft's empathy: acknowledgment, apology, ownership, next step, options, follow-up, minus each flag. */
export function scoreDraftEmpathy(
  cues: readonly AgentCue[],
  flags: readonly ToneFlag[],
  context: DraftContext,
): EmpathyScore {
  const breakdown: Array<{ item: string; points: number }> = [{ item: "base", points: 40 }];
  const add = (item: string, points: number) => breakdown.push({ item, points });
  if (has(cues, "acknowledge")) add("acknowledges the feeling", context.negative ? 20 : 10);
  if (has(cues, "apology") && context.companyAtFault) add("apologizes", 10);
  if (has(cues, "ownership")) add("takes ownership", 10);
  if (has(cues, "next_step") || has(cues, "time")) add("concrete next step or time", 10);
  if (has(cues, "options")) add("offers options", 5);
  if (has(cues, "follow_up")) add("promises a follow-up", 5);
  const penalty: Record<ToneFlagType, number> = {
    absolute_refusal: -20,
    blame: -25,
    dismissal: -25,
    jargon: -5,
    over_promise: -10,
    missing_apology: -15,
    missing_next_step: -10,
    too_casual: -10,
    too_cold: -15,
  };
  const seen = new Set<ToneFlagType>();
  for (const f of flags) {
    if (seen.has(f.type)) continue;
    seen.add(f.type);
    add(f.type.replace(/_/g, " "), penalty[f.type]);
  }
  const score = Math.max(
    0,
    Math.min(
      100,
      breakdown.reduce((a, b) => a + b.points, 0),
    ),
  );
  return { score, breakdown };
}

/** Checks that a draft is a string, with a clear error otherwise. */
export function validateDraft(draft: unknown): asserts draft is string {
  if (typeof draft !== "string")
    throw new AttuneError("invalid_input", `expected the draft to be a string, found ${describeType(draft)}`);
}
