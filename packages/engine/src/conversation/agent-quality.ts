import { NOTHING } from "../empty.js";
import type { Emotion } from "../labels.js";
import { type AgentCue, type AgentCueKind, findAgentCues, has } from "./agent-cues.js";

/** One item of an agent turn's quality breakdown. */
export interface QualityItem {
  /** What was checked, e.g. `acknowledged the feeling`. */
  check: string;
  /** Met (true), missed (false), or not applicable to this turn (null). */
  met: boolean | null;
  /** Points it added or cost. */
  points: number;
  /** A fault (refusal, blame, …) rather than a good practice that was met or missed. */
  fault: boolean;
  evidence: Array<{ start: number; end: number; text: string }>;
}

/** How an agent turn scores for empathy and helpfulness (each 0..100), with the breakdown. */
export interface AgentTurnQuality {
  empathy: number;
  helpfulness: number;
  breakdown: QualityItem[];
  cues: AgentCue[];
}

/** What the agent was answering: the customer's state before this turn. */
export interface AgentContext {
  customerEmotion: Emotion;
  customerNegative: boolean;
  /** The customer is upset because of the company (a complaint, not a question). */
  companyAtFault: boolean;
  /** The customer has a problem to solve (not just thanks or small talk). */
  hasProblem: boolean;
}

function spans(cues: readonly AgentCue[], kind: AgentCueKind): QualityItem["evidence"] {
  let out: QualityItem["evidence"] = NOTHING;
  for (const { kind: k, start, end, text } of cues) {
    if (k !== kind) continue;
    if (out === NOTHING) out = [];
    out.push({ start, end, text });
  }
  return out;
}

/**
 * Scores one agent turn the way a quality reviewer would: acknowledged the feeling, apologized where
 * due, owned the problem, gave a concrete next step with a time, offered options, promised a
 * follow-up; and lost points for refusals, blame, dismissals, jargon, canned text and hand-offs.
 */
export function scoreAgentTurn(text: string, context: AgentContext): AgentTurnQuality {
  const cues = findAgentCues(text);
  const breakdown: QualityItem[] = [];
  const item = (check: string, met: boolean | null, points: number, kind: AgentCueKind, fault = false) =>
    breakdown.push({ check, met, points: met === null ? 0 : points, fault, evidence: spans(cues, kind) });

  const upset = context.customerNegative;
  const acknowledged = has(cues, "acknowledge");
  const apologized = has(cues, "apology");
  const owned = has(cues, "ownership");
  const step = has(cues, "next_step") || (owned && has(cues, "time"));
  const timed = has(cues, "time");
  const options = has(cues, "options");
  const followUp = has(cues, "follow_up");

  let empathy = 50;
  let helpfulness = 40;
  if (upset) {
    item("acknowledged the feeling", acknowledged, acknowledged ? 25 : -15, "acknowledge");
    empathy += acknowledged ? 25 : -15;
  } else item("acknowledged the feeling", acknowledged ? true : null, acknowledged ? 10 : 0, "acknowledge");
  if (!upset && acknowledged) empathy += 10;
  if (context.companyAtFault) {
    item("apologized where the company is at fault", apologized, apologized ? 20 : -15, "apology");
    empathy += apologized ? 20 : -15;
  } else if (apologized) {
    item("apologized", true, 5, "apology");
    empathy += 5;
  }
  if (context.hasProblem) {
    item("owned the problem", owned, owned ? 15 : -5, "ownership");
    helpfulness += owned ? 15 : -5;
    item("gave a concrete next step", step, step ? 20 : -15, "next_step");
    helpfulness += step ? 20 : -15;
    item("said when", timed, timed ? 10 : -5, "time");
    helpfulness += timed ? 10 : -5;
    item("offered options", options ? true : null, options ? 10 : 0, "options");
    helpfulness += options ? 10 : 0;
    item("promised a follow-up", followUp ? true : null, followUp ? 10 : 0, "follow_up");
    helpfulness += followUp ? 10 : 0;
  }
  const penalties: Array<[AgentCueKind, string, number, "empathy" | "helpfulness"]> = [
    ["absolute_refusal", "flat refusal", -25, "helpfulness"],
    ["blame", "blamed the customer", -35, "empathy"],
    ["dismissal", "dismissed the feeling", -35, "empathy"],
    ["jargon", "used internal jargon", -10, "helpfulness"],
    ["canned", "canned reply", upset ? -20 : -5, "empathy"],
    ["transfer", "handed the customer off", upset ? -15 : -5, "helpfulness"],
    ["too_casual", "too casual for the moment", upset ? -15 : 0, "empathy"],
  ];
  for (const [kind, check, points, target] of penalties) {
    if (!has(cues, kind) || points === 0) continue;
    item(check, false, points, kind, true);
    if (target === "empathy") empathy += points;
    else helpfulness += points;
  }
  const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));
  return { empathy: clamp(empathy), helpfulness: clamp(helpfulness), breakdown, cues };
}
