import type { Token } from "../text/tokenize.js";
import type { Hit } from "./hits.js";

// Title case: a capital, then at least one lower-case letter ("Swift", "Buy"; not "OK" or "I").
const TITLE = /^[A-Z][a-z'’-]*[a-z][a-z'’-]*$/;
// A capitalized neighbour that makes a name: Title case, or an all-caps word of two letters or more ("NY", "USA").
const NAME_PART = /^(?:[A-Z][a-z'’-]*[a-z][a-z'’-]*|[A-Z]{2,})$/;
// Greetings are written in Title case and mean what they say: "Happy New Year", "Merry Christmas".
const GREETING = new Set(["happy", "merry"]);

// Spaces and nothing else, at least one: the words of a split hashtag (#TotallyDisappointed) touch, a name's do not.
const isSpaceOnly = (text: string, from: number, to: number) => {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
};

/**
 * Drops English lexicon hits that sit inside a capitalized name: "Taylor Swift", "The Walking Dead",
 * "Best Buy", "Dead Space" name a person, a show, a shop or a game, and say nothing about how the writer
 * feels. A hit counts as part of a name when every word of it is in Title case, it does not start a
 * sentence, and a word right beside it (spaces only between) is capitalized too. Text written mostly in
 * Title case (two words in three or more: headlines, "So Happy With This") is left alone, and so are greetings ("Happy Birthday").
 *
 * @param original the message as written (case matters here; offsets are the tokens')
 * @example
 * dropNameHits("I may go to the Taylor Swift concert", tokens, hits); // without the hit on "Swift"
 */
export function dropNameHits(original: string, tokens: readonly Token[], hits: readonly Hit[]): readonly Hit[] {
  let words = 0;
  let titled = 0;
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    words++;
    if (TITLE.test(original.slice(t.start, t.end))) titled++;
  }
  if (titled === 0 || (words >= 3 && titled * 3 >= words * 2)) return hits;
  const word = (i: number) => {
    const t = tokens[i];
    return t && t.kind === "word" ? original.slice(t.start, t.end) : null;
  };
  const isName = (h: Hit) => {
    if (h.tokenEnd <= h.tokenStart || h.payload.sentiment === undefined) return false;
    for (let i = h.tokenStart; i < h.tokenEnd; i++) {
      const w = word(i);
      if (w === null || !TITLE.test(w)) return false;
    }
    if (GREETING.has((word(h.tokenStart) as string).toLowerCase())) return false;
    const before = tokens[h.tokenStart - 1];
    // Sentence-initial: first token, or after sentence punctuation, a line break, a mention or a URL.
    if (!before || before.kind === "punct" || before.kind === "mention" || before.kind === "url") return false;
    if (!isSpaceOnly(original, before.end, (tokens[h.tokenStart] as Token).start)) return false;
    const prev = word(h.tokenStart - 1);
    const nextToken = tokens[h.tokenEnd];
    const next =
      nextToken && isSpaceOnly(original, (tokens[h.tokenEnd - 1] as Token).end, nextToken.start)
        ? word(h.tokenEnd)
        : null;
    return (prev !== null && prev !== "I" && NAME_PART.test(prev)) || (next !== null && NAME_PART.test(next));
  };
  const kept = hits.filter((h) => !isName(h));
  return kept.length === hits.length ? hits : kept;
}
