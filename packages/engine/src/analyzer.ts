import { analyzeConversationWith, type ConversationOptions } from "./conversation/analyze-conversation.js";
import type { ConversationAnalysis, Turn } from "./conversation/types.js";
import { NOTHING } from "./empty.js";
import { AttuneError, describeType } from "./errors.js";
import {
  CHANNELS,
  EMOTION_AROUSAL,
  EMOTIONS,
  type Emotion,
  INTENSITY_LEVELS,
  LANGUAGES,
  type Language,
  NEGATIVE_EMOTIONS,
  POSITIVE_EMOTIONS,
  type Polarity,
  SIGNALS,
  type Signal,
} from "./labels.js";
import type { Lexicon } from "./lexicon/compile.js";
import { createFeatureVector, extractFeatures, type FeatureVector } from "./model/features.js";
import { type LinearModel, predictHeads } from "./model/linear-model.js";
import { composeRules, NO_SIGNAL, type RuleAnalysis } from "./rules/compose.js";
import { findHits } from "./rules/hits.js";
import { dropNameHits } from "./rules/proper-names.js";
import { foldWidthAndCase, toSimplifiedSameLength, warmScriptTables } from "./text/fold.js";
import { splitHashtags } from "./text/hashtags.js";
import { detectLanguage, type LanguageGuess } from "./text/language.js";
import { blankRanges, findQuotedRanges } from "./text/quoted.js";
import { characterSegmenter, type Segmenter, type Token, tokenize } from "./text/tokenize.js";
import type { AnalyzeOptions, CauseResult, EmotionResult, EmotionScore, SignalResult } from "./types.js";

/** What an analyzer is built from; the caller loads it (see `@attune/engine/node`). */
export interface EngineData {
  lexicon: Lexicon;
  /** Trained weights; without them the analyzer runs on rules alone. */
  model?: LinearModel;
  /** Chinese word segmentation (jieba in Node); characters when absent. */
  segmenter?: Segmenter;
  /** Longest input read, in UTF-16 code units (default 20,000); the rest is ignored and `truncated` set. */
  maxLength?: number;
}

/** The intermediate results of one analysis, for training and for conversation-level rules. */
export interface Prepared {
  text: string;
  working: string;
  language: LanguageGuess;
  tokens: Token[];
  rules: RuleAnalysis;
  ignored: Array<{ start: number; end: number }>;
  truncated: boolean;
}

/** Analyzes messages. Create one with `createAnalyzer` and reuse it: it is stateless between calls. */
export interface Analyzer {
  /**
   * Says how the customer feels in `text`, how strongly, why, and which words show it.
   * Never throws on a string; throws `AttuneError` (`invalid_input`) for anything else.
   *
   * @example
   * analyzer.analyze("第三次了！快递还没到，你们到底管不管？").emotion // "anger"
   */
  analyze(text: string, options?: AnalyzeOptions): EmotionResult;
  /**
   * Analyzes a conversation so far: each customer turn in context, trajectory, turning points,
   * escalation risk, satisfaction, queue priority and agent-turn quality.
   *
   * @example
   * analyzer.analyzeConversation([{ speaker: "customer", text: "第三次了，还没到！" }]).priority.reasons
   */
  analyzeConversation(turns: Turn[], options?: ConversationOptions): ConversationAnalysis;
  /** Runs everything before the model: used by training to extract the same features. */
  prepare(text: string, options?: AnalyzeOptions): Prepared;
  /** Features of a prepared message (buffers reused: copy them to keep them). */
  features(prepared: Prepared): FeatureVector;
  readonly model: LinearModel | undefined;
}

const INTENSITY_VALUE = [0.25, 0.55, 0.9];
const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const SUPPORTED_LANGS = new Set<string>(LANGUAGES.filter((l) => l !== "unknown"));

function validateOptions(options: AnalyzeOptions | undefined): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null) {
    throw new AttuneError("invalid_option", `expected options to be an object, found ${describeType(options)}`);
  }
  if (options.lang !== undefined && !SUPPORTED_LANGS.has(options.lang)) {
    throw new AttuneError(
      "invalid_option",
      `expected lang to be one of ${[...SUPPORTED_LANGS].join(", ")}, found ${JSON.stringify(options.lang)}`,
    );
  }
  if (options.channel !== undefined && !(CHANNELS as readonly unknown[]).includes(options.channel)) {
    throw new AttuneError(
      "invalid_option",
      `expected channel to be one of ${CHANNELS.join(", ")}, found ${JSON.stringify(options.channel)}`,
    );
  }
}

/**
 * Builds an analyzer from injected data. Pure: no file or network access; the same data and text
 * always give the same result.
 */
