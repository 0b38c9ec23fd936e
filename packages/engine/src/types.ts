import type { Aspect, Channel, Emotion, Language, Polarity, Signal } from "./labels.js";

/** A piece of the original text and why it mattered. Offsets are UTF-16 code units into the input. */
export interface Evidence {
  start: number;
  end: number;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** The lexicon term or rule that fired, e.g. `气死`, `negation`, `!!!`. */
  cue: string;
  /** What it did, in words: `anger +1.4`, `negates 满意`, `intensifies ×1.6`. */
  effect: string;
  /** The emotion it pointed to, when it pointed to one. */
  emotion?: Emotion;
  /** Signed contribution to valence (negative pulls down). */
  weight: number;
}

/** A signal's strength (0..1; ≥ 0.5 counts as present) and the spans behind it. */
export interface SignalResult {
  score: number;
  present: boolean;
  evidence: Evidence[];
}

/** What the customer talks about, with the words that name it. */
export interface CauseResult {
  aspect: Aspect;
  span: { start: number; end: number; text: string };
}

/** One emotion present in the message. */
export interface EmotionScore {
  label: Emotion;
  /** 0..1 */
  intensity: number;
}

/** Everything the engine says about one message. */
export interface EmotionResult {
  lang: Language;
  langConfidence: number;
  polarity: Polarity;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  /** The primary emotion. */
  emotion: Emotion;
  /** Strength of the primary emotion, 0..1. */
  intensity: number;
  /** Emotions present, strongest first. */
  emotions: EmotionScore[];
  valence: number;
  arousal: number;
  signals: Record<Signal, SignalResult>;
  causes: CauseResult[];
  evidence: Evidence[];
  /** Chinese and English both appear. */
  codeSwitching: boolean;
  /** Ranges of the input left out as quoted e-mail history or signature. */
  ignored: Array<{ start: number; end: number }>;
  /** True when the input was longer than `maxLength` and only its start was read. */
  truncated: boolean;
}

/** Options for `analyze`. */
export interface AnalyzeOptions {
  /** Skip detection and treat the text as this language. */
  lang?: Exclude<Language, "unknown" | "mixed"> | "mixed";
  /** Strip quoted e-mail history and signatures first (default true). */
  stripQuotes?: boolean;
  /**
   * The channel the message came from. `social` leans on the lexicons more than on the model, by the amount
   * training chose on social posts the model never saw; the other channels read alike.
   */
  channel?: Channel;
}
