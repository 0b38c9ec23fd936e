import type { Layer, Payload } from "./entries.js";

interface TokenNode {
  children: Map<string, TokenNode> | undefined;
  /** Children reached by a stem ending in `*`: any token starting with the stem. */
  stems: Array<[string, TokenNode]> | undefined;
  payload: Payload | undefined;
}

/** One match of an English (or emoji) entry over tokens `[startToken, endToken)`. */
export interface TokenMatch {
  startToken: number;
  endToken: number;
  payload: Payload;
  layer: Layer;
}

const LAYERS: readonly Layer[] = ["feeling", "signal", "cause"];

/**
 * A trie over token sequences for English words, phrases, emoji and emoticons. A token ending in
 * `*` is a stem matching any token that starts with it. `scan` keeps, per layer, the longest match
 * at each position, left to right without overlaps.
 */
export class TokenTrie {
  private readonly root: TokenNode = { children: undefined, stems: undefined, payload: undefined };
  size = 0;

  add(words: readonly string[], payload: Payload): void {
    let node = this.root;
    for (const word of words) {
      const isStem = word.length > 1 && word.endsWith("*");
      const key = isStem ? word.slice(0, -1) : word;
      let next: TokenNode | undefined;
      if (isStem) {
        if (!node.stems) node.stems = [];
        next = node.stems.find(([s]) => s === key)?.[1];
        if (!next) {
          next = { children: undefined, stems: undefined, payload: undefined };
          node.stems.push([key, next]);
        }
      } else {
        if (!node.children) node.children = new Map();
        next = node.children.get(key);
        if (!next) {
          next = { children: undefined, stems: undefined, payload: undefined };
          node.children.set(key, next);
        }
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

  /**
   * @param words the token texts to match (non-word tokens may be passed as "" to block phrases
   *   from spanning them)
   * @param alternates optional other spellings per token (e.g. "sooo" → "soo", "so"), tried in order
   *   when the token itself does not match
   */
  scan(words: readonly string[], alternates?: ReadonlyArray<readonly string[] | undefined>): TokenMatch[] {
    const matches: TokenMatch[] = [];
    const free: Record<Layer, number> = { feeling: 0, signal: 0, cause: 0 };
    const best: Partial<Record<Layer, TokenMatch>> = {};
    const rootChildren = this.root.children;
    const rootStems = this.root.stems;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      // Most tokens start no entry: skip them without a call.
      if (word === "" || (!rootChildren?.has(word) && !alternates?.[i] && !rootStems)) continue;
      best.feeling = undefined;
      best.signal = undefined;
      best.cause = undefined;
      this.walk(this.root, words, alternates, i, i, best, free);
      for (const layer of LAYERS) {
        const m = best[layer];
        if (m) {
          matches.push(m);
          free[layer] = m.endToken;
        }
      }
    }
    return matches;
  }

  private walk(
    node: TokenNode,
    words: readonly string[],
    alternates: ReadonlyArray<readonly string[] | undefined> | undefined,
    start: number,
    at: number,
    best: Partial<Record<Layer, TokenMatch>>,
    free: Record<Layer, number>,
  ): void {
    if (at >= words.length) return;
    const word = words[at] as string;
    if (word === "") return;
    let exact = node.children?.get(word);
    if (!exact && node.children) {
      for (const alt of alternates?.[at] ?? []) {
        exact = node.children.get(alt);
        if (exact) break;
      }
    }
    if (exact) this.visit(exact, words, alternates, start, at, best, free);
    if (node.stems) {
      for (const [stem, child] of node.stems) {
        if (word.startsWith(stem)) this.visit(child, words, alternates, start, at, best, free);
      }
    }
  }

  // Records the payload of a node reached by token `at`, then tries to extend the match.
  private visit(
    next: TokenNode,
    words: readonly string[],
    alternates: ReadonlyArray<readonly string[] | undefined> | undefined,
    start: number,
    at: number,
    best: Partial<Record<Layer, TokenMatch>>,
    free: Record<Layer, number>,
  ): void {
    const p = next.payload;
    if (p) {
      const end = at + 1;
      if ((p.sentiment || p.modifier) && start >= free.feeling && (best.feeling?.endToken ?? -1) < end) {
        best.feeling = { startToken: start, endToken: end, payload: p, layer: "feeling" };
      }
      if (p.signal && start >= free.signal && (best.signal?.endToken ?? -1) < end) {
        best.signal = { startToken: start, endToken: end, payload: p, layer: "signal" };
      }
      if (p.cause && start >= free.cause && (best.cause?.endToken ?? -1) < end) {
        best.cause = { startToken: start, endToken: end, payload: p, layer: "cause" };
      }
    }
    if (next.children || next.stems) this.walk(next, words, alternates, start, at + 1, best, free);
  }
}