export function createAnalyzer(data: EngineData): Analyzer {
  warmScriptTables();
  const segment = data.segmenter ?? characterSegmenter;
  const maxLength = data.maxLength ?? 20_000;
  const vector = createFeatureVector();
  const emotionProbs = new Float64Array(EMOTIONS.length);
  const polarityProbs = new Float64Array(3);
  const intensityProbs = new Float64Array(3);
  const ruleEmotion = new Float64Array(EMOTIONS.length);
  const rulePolarity = new Float64Array(3);
  const ruleIntensity = new Float64Array(3);
  const emotionPolarity = new Float64Array(3);
  const blends = modelBlend(data.model);

  function prepare(text: string, options?: AnalyzeOptions): Prepared {
    if (typeof text !== "string") {
      throw new AttuneError("invalid_input", `expected a string, found ${describeType(text)}`);
    }
    validateOptions(options);
    const truncated = text.length > maxLength;
    // Never cut a surrogate pair in half.
    let limit = Math.min(text.length, maxLength);
    if (truncated && /[\ud800-\udbff]/.test(text.charAt(limit - 1))) limit--;
    const input = truncated ? text.slice(0, limit) : text;
    const ignored = options?.stripQuotes === false ? NOTHING : findQuotedRanges(input);
    const own = blankRanges(input, ignored);
    const folded = foldWidthAndCase(own);
    const hasHan = HAS_HAN.test(folded);
    const simplified = hasHan ? toSimplifiedSameLength(folded) : { text: folded, traditionalCount: 0 };
    const detected = detectLanguage(own, simplified.traditionalCount);
    const language: LanguageGuess = options?.lang ? { ...detected, lang: options.lang, confidence: 1 } : detected;
    const working = simplified.text;
    const tokens = splitHashtags(input, working, tokenize(working, segment));
    const hits = dropNameHits(input, tokens, findHits(data.lexicon, working, tokens, hasHan));
    const rules = composeRules(text, working, tokens, hits);
    return { text, working, language, tokens, rules, ignored, truncated };
  }

  function features(p: Prepared): FeatureVector {
    return extractFeatures(vector, p.working, p.tokens, p.rules, p.language.lang);
  }

  function analyze(text: string, options?: AnalyzeOptions): EmotionResult {
    const p = prepare(text, options);
    if (p.tokens.length === 0) {
      // Nothing to read (empty, blank, or only quoted history): neutral, with nothing to show.
      emotionProbs.fill(0);
      emotionProbs[EMOTIONS.indexOf("neutral")] = 1;
      polarityProbs.fill(0);
      polarityProbs[1] = 1;
      intensityProbs.fill(0);
      intensityProbs[0] = 1;
    } else if (data.model) {
      const x = features(p);
      predictHeads(data.model, x, emotionProbs, polarityProbs, intensityProbs);
      const blend = options?.channel === "social" ? blends.social : blends;
      if (blend.emotion < 1 || blend.polarity < 1) {
        rulesOnly(p.rules, ruleEmotion, rulePolarity, ruleIntensity);
        geometricBlend(emotionProbs, ruleEmotion, blend.emotion);
        geometricBlend(polarityProbs, rulePolarity, blend.polarity);
      }
      // The two heads must agree: polarity also hears what the emotion head implies.
      impliedPolarity(emotionProbs, emotionPolarity);
      geometricBlend(polarityProbs, emotionPolarity, 0.5);
    } else rulesOnly(p.rules, emotionProbs, polarityProbs, intensityProbs);
    return buildResult(p, emotionProbs, polarityProbs, intensityProbs);
  }

  return {
    analyze,
    analyzeConversation: (turns, options) => analyzeConversationWith(analyze, turns, options),
    prepare,
    features,
    model: data.model,
  };
}

/** How much the model is trusted against the rules alone, per head (1 = model only). */
export interface Blend {
  emotion: number;
  polarity: number;
}

/**
 * The model's blends: one for service text and one for social posts. Training chooses both by leaving a whole
 * domain of the corpus out (see \`attune train\`), so text unlike the corpus still gets the lexicons' judgement.
 * A model without a social blend uses its one blend everywhere.
 */
export function modelBlend(model: LinearModel | undefined): Blend & { social: Blend } {
  type Raw = { emotion?: unknown; polarity?: unknown; social?: { emotion?: unknown; polarity?: unknown } };
  const b = (model?.meta as { blend?: Raw } | undefined)?.blend;
  const read = (v: unknown, fallback: number) => (typeof v === "number" && v >= 0 && v <= 1 ? v : fallback);
  const emotion = read(b?.emotion, 1);
  const polarity = read(b?.polarity, 1);
  return {
    emotion,
    polarity,
    social: { emotion: read(b?.social?.emotion, emotion), polarity: read(b?.social?.polarity, polarity) },
  };
}

