import {
  ACCEPTED,
  ALTERNATIVE,
  CLOSING,
  COMPLETED,
  CONFIRM_REQUEST,
  CONFIRMED,
  CORRECTION,
  CORRECTION_START,
  DISBELIEF,
  FILLER,
  GAVE_UP,
  NEXT_REQUEST,
  POLITE_NO,
  PROPOSAL,
  REFUSAL_START,
  RESIGNED,
  RETRY,
  SERVICE_FAILURE,
  SMALL_TALK,
  TASTE_QUESTION,
} from "./service-phrases.js";
import type { Turn } from "./types.js";

/** What the exchanges so far say about service: the agent failed, the customer corrects or asks again. */
export interface ServiceCues {
  /** The agent or bot turn just before the latest customer turn could not help (or only repeated itself). */
  failed: boolean;
  /** …and it said the same thing it had said before (a loop). */
  looped: boolean;
  /** It asked again for something the customer had already told it. */
  reasked: boolean;
  corrected: boolean;
  /** The customer doubts the answer: "really?", "are you sure?". */
  doubted: boolean;
  repeated: boolean;
  /** The customer asks for another than what was offered: "anything cheaper?". */
  declined: boolean;
  /** The customer says no to what the agent or bot put forward: what we offered or understood missed. */
  rejected: boolean;
  /** The customer gives up or asks for a person. */
  gaveUp: boolean;
  /** The customer goes along without wanting to: "whatever". */
  resigned: boolean;
  /** The agent or bot turn just before says the task is done. */
  completed: boolean;
  /** The customer says the details read back to them are right: we understood. */
  confirmed: boolean;
  /** The customer takes what was offered or done: "that works", "sounds good". */
  accepted: boolean;
  /** The customer closes the exchange: "that's all". */
  closing: boolean;
  /** After a finished task the customer goes on to a new request. */
  movedOn: boolean;
  /** Failed exchanges before the latest one, the recent ones counting most (0 when none). */
  friction: number;
}

