import type { Aspect, Signal } from "../labels.js";

/** A word or phrase that carries feeling: its valence and the emotions it evokes. */
export interface SentimentEntry {
  term: string;
  /** -3 … 3 */
  valence: number;
  /** Weights per emotion, indexed like `EMOTIONS`; all zero for a purely evaluative word. */
  emotions: Float32Array;
  /** Where the entry came from (file name), for evidence and debugging. */
  source: string;
}

/** The kinds of modifier the rules understand. */
export type ModifierKind =
  | "negator"
  | "degree"
  | "degree_after"
  | "diminisher"
  | "contrast"
  | "concession"
  | "rhetorical";

/** A word that changes how nearby sentiment words count. */
export interface ModifierEntry {
  term: string;
  kind: ModifierKind;
  weight: number;
}

/** A word or phrase that points to a customer-service signal. */
export interface SignalEntry {
  term: string;
  signal: Signal;
  weight: number;
}

/** A word or phrase that names what the customer is talking about. */
export interface CauseEntry {
  term: string;
  aspect: Aspect;
}

/** What one lexicon position can hold; a term may be in several layers at once. */
export interface Payload {
  sentiment?: SentimentEntry;
  modifier?: ModifierEntry;
  signal?: SignalEntry;
  cause?: CauseEntry;
}

/** The layers matched independently (each keeps its own longest-match, non-overlapping). */
export type Layer = "feeling" | "signal" | "cause";
