import { ASPECTS, EMOTIONS, type Language, SIGNALS } from "../labels.js";
import type { RuleAnalysis, RuleFlag } from "../rules/compose.js";
import type { Token } from "../text/tokenize.js";

/** Feature space size: 2^18 hashed buckets. Changing it invalidates trained weights. */
export const FEATURE_BITS = 18;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;
/** Bumped whenever feature extraction changes meaning; a model trained on another version is refused. */
export const FEATURE_VERSION = 2;

/** A sparse feature vector: `n` (index, value) pairs. Buffers are reused between messages. */
export interface FeatureVector {
  index: Int32Array;
  value: Float32Array;
  n: number;
  /** Where the lexical (word and character n-gram) features sit: `[lexicalStart, lexicalEnd)`. */
  lexicalStart: number;
  lexicalEnd: number;
}

const FNV_OFFSET = 0x811c9dc5;
function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}
const namespace = (name: string) => hashString(FNV_OFFSET, name);
const NS_UNIGRAM = namespace("u:");
const NS_NEG_UNIGRAM = namespace("!u:");
const NS_BIGRAM = namespace("b:");
const NS_CHAR_BIGRAM = namespace("c:");
const SEP = 0x1f;

const fixed = (name: string) => (hashString(FNV_OFFSET, `#${name}`) >>> 0) & MASK;
const BIAS = fixed("bias");
const LANG: Record<string, number> = {};
for (const l of ["zh-Hans", "zh-Hant", "yue", "en", "mixed", "unknown"]) LANG[l] = fixed(`lang:${l}`);
const RULE_EMOTION = EMOTIONS.map((e) => fixed(`rule:${e}`));
const SIGNAL = SIGNALS.map((s) => fixed(`signal:${s}`));
const ASPECT = ASPECTS.map((a) => fixed(`aspect:${a}`));
const POS = fixed("valence:+");
const NEG = fixed("valence:-");
const BOTH = fixed("valence:±");
const NONE = fixed("valence:0");
const AROUSAL = fixed("arousal");
const INTENSITY = fixed("intensity");
const FLAGS: Record<RuleFlag, number> = Object.fromEntries(
  (
    [
      "negation",
      "degree",
      "diminisher",
      "contrast",
      "concession",
      "rhetorical",
      "exclamation",
      "question",
      "ellipsis",
      "caps",
      "elongation",
      "sarcasm",
      "polite_anger",
    ] as const
  ).map((f) => [f, fixed(`flag:${f}`)]),
) as Record<RuleFlag, number>;
const LENGTH = [0, 1, 2, 3, 4, 5].map((b) => fixed(`len:${b}`));
const NUMBER = fixed("token:number");
const MENTION = fixed("token:mention");
const URL = fixed("token:url");

/** Creates reusable buffers for `extractFeatures`. */
export function createFeatureVector(capacity = 4096): FeatureVector {
  return { index: new Int32Array(capacity), value: new Float32Array(capacity), n: 0, lexicalStart: 0, lexicalEnd: 0 };
}

function push(v: FeatureVector, index: number, value: number): void {
  if (v.n >= v.index.length) {
    const index2 = new Int32Array(v.index.length * 2);
    index2.set(v.index);
    const value2 = new Float32Array(v.value.length * 2);
    value2.set(v.value);
    v.index = index2;
    v.value = value2;
  }
  v.index[v.n] = index;
  v.value[v.n] = value;
  v.n++;
}

const squash = (x: number, scale: number) => Math.tanh(x / scale);

/**
 * Turns one analyzed message into hashed features: word unigrams (marked when inside a negation's
 * scope) and bigrams, Chinese character bigrams, and the rules' own findings as dense features, so
 * the model learns how far to trust each rule.
 */
