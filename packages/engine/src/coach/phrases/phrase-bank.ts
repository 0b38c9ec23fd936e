import type { Aspect } from "../../labels.js";

/** The reply languages the coach writes: Simplified, Traditional for Taiwan and for Hong Kong, English. */
export const REPLY_LOCALES = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "en"] as const;
export type ReplyLocale = (typeof REPLY_LOCALES)[number];

/** Feelings the coach answers differently. Positive feelings share one answer. */
export type FeelingGroup =
  | "anger"
  | "frustration"
  | "disappointment"
  | "anxiety"
  | "sadness"
  | "confusion"
  | "surprise"
  | "neutral"
  | "positive";

/** Slots a phrase may use; unknown ones become clearly marked blanks. */
export type Slot = "name" | "order" | "time" | "promise" | "amount" | "action" | "issue";

/** Phrases by intensity: `low` for mild feelings, `high` for strong ones. Three or more variants each. */
export interface ByIntensity {
  low: string[];
  high: string[];
}

/**
 * Everything the coach says, per language. Phrases are whole sentences with `{slot}` placeholders
 * (`{name}`, `{order}`, `{time}`, `{promise}`, `{amount}`, `{action}`, `{issue}`); several variants of
 * each, so the three suggestions read differently.
 */
export interface PhraseBank {
  /** How a blank for an unknown slot is written, e.g. `【时间】` or `[time]`. */
  blank: Record<Slot, string>;
  /** Joins sentences (no space in Chinese). */
  joiner: string;
  greeting: { email: string[]; chat: string[]; call: string[] };
  signoff: { email: string[]; chat: string[]; call: string[] };
  acknowledge: Record<FeelingGroup, ByIntensity>;
  apology: ByIntensity;
  ownership: string[];
  /** A concrete next step with a time, per cause (`general` when the cause is unknown). */
  nextStep: Partial<Record<Aspect, string[]>> & { general: string[] };
  /** Choices to offer, per cause, when there are any. */
  options: Partial<Record<Aspect, string[]>>;
  followUp: string[];
  /** What the agent promised earlier, kept: "as promised, {promise}". */
  keepPromise: string[];
  /** For satisfied or grateful customers. */
  thanksBack: string[];
  invite: string[];
  /** Abuse: name the behaviour politely, offer to go on. */
  boundary: string[];
  offerContinue: string[];
  /** When the agent cannot settle it: bring in a supervisor. */
  supervisor: string[];
  /** Tone-guard rewrites: what replaces a flat refusal, and the opener of a reworded draft. */
  refusalAlternative: string[];
}
