import type { AgentCue } from "../conversation/agent-cues.js";
import { feelingGroup, fill, join, pick, type SlotValues } from "./compose.js";
import { extractFacts, type Fact } from "./facts.js";
import type { PhraseBank } from "./phrases/phrase-bank.js";
import type { DraftContext, ToneFlag } from "./tone-guard.js";

const PLAIN_ZH: Record<string, string> = {
  sku: "商品编号",
  rma: "退货申请",
  sla: "承诺时效",
  backend: "系统",
  api: "系统接口",
  工单流转: "处理流程",
  系统回传: "系统更新",
  逆向物流: "退货物流",
  二线: "专门的同事",
  后台同步: "系统更新",
  后台数据: "系统记录",
  後台: "系統",
  系統回傳: "系統更新",
};
const PLAIN_EN: Record<string, string> = {
  sku: "item code",
  rma: "return authorisation",
  sla: "promised response time",
  backend: "system",
  "back-end sync": "system update",
  api: "system",
  "l2 ticket": "specialist team request",
  "l2 team": "specialist team",
  "l2 support": "specialist team",
  "error code": "error message",
};
const SOFTER_PROMISE_ZH: Array<[RegExp, string]> = [
  [/保证|保證/g, "会尽全力"],
  [/绝对|絕對/g, "会尽量"],
  [/百分之百|100%/g, ""],
  [/一定(会|能)?/g, "会尽力"],
  [/肯定(会|能)/g, "会尽力"],
];
const SOFTER_PROMISE_EN: Array<[RegExp, string]> = [
  [/\bI guarantee\b/gi, "I'll do everything I can to make sure"],
  [/\bguaranteed\b/gi, "expected"],
  [/\bdefinitely\b/gi, "expected to"],
  [/\bI promise\b/gi, "I'll make sure"],
  [/this will never happen again|won't happen again/gi, "we're taking steps so this doesn't happen again"],
  [/\b100% (sure|fixed)\b/gi, "$1"],
];

interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Splits text into sentences, each keeping its closing punctuation ("。", "!?", ". "). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) out.push({ start, end, text: text.slice(start, end) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const closes =
      "。！？!?\n".includes(c) || (c === "." && (i + 1 === text.length || /\s/.test(text[i + 1] as string)));
    if (!closes) continue;
    let end = i + 1;
    while (end < text.length && "。！？!?.\n".includes(text[end] as string)) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

const isChinese = (bank: PhraseBank) => bank.joiner === "";

/**
 * Rewrites a draft to fix its tone while keeping its facts: order numbers, amounts, dates and times
 * survive word for word. Blame, dismissals, canned and casual lines go; refusals become "here is what
 * I can do"; jargon becomes plain words; over-promises are softened; a missing acknowledgment,
 * apology, next step or follow-up is added in the customer's language.
 */
export function rewriteDraft(
  draft: string,
  flags: readonly ToneFlag[],
  cues: readonly AgentCue[],
  context: DraftContext,
  bank: PhraseBank,
  slots: SlotValues,
): { text: string; facts: Fact[] } {
  const facts = extractFacts(draft);
  const drop = new Set(["blame", "dismissal", "too_casual", "too_cold"]);
  const kept: string[] = [];
  let refused = false;
  for (const s of sentences(draft)) {
    const inside = flags.filter((f) => f.end > f.start && f.start >= s.start && f.end <= s.end);
    const hasFact = facts.some((f) => f.start >= s.start && f.end <= s.end);
    let text = s.text;
    if (inside.some((f) => f.type === "absolute_refusal")) refused = true;
    const droppable = inside.some((f) => drop.has(f.type) || f.type === "absolute_refusal");
    if (droppable && !hasFact) continue;
    if (droppable) {
      // Keep the facts, lose the offending words.
      for (const f of [...inside].sort((a, b) => b.start - a.start)) {
        if (drop.has(f.type) || f.type === "absolute_refusal") {
          text = text.slice(0, f.start - s.start) + text.slice(f.end - s.start);
        }
      }
    }
    text = plainWords(text, bank);
    text = softenPromises(text, bank);
    text = text.replace(/^[\s,，、;；:：]+/, "").replace(/\s{2,}/g, " ");
    if (text.replace(/[\s\p{P}]/gu, "")) kept.push(text.trim());
  }

  const has = (kind: string) => cues.some((c) => c.kind === kind);
  const high = context.intensity >= 0.55 ? "high" : "low";
  const parts: string[] = [];
  if (context.negative && !has("acknowledge"))
    parts.push(pick(bank.acknowledge[feelingGroup(context.emotion)][high], 0));
  if (flags.some((f) => f.type === "missing_apology")) parts.push(pick(bank.apology[high], 0));
  if (refused) parts.push(fill(pick(bank.refusalAlternative, 1), slots, bank).text);
  parts.push(...kept);
  if (flags.some((f) => f.type === "missing_next_step") || (refused && !has("next_step"))) {
    parts.push(fill(pick(bank.nextStep.general, 0), slots, bank).text);
  }
  if (context.negative && !has("follow_up")) parts.push(fill(pick(bank.followUp, 2), slots, bank).text);
  let text = tidy(join(parts, bank));
  // Belt and braces: a fact that did not survive is added back.
  const lost = facts.filter((f) => !text.includes(f.text));
  if (lost.length)
    text += isChinese(bank) ? `（${lost.map((f) => f.text).join("，")}）` : ` (${lost.map((f) => f.text).join(", ")})`;
  return { text, facts };
}

// Removing a phrase can leave "，。" or ", ." behind.
function tidy(text: string): string {
  return text
    .replace(/[，,、;；:：\s]+([。！？.!?])/g, "$1")
    .replace(/([。！？!?])[，,、]+/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}

function plainWords(text: string, bank: PhraseBank): string {
  const map = isChinese(bank) ? { ...PLAIN_EN, ...PLAIN_ZH } : PLAIN_EN;
  let out = text;
  for (const [word, plain] of Object.entries(map)) {
    const re = /^[a-z0-9 -]+$/i.test(word) ? new RegExp(`\\b${word}\\b`, "gi") : new RegExp(word, "g");
    out = out.replace(re, isChinese(bank) && /^[a-z]/i.test(word) ? (PLAIN_ZH[word] ?? plain) : plain);
  }
  return out;
}

function softenPromises(text: string, bank: PhraseBank): string {
  let out = text;
  for (const [re, soft] of isChinese(bank) ? SOFTER_PROMISE_ZH : SOFTER_PROMISE_EN) out = out.replace(re, soft);
  return out;
}
