import type { Token } from "./tokenize.js";

// The words of a PascalCase tag: "NeverAgain" → Never, Again; "WorstServiceEVER" → Worst, Service, EVER;
// "IHateMondays" → I, Hate, Mondays.
const PART = /[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+|[A-Z]+|[a-z]+/g;
const ASCII_LETTERS = /^[A-Za-z]+$/;

/**
 * Splits PascalCase hashtags into their words, so `#NeverAgain` and `#WorstServiceEver` are read like the
 * phrases they spell (complaints on public channels are tagged so). Only tags that start with a capital
 * and have two parts or more are split: `#iPhone` and `#eBay` are names, `#fail` is already one word.
 *
 * @param original the message as written (the capitals are the word boundaries); offsets as the tokens'
 * @param working the folded text the tokens' `text` comes from
 * @example
 * splitHashtags("#NeverAgain", "#neveragain", tokens); // "never" (1..6), "again" (6..11)
 */
export function splitHashtags(original: string, working: string, tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const parts = t.kind === "word" && original.charCodeAt(t.start - 1) === 0x23 ? partsOf(original, t) : null;
    if (parts === null) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    for (const p of parts) out.push({ kind: "word", start: p.start, end: p.end, text: working.slice(p.start, p.end) });
  }
  return out ?? tokens;
}

function partsOf(original: string, t: Token): Array<{ start: number; end: number }> | null {
  const raw = original.slice(t.start, t.end);
  const first = raw.charCodeAt(0);
  if (first < 0x41 || first > 0x5a || !ASCII_LETTERS.test(raw)) return null;
  const parts: Array<{ start: number; end: number }> = [];
  PART.lastIndex = 0;
  for (let m = PART.exec(raw); m !== null; m = PART.exec(raw)) {
    parts.push({ start: t.start + m.index, end: t.start + m.index + m[0].length });
  }
  return parts.length >= 2 ? parts : null;
}
