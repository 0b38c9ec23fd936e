/**
 * Agent wellbeing from workload and exposure only: which conversations an agent handled, how angry or abusive
 * those customers were, and when the agent last had a break. It never reads the agent's own words, voice or
 * face: monitoring workers' emotions is not what this is for (and the EU AI Act prohibits it at work).
 */

/** One conversation an agent handled: when they last worked on it, and what the customer put them through. */
export interface HandledConversation {
  conversationId: string;
  /** ISO time of the agent's last turn in it (or the conversation's last message). */
  at: string;
  /** The strongest anger among the customer's messages, 0..1. */
  maxAnger: number;
  /** The customer insulted or threatened staff. */
  abusive: boolean;
}

/** When the rule suggests rotating an agent to easier work or sending them on a break. */
export interface WellbeingThresholds {
  /** Anger at or above this makes a conversation hard (as does abuse). */
  veryAngry: number;
  rotateAfterHardInARow: number;
  pauseAfterHardInARow: number;
  pauseAfterAbusiveToday: number;
  rotateAfterMinutesWithoutBreak: number;
  pauseAfterMinutesWithoutBreak: number;
}

export const DEFAULT_WELLBEING_THRESHOLDS: WellbeingThresholds = {
  veryAngry: 0.7,
  rotateAfterHardInARow: 2,
  pauseAfterHardInARow: 3,
  pauseAfterAbusiveToday: 3,
  rotateAfterMinutesWithoutBreak: 90,
  pauseAfterMinutesWithoutBreak: 150,
};

export type WellbeingSuggestion = "ok" | "rotate" | "pause";

/** What the rule says about one agent today. */
export interface WellbeingAssessment {
  handledToday: number;
  /** Hard (abusive or very angry) conversations handled one after another, most recent streak, since the last break. */
  hardInARow: number;
  abusiveToday: number;
  /** Since the end of the last break today, else since the first conversation today; null when idle all day. */
  minutesSinceBreak: number | null;
  suggestion: WellbeingSuggestion;
  reasons: string[];
  /** The same reasons as codes with their number, for a UI to say in its own language. */
  why: WellbeingReason[];
}

/** One reason behind a suggestion: what and how much (conversations, customers or minutes). */
export interface WellbeingReason {
  code: "hard_in_a_row" | "abusive_today" | "last_abusive" | "no_break";
  value: number;
}

/** What the rule reads for one agent. */
export interface WellbeingInput {
  handled: readonly HandledConversation[];
  lastBreak: { at: string; minutes: number | null } | null;
  /** The start of the agent's working day (conversations before it do not count). */
  dayStart: Date;
  now: Date;
}

/**
 * Suggests `rotate` (easier conversations for a while) or `pause` (a break) from workload and exposure:
 * hard conversations in a row, abusive customers today, and time without a break. Pure: equal inputs give
 * equal answers.
 *
 * @example
 * assessWellbeing({ handled: [{ conversationId: "c1", at: "2026-03-02T09:00:00Z", maxAnger: 0.9, abusive: true }],
 *   lastBreak: null, dayStart: new Date("2026-03-02T00:00:00Z"), now: new Date("2026-03-02T09:10:00Z") });
 * // → { handledToday: 1, hardInARow: 1, abusiveToday: 1, minutesSinceBreak: 10, suggestion: "rotate", reasons: ["the last customer was abusive"], why: [{ code: "last_abusive", value: 1 }] }
 */
export function assessWellbeing(
  input: WellbeingInput,
  thresholds: WellbeingThresholds = DEFAULT_WELLBEING_THRESHOLDS,
): WellbeingAssessment {
  const start = input.dayStart.getTime();
  const now = input.now.getTime();
  const today = input.handled
    .filter((h) => Date.parse(h.at) >= start && Date.parse(h.at) <= now)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const hard = (h: HandledConversation) => h.abusive || h.maxAnger >= thresholds.veryAngry;

  const breakAt = input.lastBreak ? Date.parse(input.lastBreak.at) : Number.NaN;
  const breakEnd =
    input.lastBreak && breakAt >= start && breakAt <= now
      ? Math.min(now, breakAt + (input.lastBreak.minutes ?? 0) * 60_000)
      : null;
  // A break ends a streak: only what came after it counts.
  let hardInARow = 0;
  for (const h of today) {
    if (breakEnd !== null && Date.parse(h.at) <= breakEnd) break;
    if (!hard(h)) break;
    hardInARow++;
  }
  const abusiveToday = today.filter((h) => h.abusive).length;
  const firstToday = today.length ? Date.parse((today[today.length - 1] as HandledConversation).at) : null;
  const since = breakEnd ?? firstToday;
  const minutesSinceBreak = since === null ? null : Math.max(0, Math.round((now - since) / 60_000));

  const pause: WellbeingReason[] = [];
  const rotate: WellbeingReason[] = [];
  if (hardInARow >= thresholds.pauseAfterHardInARow) pause.push({ code: "hard_in_a_row", value: hardInARow });
  else if (hardInARow >= thresholds.rotateAfterHardInARow) rotate.push({ code: "hard_in_a_row", value: hardInARow });
  if (abusiveToday >= thresholds.pauseAfterAbusiveToday) pause.push({ code: "abusive_today", value: abusiveToday });
  else if (today[0]?.abusive) rotate.push({ code: "last_abusive", value: 1 });
  if (minutesSinceBreak !== null && minutesSinceBreak >= thresholds.pauseAfterMinutesWithoutBreak)
    pause.push({ code: "no_break", value: minutesSinceBreak });
  else if (minutesSinceBreak !== null && minutesSinceBreak >= thresholds.rotateAfterMinutesWithoutBreak)
    rotate.push({ code: "no_break", value: minutesSinceBreak });
  const why = [...pause, ...rotate];

  const suggestion: WellbeingSuggestion = pause.length ? "pause" : rotate.length ? "rotate" : "ok";
  return {
    handledToday: today.length,
    hardInARow,
    abusiveToday,
    minutesSinceBreak,
    suggestion,
    reasons: why.map(describeReason),
    why,
  };
}

/** A reason in English, as the API's `reasons` and the logs say it. */
export function describeReason(r: WellbeingReason): string {
  switch (r.code) {
    case "hard_in_a_row":
      return `${r.value} hard conversations in a row (abusive or very angry customers)`;
    case "abusive_today":
      return `${r.value} abusive customers today`;
    case "last_abusive":
      return "the last customer was abusive";
    case "no_break":
      return `no break for ${r.value} min`;
  }
}
