/** The eleven emotions Attune recognizes, in a fixed order (model outputs use this order). */
export const EMOTIONS = [
  "anger",
  "frustration",
  "disappointment",
  "anxiety",
  "sadness",
  "confusion",
  "surprise",
  "neutral",
  "satisfaction",
  "gratitude",
  "joy",
] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Overall stance of a message. */
export const POLARITIES = ["negative", "neutral", "positive"] as const;
export type Polarity = (typeof POLARITIES)[number];

/** What a customer can be upset (or pleased) about. */
export const ASPECTS = [
  "delivery",
  "product_quality",
  "refund_return",
  "billing",
  "account",
  "agent_attitude",
  "wait_time",
  "technical_fault",
  "price",
  "policy",
  "other",
] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Customer-service signals that change how a message should be handled. */
export const SIGNALS = ["escalationThreat", "abuse", "urgency", "churnIntent", "repeatContact", "sarcasm"] as const;
export type Signal = (typeof SIGNALS)[number];

/** Languages the engine reports. `mixed` is Chinese and English both substantial. */
/**
 * Where a message came from. Only `social` changes the analysis: public posts are mostly about everything but
 * customer service, so the model (trained mostly on service text) is trusted less there.
 */
export const CHANNELS = ["chat", "email", "social", "review", "call", "survey"] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ["zh-Hans", "zh-Hant", "yue", "en", "mixed", "unknown"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Intensity levels used by the corpus and the intensity model head. */
export const INTENSITY_LEVELS = ["low", "medium", "high"] as const;
export type IntensityLevel = (typeof INTENSITY_LEVELS)[number];

/** Emotions whose presence makes a message negative. */
export const NEGATIVE_EMOTIONS: ReadonlySet<Emotion> = new Set([
  "anger",
  "frustration",
  "disappointment",
  "anxiety",
  "sadness",
]);
/** Emotions whose presence makes a message positive. */
export const POSITIVE_EMOTIONS: ReadonlySet<Emotion> = new Set(["satisfaction", "gratitude", "joy"]);

/**
 * Typical arousal of each emotion (0 calm … 1 agitated), the circumplex position used to derive
 * `arousal` from the emotion mix.
 */
export const EMOTION_AROUSAL: Record<Emotion, number> = {
  anger: 0.9,
  frustration: 0.7,
  disappointment: 0.4,
  anxiety: 0.75,
  sadness: 0.3,
  confusion: 0.45,
  surprise: 0.8,
  neutral: 0.15,
  satisfaction: 0.35,
  gratitude: 0.4,
  joy: 0.75,
};

/** Typical valence of each emotion (-1 … 1). */
export const EMOTION_VALENCE: Record<Emotion, number> = {
  anger: -0.9,
  frustration: -0.7,
  disappointment: -0.6,
  anxiety: -0.6,
  sadness: -0.7,
  confusion: -0.2,
  surprise: 0,
  neutral: 0,
  satisfaction: 0.6,
  gratitude: 0.7,
  joy: 0.9,
};

/** Type guard for a string naming one of the eleven emotions. */
export function isEmotion(value: string): value is Emotion {
  return (EMOTIONS as readonly string[]).includes(value);
}
export function isAspect(value: string): value is Aspect {
  return (ASPECTS as readonly string[]).includes(value);
}
export function isSignal(value: string): value is Signal {
  return (SIGNALS as readonly string[]).includes(value);
}
