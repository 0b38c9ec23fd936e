import type { Priority, PriorityFactor, PriorityFactorName } from "./types.js";

/** Operator-editable weights of the queue priority (points at full strength). */
export type PriorityWeights = Record<PriorityFactorName, number>;

/** Defaults: with all factors at full strength the score is 100. */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  negativeIntensity: 20,
  anger: 10,
  rising: 10,
  escalationThreat: 18,
  abuse: 8,
  churnIntent: 10,
  urgency: 6,
  repeatContact: 8,
  waiting: 10,
};

/** What the priority is computed from: every input is explicit, so equal inputs give equal scores. */
export interface PriorityInputs {
  /** The customer's latest negativity, 0..1 (0 when neutral or positive). */
  negativeIntensity: number;
  /** The latest anger intensity, 0..1, and whether negativity is rising. */
  anger: number;
  rising: boolean;
  /** Signal scores over the conversation (0..1) and the words that raised them. */
  escalationThreat: { score: number; text?: string };
  abuse: { score: number; text?: string };
  churnIntent: { score: number; text?: string };
  urgency: { score: number; text?: string };
  /** Earlier contacts this week plus repeat mentions in the conversation. */
  contacts: number;
  /** Minutes the customer's last message has waited for an answer, and the emotion-dependent SLA. */
  waitingMinutes: number;
  slaMinutes: number;
}

const ordinal = (n: number) => (n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`);

/**
 * Scores a conversation's place in the queue. Each factor's value is normalized to 0..1, weighted,
 * and reported with its share of the total and a reason a supervisor can read at a glance.
 */
export function computePriority(inputs: PriorityInputs, weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): Priority {
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  const raw: Array<[PriorityFactorName, number, number, string]> = [];
  if (inputs.negativeIntensity > 0) {
    raw.push([
      "negativeIntensity",
      inputs.negativeIntensity,
      inputs.negativeIntensity,
      `negative ${round(inputs.negativeIntensity)}`,
    ]);
  }
  if (inputs.anger > 0.2) {
    raw.push([
      "anger",
      inputs.anger,
      inputs.anger,
      `anger ${round(inputs.anger, 1)}${inputs.rising ? " and rising" : ""}`,
    ]);
  }
  if (inputs.rising) raw.push(["rising", 1, 1, "feeling worse turn by turn"]);
  for (const [name, s, what] of [
    ["escalationThreat", inputs.escalationThreat, "threatened"],
    ["abuse", inputs.abuse, "abusive language"],
    ["churnIntent", inputs.churnIntent, "wants to leave"],
    ["urgency", inputs.urgency, "urgent"],
  ] as const) {
    if (s.score >= 0.5) {
      // "threatened 12315 complaint" names the body; a threat that is itself the word ("投诉") is quoted.
      const namesBody = s.text !== undefined && !/complain|投诉|投訴|complaint|report|escalat/i.test(s.text);
      const reason =
        name === "escalationThreat" && s.text
          ? namesBody
            ? `threatened ${s.text} complaint`
            : `threatened to complain (“${s.text}”)`
          : s.text
            ? `${what} (“${s.text}”)`
            : what;
      raw.push([name, s.score, s.score, reason]);
    }
  }
  if (inputs.contacts >= 1) {
    const nth = inputs.contacts + 1;
    raw.push(["repeatContact", inputs.contacts, Math.min(inputs.contacts / 3, 1), `${ordinal(nth)} contact this week`]);
  }
  if (inputs.waitingMinutes > 0 && inputs.slaMinutes > 0 && inputs.waitingMinutes >= inputs.slaMinutes / 2) {
    raw.push([
      "waiting",
      inputs.waitingMinutes,
      Math.min(inputs.waitingMinutes / inputs.slaMinutes, 2) / 2,
      `waiting ${Math.round(inputs.waitingMinutes)} min (SLA ${inputs.slaMinutes} min)`,
    ]);
  }
  const factors: PriorityFactor[] = raw.map(([factor, value, normalized, reason]) => {
    const weight = weights[factor] ?? 0;
    return { factor, value: round(value, 3), weight, contribution: round(weight * normalized, 3), share: 0, reason };
  });
  const score = round(
    factors.reduce((a, f) => a + f.contribution, 0),
    3,
  );
  for (const f of factors) f.share = score > 0 ? round(f.contribution / score, 3) : 0;
  // Largest first; ties by name so equal inputs always list the same way.
  factors.sort((a, b) => b.contribution - a.contribution || a.factor.localeCompare(b.factor));
  return { score, reasons: factors.filter((f) => f.contribution > 0).map((f) => f.reason), factors };
}

/** How long a customer in this state should wait at most, in minutes: shorter the more upset. */
export function slaMinutesFor(negativeIntensity: number, anger: number): number {
  if (anger >= 0.6 || negativeIntensity >= 0.7) return 5;
  if (negativeIntensity >= 0.4) return 10;
  if (negativeIntensity > 0) return 20;
  return 30;
}
