/** The kinds of token the engine distinguishes. */
export type TokenKind = "han" | "word" | "number" | "emoji" | "emoticon" | "punct" | "mention" | "url";

/** One token with its place in the original text. `text` is folded (lower case, Simplified). */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

/** Splits a run of Chinese characters into words (e.g. jieba). Must return pieces that concatenate to the input. */
export type Segmenter = (run: string) => readonly string[];

/** Fallback segmenter: one token per character. */
export const characterSegmenter: Segmenter = (run) => Array.from(run);

const EMOTICON =
  "(?<![a-z0-9])(?:>:-?\\(+|:'-?\\(+|[:;=][-'^o]?[()\\[\\]dpo/\\\\|*3@$]+(?![a-z0-9])|[()\\[\\]/\\\\|]+[-'^o]?[:;=](?![a-z0-9])|x-?d+(?![a-z0-9])|<\\/?3+|\\^[_.-]?\\^|t_+t|qaq|-_+-|=\\.=|orz(?![a-z])|囧)";
const PATTERN = new RegExp(
  [
    // 1 url and 2 @mention come first: a handle or a link is not a word of the message.
    "((?:https?://|www\\.)[^\\s]+)",
    "(@[a-z0-9_.]+)",
    `(${EMOTICON})`,
    "([a-z]+\\*+[a-z]*|[a-z\\u00c0-\\u024f]+(?:['-][a-z\\u00c0-\\u024f]+)*)",
    "(\\d+(?:[.,:]\\d+)*)",
    "(\\p{Extended_Pictographic}(?:\\ufe0f|\\u200d\\p{Extended_Pictographic}|\\p{Emoji_Modifier})*)",
    "([\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+)",
    "([!?！？]+|[.。…]+|[~～]+|[^\\s])",
  ].join("|"),
  "gu",
);

/**
 * Tokenizes folded text: Chinese runs through the segmenter, and for everything else English words
 * (contractions and hyphens kept: "don't", "follow-up"), masked profanity ("f**k"), numbers, emoji
 * (with modifiers and ZWJ sequences) and emoticons (":-(", "T_T", "orz"), links and @mentions (kept
 * as tokens of their own so a handle is never read as a word), then punctuation.
 *
 * @param folded text already folded to lower case and Simplified characters, same length as the original
 */
export function tokenize(folded: string, segment: Segmenter): Token[] {
  const tokens: Token[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(folded); m !== null; m = PATTERN.exec(folded)) {
    // Numbered groups (named ones allocate an object per match): 1 url, 2 mention, 3 emoticon, 4 word,
    // 5 number, 6 emoji, 7 han.
    const start = m.index;
    const text = m[0];
    if (m[7] !== undefined) {
      pushSegments(tokens, text, start, segment);
      continue;
    }
    const kind: TokenKind =
      m[1] !== undefined
        ? "url"
        : m[2] !== undefined
          ? "mention"
          : m[3] !== undefined
            ? "emoticon"
            : m[4] !== undefined
              ? "word"
              : m[5] !== undefined
                ? "number"
                : m[6] !== undefined
                  ? "emoji"
                  : "punct";
    tokens.push({ kind, start, end: start + text.length, text });
  }
  return tokens;
}

function pushSegments(tokens: Token[], run: string, start: number, segment: Segmenter): void {
  // One or two characters are one word for any segmenter: skip the call (often a native one).
  if (run.length <= 2) {
    tokens.push({ kind: "han", start, end: start + run.length, text: run });
    return;
  }
  const pieces = segment(run);
  let total = 0;
  for (const p of pieces) total += p.length;
  // A segmenter that drops or changes characters would break offsets: fall back to characters.
  const safe = total === run.length ? pieces : Array.from(run);
  let at = start;
  for (const piece of safe) {
    if (piece.length === 0) continue;
    tokens.push({ kind: "han", start: at, end: at + piece.length, text: piece });
    at += piece.length;
  }
}