export function extractFeatures(
  out: FeatureVector,
  working: string,
  tokens: readonly Token[],
  rules: RuleAnalysis,
  lang: Language,
): FeatureVector {
  out.n = 0;
  push(out, BIAS, 1);
  push(out, LANG[lang] ?? (LANG.unknown as number), 1);

  // Lexical features, scaled so long messages do not drown the dense ones.
  const start = out.n;
  let previous = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "punct") {
      if (/[!！?？]/.test(t.text) || t.text.length > 1)
        push(out, (hashString(NS_UNIGRAM, t.text.slice(0, 3)) >>> 0) & MASK, 1);
      previous = -1;
      continue;
    }
    if (t.kind === "number" || t.kind === "mention" || t.kind === "url") {
      push(out, t.kind === "number" ? NUMBER : t.kind === "url" ? URL : MENTION, 1);
      previous = -1;
      continue;
    }
    const h = hashString(rules.negatedTokens[i] ? NS_NEG_UNIGRAM : NS_UNIGRAM, t.text);
    push(out, (h >>> 0) & MASK, 1);
    if (previous >= 0) {
      const p = tokens[previous] as Token;
      let b = hashString(NS_BIGRAM, p.text);
      b ^= SEP;
      b = Math.imul(b, 16777619);
      push(out, (hashString(b, t.text) >>> 0) & MASK, 1);
    }
    previous = i;
    if (t.kind === "han" && t.text.length > 1) {
      // Character bigrams inside words make the model robust to segmentation differences.
      for (let k = 0; k + 1 < t.text.length; k++) {
        let c = NS_CHAR_BIGRAM ^ t.text.charCodeAt(k);
        c = Math.imul(c, 16777619) ^ t.text.charCodeAt(k + 1);
        push(out, (Math.imul(c, 16777619) >>> 0) & MASK, 0.5);
      }
    }
  }
  // Character bigrams across word boundaries in Chinese runs.
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    if (a.kind === "han" && b.kind === "han" && a.end === b.start) {
      let c = NS_CHAR_BIGRAM ^ working.charCodeAt(a.end - 1);
      c = Math.imul(c, 16777619) ^ working.charCodeAt(b.start);
      push(out, (Math.imul(c, 16777619) >>> 0) & MASK, 0.5);
    }
  }
  const lexical = out.n - start;
  out.lexicalStart = start;
  out.lexicalEnd = out.n;
  if (lexical > 0) {
    const scale = 1 / Math.sqrt(lexical);
    for (let k = start; k < out.n; k++) out.value[k] = (out.value[k] as number) * scale;
  }

  // The rules' findings.
  for (let e = 0; e < EMOTIONS.length; e++) {
    const r = rules.emotions[e] as number;
    if (r > 0) push(out, RULE_EMOTION[e] as number, squash(r, 1.5));
  }
  if (rules.positive > 0) push(out, POS, squash(rules.positive, 2));
  if (rules.negative > 0) push(out, NEG, squash(rules.negative, 2));
  if (rules.positive > 0 && rules.negative > 0) push(out, BOTH, squash(Math.min(rules.positive, rules.negative), 1));
  if (rules.positive === 0 && rules.negative === 0) push(out, NONE, 1);
  if (rules.arousal > 0) push(out, AROUSAL, rules.arousal);
  if (rules.intensity > 0) push(out, INTENSITY, rules.intensity);
  for (const f of rules.flags) push(out, FLAGS[f], 1);
  for (let s = 0; s < SIGNALS.length; s++) {
    // Only signals that are present: a lone weak cue ("tomorrow", "again") is not evidence of a complaint.
    const score = rules.signals[SIGNALS[s] as (typeof SIGNALS)[number]].score;
    if (score >= 0.5) push(out, SIGNAL[s] as number, score);
  }
  const seen = new Set<number>();
  for (const c of rules.causes) {
    const a = ASPECTS.indexOf(c.aspect);
    if (!seen.has(a)) {
      seen.add(a);
      push(out, ASPECT[a] as number, 1);
    }
  }
  const words = tokens.length;
  push(
    out,
    LENGTH[words <= 3 ? 0 : words <= 8 ? 1 : words <= 20 ? 2 : words <= 50 ? 3 : words <= 150 ? 4 : 5] as number,
    1,
  );
  return out;
}
