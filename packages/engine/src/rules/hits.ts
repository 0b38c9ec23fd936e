import type { Lexicon } from "../lexicon/compile.js";
import type { Layer, Payload } from "../lexicon/entries.js";
import type { Token } from "../text/tokenize.js";

/** A lexicon match placed in the text: char offsets and the tokens it covers. */
export interface Hit {
  start: number;
  end: number;
  /** Index of the first token the hit overlaps, and one past the last. */
  tokenStart: number;
  tokenEnd: number;
  layer: Layer;
  payload: Payload;
}

/** Whether a word repeats a letter three times in a row ("sooo"); a loop, as a regex per token is slow. */
export function isElongated(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** Other spellings for an elongated word: "sooo" → ["soo", "so"], "goood" → ["good", "god"]. */
function elongationAlternates(word: string): string[] | undefined {
  if (!isElongated(word)) return undefined;
  return [word.replace(/([a-z])\1{2,}/g, "$1$1"), word.replace(/([a-z])\1{2,}/g, "$1")];
}

// First token whose end is after `offset` (binary search: tokens are sorted and disjoint).
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds every lexicon match in a message: Chinese entries over the folded Simplified text, English
 * words, phrases, emoji and emoticons over the tokens. Returned sorted by start.
 *
 * @param working folded, Simplified text (same length as the original)
 * @param hasHan whether the text contains Chinese characters (skips the Chinese scan otherwise)
 */
export function findHits(lexicon: Lexicon, working: string, tokens: readonly Token[], hasHan: boolean): Hit[] {
  const hits: Hit[] = [];
  if (hasHan) {
    for (const m of lexicon.chinese.scan(working)) {
      const tokenStart = tokenAt(tokens, m.start);
      hits.push({
        start: m.start,
        end: m.end,
        tokenStart,
        tokenEnd: Math.max(tokenStart + 1, tokenAt(tokens, m.end - 1) + 1),
        layer: m.layer,
        payload: m.payload,
      });
    }
  }
  const words: string[] = [];
  const alternates: Array<string[] | undefined> = [];
  let anyWord = false;
  for (const t of tokens) {
    const usable = t.kind === "word" || t.kind === "emoji" || t.kind === "emoticon" || t.kind === "number";
    words.push(usable ? t.text : "");
    alternates.push(t.kind === "word" ? elongationAlternates(t.text) : undefined);
    if (usable) anyWord = true;
  }
  if (anyWord) {
    for (const m of lexicon.tokens.scan(words, alternates)) {
      const first = tokens[m.startToken] as Token;
      const last = tokens[m.endToken - 1] as Token;
      hits.push({
        start: first.start,
        end: last.end,
        tokenStart: m.startToken,
        tokenEnd: m.endToken,
        layer: m.layer,
        payload: m.payload,
      });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits;
}
