import { NOTHING } from "../empty.js";
import { EMOTIONS, type Emotion, SIGNALS, type Signal } from "../labels.js";
import type { ModifierEntry, SentimentEntry } from "../lexicon/entries.js";
import type { Token } from "../text/tokenize.js";
import type { CauseResult, Evidence } from "../types.js";
import { type Hit, isElongated } from "./hits.js";

/** What the rules found in one message; the model reads the numeric parts as features. */
export interface RuleAnalysis {
  /** Rule score per emotion, indexed like `EMOTIONS`. */
  emotions: Float32Array;
  positive: number;
  negative: number;
  /** Extra arousal from punctuation, capitals, elongation (0..1). */
  arousal: number;
  /** Extra intensity from degree words, punctuation, capitals (0..1). */
  intensity: number;
  signals: Record<Signal, { score: number; evidence: Evidence[] }>;
  causes: CauseResult[];
  evidence: Evidence[];
  /** Which hard-case rules fired, for features and tests. */
  flags: Set<RuleFlag>;
  /** Per-token negation scope (1 = inside a negation), used by the model's features. */
  negatedTokens: Uint8Array;
}

export type RuleFlag =
  | "negation"
  | "degree"
  | "diminisher"
  | "contrast"
  | "concession"
  | "rhetorical"
  | "exclamation"
  | "question"
  | "ellipsis"
  | "caps"
  | "elongation"
  | "sarcasm"
  | "polite_anger";

const EMOTION_INDEX = Object.fromEntries(EMOTIONS.map((e, i) => [e, i])) as Record<Emotion, number>;
const GRATITUDE = EMOTION_INDEX.gratitude;
const NEGATED_POSITIVE_TARGET: Array<[Emotion, number]> = [
  ["disappointment", 0.7],
  ["frustration", 0.3],
];
const CLAUSE_END = /^[,，;；:：、]$|^[.!?。！？…~～]+$/;
const SENTENCE_END = /^[.!?。！？…~～]+$/;
const POLITE_ANGER =
  /(谢谢|感谢|多谢|thanks|thank you|thx)[^。.!?！？\n]{0,14}(让我|害我|令我|叫我|讓我|for (making|letting|keeping|wasting)|for nothing|for the (wait|delay))/g;
const REPEAT_CONTACT =
  /第\s*[二三四五六七八九十两兩\d]+\s*(次|回|遍|趟)|[两兩三四五六七八九十\d]+\s*(次|回|遍)了|\b(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th))\s+(time|call|email|attempt|request|message)\b|\b(two|three|four|five|six|several|multiple|many|\d+)\s+times\b/g;
// Interrogative "when", over the folded text (幾時 reads 几时); a regex, so it works however the words were cut.
const WHEN = /\bwhen\b|什么时候|几时|何时|啥时候|几点/g;
// Words that say nothing changed: a complaint about a lasting problem, unless praise follows.
const UNCHANGED = new Set(["还是一样", "依旧", "依然", "还是那样", "仍然"]);
// Coming back on purpose: a repeat purchase, visit, stay or order ("第三次回购", "又来了", "3rd time ordering
// here", "bought it again", "keep coming back"). Counted with praise and no complaint, it is loyalty.
const RETURNING =
  /回购|回購|复购|復購|回头客|回頭客|再次(购买|購買|光顾|光顧|入住|下单|下單)|第\s*[二三四五六七八九十两兩\d]+\s*(次|回)(来|來|买|買|购|購|点|點|订|訂|住|入住|光顾|光顧|下单|下單|回购|回購)|又(来|來|买|買|点|點|订|訂|回购|回購)(了|咗)|\b(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th))\s+(time\s+)?(ordering|visiting|staying|buying|booking|coming|flying|order|visit|stay|purchase|trip)\b|\b(ordered|bought|booked|visited|stayed|flown|flew|eaten|ate|been|order|buy|book|visit|stay|come|came)\s+(\w+\s+){0,2}(again|twice|\w+ times)\b|\brepeat (customer|buyer|order|purchase)\b|\b(keep|kept) coming back\b/i;
const MASKED_PROFANITY = /\b(f\*+k|f\*+|f\*ck|sh\*t|b\*tch|a\*\*hole|f\*\*king)\b/g;