// The polarity an emotion distribution implies: negative feelings, neutral ones (neutral, confusion,
// surprise), positive feelings.
function impliedPolarity(emotion: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < EMOTIONS.length; i++) {
    const e = EMOTIONS[i] as Emotion;
    const k = NEGATIVE_EMOTIONS.has(e) ? 0 : POSITIVE_EMOTIONS.has(e) ? 2 : 1;
    out[k] = (out[k] as number) + (emotion[i] as number);
  }
}

// p ∝ p^α · q^(1−α): a product of experts, in place in p.
function geometricBlend(p: Float64Array, q: Float64Array, alpha: number): void {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const v = Math.exp(
      alpha * Math.log(Math.max(p[i] as number, 1e-9)) + (1 - alpha) * Math.log(Math.max(q[i] as number, 1e-9)),
    );
    p[i] = v;
    sum += v;
  }
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / sum;
}

// Without a model: a softmax over the rule scores, with neutral as the default.
function rulesOnly(rules: RuleAnalysis, emotion: Float64Array, polarity: Float64Array, intensity: Float64Array): void {
  // Scores are squashed first: a long message piles up cues, and exp() of a pile overflows.
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < EMOTIONS.length; i++) {
    const base = EMOTIONS[i] === "neutral" ? 0.6 : 0;
    emotion[i] = 3 * Math.tanh(((rules.emotions[i] as number) + base) / 3);
    if ((emotion[i] as number) > max) max = emotion[i] as number;
  }
  let sum = 0;
  for (let i = 0; i < EMOTIONS.length; i++) {
    emotion[i] = Math.exp(2 * ((emotion[i] as number) - max));
    sum += emotion[i] as number;
  }
  for (let i = 0; i < EMOTIONS.length; i++) emotion[i] = (emotion[i] as number) / sum;
  const net = 3 * Math.tanh((rules.positive - rules.negative) / 3);
  const neg = Math.exp(-net);
  const pos = Math.exp(net);
  const neu = Math.exp(0.5);
  const z = neg + pos + neu;
  polarity[0] = neg / z;
  polarity[1] = neu / z;
  polarity[2] = pos / z;
  const strength = Math.min(1, (rules.positive + rules.negative) / 4 + rules.intensity);
  intensity[0] = 1 - strength;
  intensity[1] = strength * 0.6;
  intensity[2] = strength * 0.4;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// Scratch for the emotions present in one result (analysis is synchronous, so one set serves all calls).
const presentP = new Float64Array(EMOTIONS.length);
const presentIndex = new Int32Array(EMOTIONS.length);

const QUIET_SIGNAL: SignalResult = Object.freeze({ score: 0, present: false, evidence: NOTHING });
const QUIET_SIGNALS = Object.freeze(Object.fromEntries(SIGNALS.map((s) => [s, QUIET_SIGNAL]))) as Record<
  Signal,
  SignalResult
>;

// Most messages raise no signal: they all share one frozen record, and a quiet signal one frozen entry.
function signalResults(rules: RuleAnalysis): Record<Signal, SignalResult> {
  let quiet = true;
  for (const s of SIGNALS) if (rules.signals[s] !== NO_SIGNAL) quiet = false;
  if (quiet) return QUIET_SIGNALS;
  const signals = {} as Record<Signal, SignalResult>;
  for (const s of SIGNALS) {
    const r = rules.signals[s];
    signals[s] =
      r === NO_SIGNAL ? QUIET_SIGNAL : { score: round(r.score), present: r.score >= 0.5, evidence: r.evidence };
  }
  return signals;
}

// The first cause named for each aspect; the rules' own list when no aspect repeats.
function firstPerAspect(causes: CauseResult[]): CauseResult[] {
  for (let i = 1; i < causes.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((causes[j] as CauseResult).aspect !== (causes[i] as CauseResult).aspect) continue;
      const seen = new Set<string>();
      return causes.filter((c) => !seen.has(c.aspect) && seen.add(c.aspect));
    }
  }
  return causes;
}

