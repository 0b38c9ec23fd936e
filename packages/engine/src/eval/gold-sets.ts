import type { Channel, Emotion } from "../labels.js";

/** The six emotion families used to compare with six-way sets (SMP2020, DailyDialog, CPED). */
export const FAMILIES = ["angry", "sad", "fear", "happy", "surprise", "neutral"] as const;
export type Family = (typeof FAMILIES)[number];

/** Attune's eleven labels folded into the six families. */
export const EMOTION_FAMILY: Record<Emotion, Family> = {
  anger: "angry",
  frustration: "angry",
  sadness: "sad",
  disappointment: "sad",
  anxiety: "fear",
  joy: "happy",
  satisfaction: "happy",
  gratitude: "happy",
  surprise: "surprise",
  neutral: "neutral",
  confusion: "neutral",
};

/** How a gold set's labels are read: what each task compares, and how the set's labels map. */
export interface GoldSetMapping {
  name: string;
  /** Two-way polarity (positive/negative): a neutral answer is decided by the sign of `score`. */
  polarity2?: boolean;
  /** Three-way polarity from the record's `polarity` field. */
  polarity3?: boolean;
  /** The set's label → a family; labels not listed are left out of the family task. */
  family?: Readonly<Record<string, Family>>;
  /** The set's label → Attune labels; multi-label records ("a,b") count as right when any matches. */
  attune?: Readonly<Record<string, Emotion>>;
  /** Turn-level satisfaction 1–5, compared with conversation satisfaction (issue 3). */
  satisfaction?: boolean;
  /** The channel the set's texts came from, passed to `analyze` as a service would (public posts are `social`). */
  channel?: Channel;
}

/**
 * Label mappings for the evaluation sets in `../shared/data/text`, chosen from the sets' own label
 * definitions (documented in the README under "Accuracy").
 */
export const GOLD_SETS: Readonly<Record<string, GoldSetMapping>> = {
  waimai_10k: { name: "waimai_10k", polarity2: true },
  online_shopping_10_cats: { name: "online_shopping_10_cats", polarity2: true },
  smp2020_ewect_usual: {
    name: "smp2020_ewect_usual",
    channel: "social", // Weibo posts
    polarity3: true,
    family: { angry: "angry", sad: "sad", fear: "fear", happy: "happy", surprise: "surprise", neutral: "neutral" },
  },
  cped: {
    name: "cped",
    polarity3: true,
    family: {
      neutral: "neutral",
      anger: "angry",
      disgust: "angry",
      depress: "sad",
      sadness: "sad",
      worried: "fear",
      fear: "fear",
      happy: "happy",
      relaxed: "happy",
      grateful: "happy",
      astonished: "surprise",
    },
  },
  dailydialog: {
    name: "dailydialog",
    polarity3: true,
    family: {
      "no emotion": "neutral",
      happiness: "happy",
      surprise: "surprise",
      sadness: "sad",
      anger: "angry",
      fear: "fear",
    },
  },
  goemotions: {
    name: "goemotions",
    channel: "social", // Reddit comments
    polarity3: true,
    attune: {
      anger: "anger",
      annoyance: "frustration",
      disappointment: "disappointment",
      nervousness: "anxiety",
      sadness: "sadness",
      confusion: "confusion",
      surprise: "surprise",
      neutral: "neutral",
      gratitude: "gratitude",
      joy: "joy",
      approval: "satisfaction",
      relief: "satisfaction",
    },
  },
  tweeteval_sentiment: { name: "tweeteval_sentiment", polarity3: true, channel: "social" },
  uss_en: { name: "uss_en", satisfaction: true, polarity3: true },
};

/** Attune's own gold format (the corpus, exported corrections): labels are Attune's. */
export const ATTUNE_GOLD: GoldSetMapping = { name: "attune", polarity3: true };