interface Scoped {
  hit: Hit;
  entry: SentimentEntry;
  weight: number;
  valence: number;
  emotions: Float32Array;
  notes: string[];
}

/** A signal the rules did not see: shared and frozen, so a quiet message allocates nothing for it. */
export const NO_SIGNAL: Readonly<{ score: number; evidence: Evidence[] }> = Object.freeze({
  score: 0,
  evidence: NOTHING,
});

function emptySignals(): Record<Signal, { score: number; evidence: Evidence[] }> {
  const out = {} as Record<Signal, { score: number; evidence: Evidence[] }>;
  for (const s of SIGNALS) out[s] = NO_SIGNAL;
  return out;
}

function addSignal(
  signals: Record<Signal, { score: number; evidence: Evidence[] }>,
  signal: Signal,
  weight: number,
  evidence: Evidence,
): void {
  let s = signals[signal];
  if (s === NO_SIGNAL) {
    s = { score: 0, evidence: [] };
    signals[signal] = s;
  }
  s.score = 1 - (1 - s.score) * (1 - weight);
  s.evidence.push(evidence);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;

function bump(values: Float32Array, index: number, by: number): void {
  values[index] = (values[index] as number) + by;
}

// Two decimals with a sign; cheaper than toFixed, which shows up in profiles at this volume.
const fmt = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return r >= 0 ? `+${r}` : `${r}`;
};

/**
 * Applies Attune's rules to the lexicon hits of one message: negation with scope, degree and
 * diminishing words, contrast and concession, rhetorical questions, repeated punctuation, capitals,
 * elongation, sarcasm and polite anger; then gathers signals and causes, each with its evidence.
 *
 * @param original the input text (evidence slices it)
 * @param working the folded Simplified text the hits were found in (same length)
 */