// In the emotions list, whether `e` goes before `other`, which is not the primary emotion's entry.
const movesAhead = (e: EmotionScore, other: EmotionScore, primary: Emotion) =>
  other.label !== primary && other.intensity < e.intensity;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function buildResult(
  p: Prepared,
  emotionProbs: Float64Array,
  polarityProbs: Float64Array,
  intensityProbs: Float64Array,
): EmotionResult {
  const { rules } = p;
  let top = 0;
  for (let i = 1; i < EMOTIONS.length; i++) if ((emotionProbs[i] as number) > (emotionProbs[top] as number)) top = i;
  const primary = EMOTIONS[top] as Emotion;
  const pTop = emotionProbs[top] as number;

  let expected = 0;
  for (let i = 0; i < INTENSITY_LEVELS.length; i++)
    expected += (intensityProbs[i] as number) * (INTENSITY_VALUE[i] as number);
  const intensity =
    primary === "neutral" ? clamp(0.1 + 0.2 * (1 - pTop), 0, 0.3) : clamp(expected + 0.15 * rules.intensity, 0.05, 1);

  // Secondary emotions: the model is sure of one label, so the rules' evidence also gets a say
  // ("happy with the refund, worried about next month" shows both).
  let ruleTotal = 0;
  for (let i = 0; i < EMOTIONS.length; i++) ruleTotal += rules.emotions[i] as number;
  // Present: likely by the model, or carrying a fifth or more of the rules' evidence; kept in order of
  // p, highest first (ties in label order), by insertion into scratch buffers rather than map/filter/sort.
  const threshold = Math.max(0.12, pTop * 0.25);
  let present = 0;
  for (let i = 0; i < EMOTIONS.length; i++) {
    const share = ruleTotal > 0 ? (rules.emotions[i] as number) / ruleTotal : 0;
    const p = ruleTotal > 0 ? 0.7 * (emotionProbs[i] as number) + 0.3 * share : (emotionProbs[i] as number);
    if (i !== top && p < threshold && share < 0.2) continue;
    let k = present++;
    for (; k > 0 && (presentP[k - 1] as number) < p; k--) {
      presentP[k] = presentP[k - 1] as number;
      presentIndex[k] = presentIndex[k - 1] as number;
    }
    presentP[k] = p;
    presentIndex[k] = i;
  }
  // The primary emotion always leads the list; the others follow by intensity (ties keep the order of p).
  const emotions: EmotionScore[] = [];
  for (let j = 0; j < present; j++) {
    const i = presentIndex[j] as number;
    const p = presentP[j] as number;
    const e = {
      label: EMOTIONS[i] as Emotion,
      intensity: round(i === top ? intensity : Math.min(intensity, (intensity * p) / pTop)),
    };
    let k = emotions.length;
    emotions.push(e);
    while (k > 0 && (i === top || movesAhead(e, emotions[k - 1] as EmotionScore, primary))) {
      emotions[k] = emotions[k - 1] as EmotionScore;
      k--;
    }
    emotions[k] = e;
  }

  // Score: the polarity head's balance, nudged by the emotion mix so the two never disagree wildly.
  let emotionLean = 0;
  for (let i = 0; i < EMOTIONS.length; i++) {
    const e = EMOTIONS[i] as Emotion;
    if (NEGATIVE_EMOTIONS.has(e)) emotionLean -= emotionProbs[i] as number;
    else if (POSITIVE_EMOTIONS.has(e)) emotionLean += emotionProbs[i] as number;
  }
  const balance = (polarityProbs[2] as number) - (polarityProbs[0] as number);
  const score = clamp(0.7 * balance + 0.3 * emotionLean, -1, 1);
  let polarity: Polarity = "neutral";
  const pNeg = polarityProbs[0] as number;
  const pNeu = polarityProbs[1] as number;
  const pPos = polarityProbs[2] as number;
  if (pNeg > pNeu && pNeg >= pPos) polarity = "negative";
  else if (pPos > pNeu && pPos > pNeg) polarity = "positive";

  let arousal = 0;
  for (let i = 0; i < EMOTIONS.length; i++)
    arousal += (emotionProbs[i] as number) * EMOTION_AROUSAL[EMOTIONS[i] as Emotion];
  arousal = clamp(arousal * (0.6 + 0.5 * intensity) + 0.4 * rules.arousal, 0, 1);
  const valence = clamp(score * (0.5 + 0.5 * (primary === "neutral" ? 0.5 : intensity)) * 1.2, -1, 1);

  const signals = signalResults(rules);
  const causes = firstPerAspect(rules.causes);

  return {
    lang: p.language.lang as Language,
    langConfidence: round(p.language.confidence),
    polarity,
    score: round(score),
    emotion: primary,
    intensity: round(intensity),
    emotions,
    valence: round(valence),
    arousal: round(arousal),
    signals,
    causes,
    evidence: rules.evidence,
    codeSwitching: p.language.codeSwitching,
    ignored: p.ignored,
    truncated: p.truncated,
  };
}
