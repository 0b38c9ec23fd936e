import type { Layer, Payload } from "./entries.js";

interface CharNode {
  children: Map<number, CharNode> | undefined;
  payload: Payload | undefined;
}

/** One match of a Chinese lexicon entry: `[start, end)` in the scanned text. */
export interface CharMatch {
  start: number;
  end: number;
  payload: Payload;
  layer: Layer;
}

const isLatinOrDigit = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * A character trie over Simplified, lower-cased terms. `scan` finds, per layer, the longest entry
 * at each position, left to right without overlaps, so 不错 wins over 错 and 不好意思 over 不好.
 */
export class CharTrie {
  private readonly root: CharNode = { children: undefined, payload: undefined };
  size = 0;

  /** Adds `term` with the given payload parts; existing parts are kept (first definition wins). */
  add(term: string, payload: Payload): void {
    let node = this.root;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      if (!node.children) node.children = new Map();
      let next = node.children.get(code);
      if (!next) {
        next = { children: undefined, payload: undefined };
        node.children.set(code, next);
      }
      node = next;
    }
    if (!node.payload) {
      node.payload = {};
      this.size++;
    }
    const target = node.payload;
    if (payload.sentiment && !target.sentiment && !target.modifier) target.sentiment = payload.sentiment;
    if (payload.modifier && !target.modifier && !target.sentiment) target.modifier = payload.modifier;
    if (payload.signal && !target.signal) target.signal = payload.signal;
    if (payload.cause && !target.cause) target.cause = payload.cause;
  }

  /** Returns all layer matches in `text`, ordered by start. */
  scan(text: string): CharMatch[] {
    const matches: CharMatch[] = [];
    let freeFeeling = 0;
    let freeSignal = 0;
    let freeCause = 0;
    const rootChildren = this.root.children;
    if (!rootChildren) return matches;
    for (let i = 0; i < text.length; i++) {
      let node = rootChildren.get(text.charCodeAt(i));
      if (!node) continue;
      // Latin terms (sb, tmd, 12315) only match at word boundaries.
      const startsLatin = isLatinOrDigit(text.charCodeAt(i));
      if (startsLatin && i > 0 && isLatinOrDigit(text.charCodeAt(i - 1))) continue;
      let feeling: CharMatch | undefined;
      let signal: CharMatch | undefined;
      let cause: CharMatch | undefined;
      let j = i;
      while (node) {
        const end = j + 1;
        const p = node.payload;
        if (p && !(isLatinOrDigit(text.charCodeAt(j)) && end < text.length && isLatinOrDigit(text.charCodeAt(end)))) {
          if ((p.sentiment || p.modifier) && i >= freeFeeling)
            feeling = { start: i, end, payload: p, layer: "feeling" };
          if (p.signal && i >= freeSignal) signal = { start: i, end, payload: p, layer: "signal" };
          if (p.cause && i >= freeCause) cause = { start: i, end, payload: p, layer: "cause" };
        }
        j++;
        if (j >= text.length || !node.children) break;
        node = node.children.get(text.charCodeAt(j));
      }
      if (feeling) {
        matches.push(feeling);
        freeFeeling = feeling.end;
      }
      if (signal) {
        matches.push(signal);
        freeSignal = signal.end;
      }
      if (cause) {
        matches.push(cause);
        freeCause = cause.end;
      }
    }
    return matches;
  }
}