export function composeRules(
  original: string,
  working: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
): RuleAnalysis {
  const evidence: Evidence[] = [];
  const signals = emptySignals();
  const causes: CauseResult[] = [];
  const flags = new Set<RuleFlag>();
  const span = (start: number, end: number) => ({ start, end, text: original.slice(start, end) });
  const ev = (start: number, end: number, cue: string, effect: string, weight: number): Evidence => ({
    start,
    end,
    text: original.slice(start, end),
    cue,
    effect,
    weight,
  });

  // Clause and sentence numbers per token.
  const clauseOf = new Int32Array(tokens.length + 1);
  const sentenceOf = new Int32Array(tokens.length + 1);
  let clause = 0;
  let sentence = 0;
  const sentenceEnds: Array<{ sentence: number; token: Token }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // Line breaks are not tokens: a line break between two tokens ends the clause and the sentence.
    if (i > 0 && hasNewline(working, (tokens[i - 1] as Token).end, t.start)) {
      clause++;
      sentence++;
    }
    clauseOf[i] = clause;
    sentenceOf[i] = sentence;
    if (t.kind === "punct" && CLAUSE_END.test(t.text)) {
      clause++;
      if (SENTENCE_END.test(t.text)) {
        sentenceEnds.push({ sentence, token: t });
        sentence++;
      }
    }
  }
  clauseOf[tokens.length] = clause;
  sentenceOf[tokens.length] = sentence;

  const modifiers: Hit[] = [];
  const sentiments: Hit[] = [];
  for (const h of hits) {
    if (h.layer !== "feeling") continue;
    if (h.payload.modifier) modifiers.push(h);
    else if (h.payload.sentiment) sentiments.push(h);
  }
  const negatedTokens = new Uint8Array(tokens.length);

  // Sentence-level markers.
  const contrastIn = new Map<number, number[]>(); // sentence → token positions of contrast words
  const rhetoricalSentences = new Map<number, Hit>();
  for (const m of modifiers) {
    const mod = m.payload.modifier as ModifierEntry;
    const s = sentenceOf[m.tokenStart] as number;
    if (mod.kind === "contrast") {
      const list = contrastIn.get(s) ?? [];
      list.push(m.tokenStart);
      contrastIn.set(s, list);
    } else if (mod.kind === "rhetorical" && !rhetoricalSentences.has(s)) rhetoricalSentences.set(s, m);
  }
  const exclaimed = new Map<number, number>(); // sentence → number of !
  const questioned = new Map<number, number>();
  for (const { sentence: s, token } of sentenceEnds) {
    let bangs = 0;
    let asks = 0;
    for (const ch of token.text) {
      if (ch === "!" || ch === "！") bangs++;
      else if (ch === "?" || ch === "？") asks++;
    }
    if (bangs) exclaimed.set(s, bangs);
    if (asks) questioned.set(s, asks);
  }

  // Where a sentence asks "when": the praise after it in a question is what the customer waits for.
  const askedWhen = new Map<number, number>(); // sentence → first "when" token
  if (questioned.size > 0) {
    WHEN.lastIndex = 0;
    let i = 0;
    for (let m = WHEN.exec(working); m; m = WHEN.exec(working)) {
      while (i < tokens.length && (tokens[i] as Token).end <= m.index) i++;
      const s = sentenceOf[i] as number;
      if (i < tokens.length && questioned.has(s) && !askedWhen.has(s)) askedWhen.set(s, i);
    }
  }

  // Capitals and elongation in the original text.
  let capsWords = 0;
  let words = 0;
  const capsToken = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "word") continue;
    words++;
    if (
      t.end - t.start >= 3 &&
      isUpper(original.charCodeAt(t.start)) &&
      isUpper(original.charCodeAt(t.end - 1)) &&
      /^[A-Z][A-Z'*-]*[A-Z]$/.test(original.slice(t.start, t.end))
    ) {
      capsWords++;
      capsToken[i] = 1;
    }
  }
  const shouting = capsWords >= 2 && capsWords / Math.max(words, 1) >= 0.3;

  const scoped: Scoped[] = [];
  for (const h of sentiments) {
    const entry = h.payload.sentiment as SentimentEntry;
    const notes: string[] = [];
    let strength = 1;
    let negation = 0;
    let degreeBeforeNegation = false;
    // Walk back over a chain of adjacent modifiers in the same clause: 不 是 很 满意.
    let edge = h.tokenStart;
    for (let k = modifiers.length - 1; k >= 0; k--) {
      const m = modifiers[k] as Hit;
      if (m.tokenEnd > h.tokenStart) continue;
      if (clauseOf[m.tokenStart] !== clauseOf[h.tokenStart]) break;
      if (edge - m.tokenEnd > 2) break;
      const mod = m.payload.modifier as ModifierEntry;
      if (mod.kind === "negator") {
        negation += mod.weight;
        if (strength !== 1) degreeBeforeNegation = true;
        flags.add("negation");
        for (let t = m.tokenStart; t < h.tokenEnd; t++) negatedTokens[t] = 1;
        evidence.push(ev(m.start, m.end, mod.term, `negates ${entry.term}`, 0));
      } else if (mod.kind === "degree") {
        strength *= mod.weight;
        flags.add("degree");
        evidence.push(ev(m.start, m.end, mod.term, `intensifies ×${mod.weight}`, 0));
      } else if (mod.kind === "diminisher") {
        strength *= mod.weight;
        flags.add("diminisher");
        evidence.push(ev(m.start, m.end, mod.term, `softens ×${mod.weight}`, 0));
      } else break;
      edge = m.tokenStart;
    }
    // Suffix degree words: 气死了, 好吃极了.
    for (const m of modifiers) {
      if (m.tokenStart < h.tokenEnd) continue;
      if (m.tokenStart - h.tokenEnd > 1) break;
      const mod = m.payload.modifier as ModifierEntry;
      if (mod.kind === "degree_after" && clauseOf[m.tokenStart] === clauseOf[h.tokenStart]) {
        strength *= mod.weight;
        flags.add("degree");
        evidence.push(ev(m.start, m.end, mod.term, `intensifies ×${mod.weight}`, 0));
      }
      break;
    }
    const tokenIndex = h.tokenStart;
    if (capsToken[tokenIndex]) {
      strength *= 1.5;
      flags.add("caps");
      notes.push("capitals ×1.5");
    }
    const tok = tokens[tokenIndex];
    if (tok && tok.kind === "word" && isElongated(tok.text)) {
      strength *= 1.4;
      flags.add("elongation");
      notes.push("elongated ×1.4");
    }

    let valence = entry.valence * strength;
    const emotions = new Float32Array(EMOTIONS.length);
    const negated = negation % 2 >= 0.5; // odd number of negators
    if (negated) {
      // "not happy" is clearly negative; "not very happy" is milder; "not angry" is only weakly positive.
      const soften = degreeBeforeNegation ? 0.6 : 1;
      if (entry.valence > 0) {
        valence = -entry.valence * 0.8 * soften * Math.min(strength, 1.2);
        for (const [e, w] of NEGATED_POSITIVE_TARGET) emotions[EMOTION_INDEX[e]] = w * Math.abs(valence) * 0.5;
        notes.push("negated");
      } else {
        valence = -entry.valence * 0.3;
        for (let i = 0; i < emotions.length; i++) emotions[i] = (entry.emotions[i] as number) * 0.15;
        notes.push("negated");
      }
    } else {
      const magnitude = Math.max(Math.abs(entry.valence), 1) * strength;
      for (let i = 0; i < emotions.length; i++) emotions[i] = (entry.emotions[i] as number) * magnitude * 0.5;
    }

    let weight = 1;
    const s = sentenceOf[h.tokenStart] as number;
    const contrasts = contrastIn.get(s);
    if (contrasts) {
      const after = contrasts.some((c) => c < h.tokenStart);
      const before = contrasts.some((c) => c > h.tokenStart);
      if (after) weight *= 1.4;
      else if (before) weight *= 0.6;
      flags.add("contrast");
    } else if (contrastIn.get(s + 1)?.some((c) => sentenceOf[c - 1] !== s + 1)) {
      // A contrast word opening the next sentence ("Food was great. But it came cold.") discounts this one.
      weight *= 0.7;
    }
    for (const m of modifiers) {
      const mod = m.payload.modifier as ModifierEntry;
      if (
        mod.kind === "concession" &&
        clauseOf[m.tokenStart] === clauseOf[h.tokenStart] &&
        m.tokenStart < h.tokenStart
      ) {
        weight *= 0.6;
        flags.add("concession");
      }
    }
    const when = askedWhen.get(s);
    if (valence > 0 && when !== undefined && when < h.tokenStart) {
      // "幾時搞掂？", "When will it be fixed?": the fix is asked about, not had.
      weight = 0;
      notes.push("asked when, not had");
    }
    const bangs = exclaimed.get(s) ?? 0;
    if (bangs >= 2) weight *= 1.3;
    else if (bangs === 1) weight *= 1.1;
    if (rhetoricalSentences.has(s) && valence < 0) weight *= 1.3;
    if (shouting && valence < 0) weight *= 1.2;
    for (let i = 0; i < emotions.length; i++) emotions[i] = (emotions[i] as number) * weight;
    scoped.push({ hit: h, entry, weight, valence: valence * weight, emotions, notes });
  }
  // "Still the same" complains only about something bad: before praise it means "as good as ever"
  // ("还是一样好吃", "依旧热情"), and the praise speaks for itself.
  for (let k = 0; k + 1 < scoped.length; k++) {
    const c = scoped[k] as Scoped;
    const next = scoped[k + 1] as Scoped;
    if (
      c.valence < 0 &&
      UNCHANGED.has(c.entry.term) &&
      next.valence > 0 &&
      next.hit.start - c.hit.end <= 2 &&
      !hasNewline(working, c.hit.end, next.hit.start)
    ) {
      c.valence = 0;
      c.emotions = new Float32Array(EMOTIONS.length);
      c.notes.push("unchanged, before praise");
    }
  }

  // Signals from the signal layer.
  for (const h of hits) {
    if (h.layer === "signal" && h.payload.signal) {
      const { signal, weight, term } = h.payload.signal;
      // A negated threat ("不会投诉", "won't cancel") is not a threat.
      const negatedHere = modifiers.some(
        (m) =>
          m.payload.modifier?.kind === "negator" &&
          m.tokenEnd <= h.tokenStart &&
          h.tokenStart - m.tokenEnd <= 2 &&
          clauseOf[m.tokenStart] === clauseOf[h.tokenStart],
      );
      if (negatedHere && signal !== "repeatContact" && signal !== "abuse") continue;
      addSignal(signals, signal, weight, {
        ...span(h.start, h.end),
        cue: term,
        effect: `${signal} ${fmt(weight)}`,
        weight: 0,
      });
    } else if (h.layer === "cause" && h.payload.cause) {
      causes.push({ aspect: h.payload.cause.aspect, span: span(h.start, h.end) });
    }
  }
  // The pattern rules only run when a cheap test says they could match.
  if (/[次回遍]|time/.test(working)) {
    const re = REPEAT_CONTACT;
    re.lastIndex = 0;
    for (let m = re.exec(working); m; m = re.exec(working)) {
      addSignal(signals, "repeatContact", 0.8, {
        ...span(m.index, m.index + m[0].length),
        cue: "repeat count",
        effect: "repeatContact +0.80",
        weight: 0,
      });
    }
  }
  MASKED_PROFANITY.lastIndex = 0;
  for (let m = working.includes("*") ? MASKED_PROFANITY.exec(working) : null; m; m = MASKED_PROFANITY.exec(working)) {
    addSignal(signals, "abuse", 0.7, {
      ...span(m.index, m.index + m[0].length),
      cue: "masked profanity",
      effect: "abuse +0.70",
      weight: 0,
    });
  }

  // Sarcasm: praise next to a complaint ("真是太棒了，又延误了", "great, another 2 hours on hold").
  const negativeMass = scoped.reduce((a, c) => a + Math.max(-c.valence, 0), 0);
  // A returning customer's praise ("第三次回购了，还是一样好吃", "5th stay and they remembered my name!") counts
  // visits, not contacts: where the praise outweighs any complaint, that is no repeat contact (and no sarcasm).
  if (signals.repeatContact !== NO_SIGNAL && scoped.reduce((a, c) => a + Math.max(c.valence, 0), 0) > negativeMass) {
    if (RETURNING.test(working)) signals.repeatContact = NO_SIGNAL;
  }
  const repeat = signals.repeatContact.score;
  const markerSarcasm = signals.sarcasm.score;
  for (const c of scoped) {
    if (c.valence <= 0 || (c.entry.emotions[GRATITUDE] as number) > 0.5) continue;
    const s = sentenceOf[c.hit.tokenStart] as number;
    const emphatic = c.weight > 1.05 || c.valence > Math.abs(c.entry.valence) * 1.2 || exclaimed.has(s);
    const complaint = negativeMass >= 1.5 || repeat >= 0.5 || (negativeMass >= 0.8 && markerSarcasm > 0);
    if ((emphatic && complaint) || (markerSarcasm >= 0.5 && negativeMass > 0)) {
      flipToComplaint(c, "sarcasm");
      flags.add("sarcasm");
      addSignal(signals, "sarcasm", 0.7, {
        ...span(c.hit.start, c.hit.end),
        cue: c.entry.term,
        effect: "praise beside a complaint reads as sarcasm",
        weight: c.valence,
      });
    }
  }
  // Polite anger: "谢谢你们让我等了三天", "thanks for making me wait".
  POLITE_ANGER.lastIndex = 0;
  const thanked = /谢|thank|thx/.test(working);
  for (let m = thanked ? POLITE_ANGER.exec(working) : null; m; m = POLITE_ANGER.exec(working)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const c of scoped) {
      if (c.hit.start >= start && c.hit.start < end && c.valence > 0) flipToComplaint(c, "polite anger");
    }
    flags.add("polite_anger");
    const anger = new Float32Array(EMOTIONS.length);
    anger[EMOTION_INDEX.anger] = 0.8;
    anger[EMOTION_INDEX.frustration] = 0.6;
    scoped.push({
      hit: { start, end, tokenStart: 0, tokenEnd: 0, layer: "feeling", payload: {} },
      entry: { term: "polite anger", valence: -2, emotions: anger, source: "rules" },
      weight: 1,
      valence: -1.5,
      emotions: anger,
      notes: [],
    });
  }

  const emotions = new Float32Array(EMOTIONS.length);
  let positive = 0;
  let negative = 0;
  for (const c of scoped) {
    for (let i = 0; i < emotions.length; i++) emotions[i] = (emotions[i] as number) + (c.emotions[i] as number);
    if (c.valence > 0) positive += c.valence;
    else negative -= c.valence;
    let top = -1;
    let topW = 0;
    for (let i = 0; i < c.emotions.length; i++) {
      if ((c.emotions[i] as number) > topW) {
        topW = c.emotions[i] as number;
        top = i;
      }
    }
    const label = top >= 0 ? (EMOTIONS[top] as Emotion) : undefined;
    // A blocker (垃圾桶, 加油站: there only so a feeling word inside it does not match) shows nothing.
    if (!label && c.valence === 0 && c.notes.length === 0) continue;
    const effect = [label ? `${label} ${fmt(topW)}` : `valence ${fmt(c.valence)}`, ...c.notes].join(", ");
    // Three decimals: the stored analysis and the API show 2.145, not 2.1450000000000005.
    const e = ev(c.hit.start, c.hit.end, c.entry.term, effect, Math.round(c.valence * 1000) / 1000);
    if (label) e.emotion = label;
    evidence.push(e);
  }

  // Punctuation and shouting: arousal and intensity, and a little emotion of their own.
  let arousal = 0;
  let intensity = 0;
  for (const { sentence: s, token } of sentenceEnds) {
    const bangs = exclaimed.get(s) ?? 0;
    const asks = questioned.get(s) ?? 0;
    if (bangs + asks >= 2 || (bangs >= 1 && asks >= 1)) {
      arousal += 0.15 * Math.min(bangs + asks, 4);
      intensity += 0.1 * Math.min(bangs + asks, 4);
      flags.add(bangs ? "exclamation" : "question");
      if (asks >= 2) {
        const w = negative > 0 ? 0.4 : 0.6;
        bump(emotions, negative > 0 ? EMOTION_INDEX.anger : EMOTION_INDEX.confusion, w);
      }
      evidence.push({
        ...span(token.start, token.end),
        cue: token.text,
        effect: "repeated punctuation raises arousal",
        weight: 0,
      });
    }
    if (/^(\.{3,}|…+|。{3,})$/.test(token.text)) {
      flags.add("ellipsis");
      if (negative > 0) bump(emotions, EMOTION_INDEX.frustration, 0.2);
    }
  }
  for (const [s, m] of rhetoricalSentences) {
    if (!questioned.has(s) && (m.payload.modifier?.weight ?? 0) < 1) continue;
    flags.add("rhetorical");
    bump(emotions, EMOTION_INDEX.anger, 0.6);
    negative += 0.8;
    arousal += 0.15;
    evidence.push({
      ...span(m.start, m.end),
      cue: m.payload.modifier?.term ?? "",
      effect: "rhetorical question: an accusation",
      emotion: "anger",
      weight: -0.8,
    });
  }
  if (shouting) {
    flags.add("caps");
    arousal += 0.3;
    intensity += 0.2;
    if (negative > 0) bump(emotions, EMOTION_INDEX.anger, 0.5);
  }
  if (signals.abuse.score >= 0.5) bump(emotions, EMOTION_INDEX.anger, 1);
  if (signals.escalationThreat.score >= 0.5) bump(emotions, EMOTION_INDEX.anger, 0.6);

  evidence.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    emotions,
    positive,
    negative,
    arousal: Math.min(arousal, 1),
    intensity: Math.min(intensity, 1),
    signals,
    causes: causes.length ? causes : NOTHING,
    evidence: evidence.length ? evidence : NOTHING,
    flags,
    negatedTokens,
  };
}

// Praise that is really a complaint: the sign turns and its emotions become frustration and anger.
function flipToComplaint(c: Scoped, why: string): void {
  const magnitude = Math.abs(c.valence);
  c.valence = -magnitude;
  const e = new Float32Array(EMOTIONS.length);
  e[EMOTION_INDEX.frustration] = 0.6 * magnitude;
  e[EMOTION_INDEX.anger] = 0.4 * magnitude;
  c.emotions = e;
  c.notes.push(why);
}