export const NO_SERVICE_CUES: ServiceCues = {
  failed: false,
  looped: false,
  reasked: false,
  corrected: false,
  doubted: false,
  repeated: false,
  declined: false,
  rejected: false,
  gaveUp: false,
  resigned: false,
  completed: false,
  confirmed: false,
  accepted: false,
  closing: false,
  movedOn: false,
  friction: 0,
};

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function words(text: string): Set<string> {
  const t = text.toLowerCase();
  const out = new Set<string>();
  for (const w of t.match(/[a-z0-9']+/g) ?? []) if (w.length > 2) out.add(w);
  // Chinese character pairs; code-unit tests rather than a regex over a slice at every position.
  for (let i = 0; i + 1 < t.length; i++)
    if (isHan(t.charCodeAt(i)) && isHan(t.charCodeAt(i + 1))) out.add(t.slice(i, i + 2));
  return out;
}

/** The words that carry what a turn asks or tells: no fillers, numbers kept ("2", "7pm"). */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) if (!FILLER.has(w)) out.add(w);
  for (const n of text.match(/\d+/g) ?? []) out.add(n);
  return out;
}

// How many of `a`'s words `b` has too.
function sharedWords(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared;
}

/** Share of the smaller set's words that the other one has too. */
const overlap = (a: Set<string>, b: Set<string>) => sharedWords(a, b) / Math.max(1, Math.min(a.size, b.size));

/** Share of the latest turn's words that an earlier turn had already: asked again, not just mentioned. */
const said = (latest: Set<string>, earlier: Set<string>) => sharedWords(latest, earlier) / Math.max(1, latest.size);

/** A turn's words with its numbers, so "4 people" and "5 people" differ. */
function numbered(text: string): Set<string> {
  const out = words(text);
  for (const n of text.match(/\d+/g) ?? []) out.add(n);
  return out;
}

/** Shared words over all words of both. */
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

const asks = (text: string) => /[?？]/.test(text);

/**
 * Does this customer turn correct the turn before it? A "no" that answers a question ("Would you
 * like to book?" "No, just the address") or closes ("no thanks") is an answer; a "no" to a
 * statement, or to a confirmation of details we got wrong, is a correction.
 */
export function corrects(turns: readonly Turn[], at: number): boolean {
  const text = (turns[at] as Turn).text.trim();
  if (CORRECTION.test(text)) return true;
  if (!CORRECTION_START.test(text) || POLITE_NO.test(text)) return false;
  const prior = turns[at - 1];
  if (prior === undefined || prior.speaker === "customer") return true;
  if (!CONFIRM_REQUEST.test(prior.text)) return !asks(prior.text);
  return !changesMind(turns, at);
}

/**
 * "No, make it 5 people" brings something the customer had not said before: a change of mind,
 * not our mistake. "No, $60 not $600" gives back what they had said.
 */
function changesMind(turns: readonly Turn[], at: number): boolean {
  const prior = contentWords((turns[at - 1] as Turn).text);
  const fresh = [...contentWords((turns[at] as Turn).text)].filter((w) => !prior.has(w));
  if (fresh.length === 0) return false;
  const earlier = new Set<string>();
  for (let i = at - 2; i >= 0; i--)
    if (turns[i]?.speaker === "customer") for (const w of contentWords((turns[i] as Turn).text)) earlier.add(w);
  return !fresh.some((w) => earlier.has(w));
}

// Generic closers a bot may rightly say after every task.
const GENERIC = /anything else|can i help|how can i help|what can i do for you|还有什么|還有什麼|仲有咩/i;

/** Did the agent or bot say (almost) the same as in one of its last few turns? */
function repeatsItself(turns: readonly Turn[], at: number, failed: boolean): boolean {
  const text = (turns[at] as Turn).text;
  if (GENERIC.test(text) && text.length < 60) return false;
  const mine = numbered(text);
  let seen = 0;
  for (let i = at - 1; i >= 0 && seen < 3; i--) {
    const t = turns[i] as Turn;
    if (t.speaker === "customer") continue;
    seen++;
    const theirs = numbered(t.text);
    if (t.text === text || jaccard(mine, theirs) >= 0.9) return true;
    // A failure said again in other words is still the same failure.
    if (seen === 1 && failed && overlap(mine, theirs) >= 0.8) return true;
  }
  return false;
}

/**
 * Did the agent or bot just ask for something the customer had already said? Its question is
 * answered only with words of earlier customer turns that the question itself did not offer.
 */
function askedAgain(turns: readonly Turn[], last: number): boolean {
  const question = turns[last - 1] as Turn;
  if (!asks(question.text) || CONFIRM_REQUEST.test(question.text)) return false;
  const offered = contentWords(question.text);
  const answer = [...contentWords((turns[last] as Turn).text)].filter((w) => !offered.has(w));
  if (answer.length === 0 || answer.length > 8) return false;
  const earlier = new Set<string>();
  for (let i = last - 2; i >= 0; i--)
    if (turns[i]?.speaker === "customer") for (const w of contentWords((turns[i] as Turn).text)) earlier.add(w);
  return answer.every((w) => earlier.has(w));
}

/**
 * Does the customer say no to what the agent or bot put forward ("How about Casa Rosa?" "No.")? What
 * we offered did not fit. A "no" to "anything else?", one that closes ("no, that's all") or one about
 * their own taste ("Do you like horror?" "Not really") does not.
 */
function turnsDown(agent: string, customer: string): boolean {
  return (
    REFUSAL_START.test(customer) &&
    PROPOSAL.test(agent) &&
    !GENERIC.test(agent) &&
    !TASTE_QUESTION.test(agent) &&
    !CLOSING.test(customer)
  );
}

// How much an earlier failed exchange still weighs, per customer turn since.
const FRICTION_DECAY = 0.6;
// …and after the task was done since then: the service recovered.
const RECOVERED = 0.4;

/** Service cues of the latest customer turn, the agent or bot turn just before it, and the exchanges before. */
export function serviceCues(turns: readonly Turn[]): ServiceCues {
  const last = turns.length - 1;
  if (last < 0 || turns[last]?.speaker !== "customer") return NO_SERVICE_CUES;
  const customer = (turns[last] as Turn).text.trim();
  const before = turns[last - 1];
  const answered = before !== undefined && before.speaker !== "customer";
  const saidFailure = answered && SERVICE_FAILURE.test(before.text);
  const looped = answered && repeatsItself(turns, last - 1, saidFailure);
  const failed = saidFailure || looped;
  const reasked = answered && !failed && askedAgain(turns, last);
  const corrected = corrects(turns, last);
  const doubted = answered && DISBELIEF.test(customer);
  // Asking for a person before anyone answered is a preference, not giving up.
  const gaveUp = answered && GAVE_UP.test(customer);
  const rejected = answered && !failed && !corrected && !gaveUp && turnsDown(before.text, customer);
  const declined = answered && !failed && !corrected && !rejected && ALTERNATIVE.test(customer);
  const resigned = answered && !gaveUp && RESIGNED.test(customer);
  const completed = answered && !failed && COMPLETED.test(before.text);
  const accepted =
    answered &&
    !failed &&
    !corrected &&
    !doubted &&
    !gaveUp &&
    !resigned &&
    !SMALL_TALK.test(before.text) &&
    ACCEPTED.test(customer);
  const confirmed = answered && CONFIRM_REQUEST.test(before.text) && !corrected && CONFIRMED.test(customer);
  const closing = answered && !gaveUp && CLOSING.test(customer);
  const movedOn = completed && NEXT_REQUEST.test(customer);
  const mine = contentWords(customer);
  // Asking us to try again is asking again, whatever the words.
  let repeated = answered && RETRY.test(customer);
  // Saying it again after an answer that could not help is asking again; after a good answer the
  // same words start the next step ("book the hotel in the centre" after finding it).
  const mayRepeat = !reasked && (failed || !answered);
  let friction = 0;
  let weight = 1;
  for (let i = last - 1; i >= 0; i--) {
    const t = turns[i] as Turn;
    if (t.speaker !== "customer") {
      if (i < last - 1 && COMPLETED.test(t.text) && !SERVICE_FAILURE.test(t.text)) weight *= RECOVERED;
      continue;
    }
    if (!repeated && mayRepeat && i < last - 1 && mine.size >= 3) repeated = said(mine, contentWords(t.text)) >= 0.6;
    // An earlier exchange failed when the customer had to correct us or the turn before could not help.
    const prior = turns[i - 1];
    if (corrects(turns, i) || (prior !== undefined && prior.speaker !== "customer" && SERVICE_FAILURE.test(prior.text)))
      friction += weight;
    weight *= FRICTION_DECAY;
  }
  return {
    failed,
    looped,
    reasked,
    corrected,
    doubted,
    repeated,
    declined,
    rejected,
    gaveUp,
    resigned,
    completed,
    confirmed,
    accepted,
    closing,
    movedOn,
    friction: Math.round(friction * 1000) / 1000,
  };
}
