import { AttuneError } from "@attune/engine";
import { isValidHkid, isValidMainlandId, isValidTaiwanId, passesLuhn } from "./checksums.js";

/** The kinds of personal data {@link redactPii} can find. */
export const PII_KINDS = ["phone", "email", "id_card", "bank_card"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** One piece of personal data, as a half-open span `[start, end)` of UTF-16 offsets into the original text. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export interface RedactOptions {
  /** Which kinds to look for; all of them when omitted. */
  kinds?: PiiKind[];
}

export interface RedactResult {
  /** The text with every span replaced by its placeholder. */
  text: string;
  /** What was replaced, in text order, with offsets into the text that was passed in. */
  found: PiiSpan[];
}

/** What each kind is replaced with. Placeholders hold no digits, so redacting twice changes nothing. */
export const PII_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = {
  phone: "[PHONE]",
  email: "[EMAIL]",
  id_card: "[ID]",
  bank_card: "[CARD]",
};

interface Detector {
  kind: PiiKind;
  /** Global, so `lastIndex` drives the scan; reset before every use. */
  pattern: RegExp;
  /** Checks what a pattern cannot: checksums, digit counts, dates. */
  accept?: (match: string) => boolean;
}

// Separators inside a number: space, no-break space, ideographic space, hyphen.
const digitsOf = (s: string) => s.replace(/\D/g, "");

/** Unseparated 8-digit numbers that read as a date (20260312) or a round amount (30000000) are not phones. */
function isPlausibleHongKongNumber(match: string): boolean {
  if (!/^\d{8}$/.test(match)) return true;
  const month = Number(match.slice(4, 6));
  const day = Number(match.slice(6, 8));
  const dateLike = match.startsWith("20") && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return !dateLike && !match.endsWith("0000") && !/^(\d)\1{7}$/.test(match);
}

function isCardNumber(match: string): boolean {
  const d = digitsOf(match);
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  const issuer =
    (d[0] === "4" && (n === 13 || n === 16 || n === 19)) ||
    (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) ||
    ((p2 === 34 || p2 === 37) && n === 15) ||
    (p2 === 62 && n >= 16) ||
    (p4 >= 3528 && p4 <= 3589 && n >= 16);
  return issuer && passesLuhn(d);
}

/**
 * Local part, `@` (or full-width `＠`), dotted domain, alphabetic TLD. Sticky: it is tried only where a
 * local part can begin next to an `@`, so prose without `@` costs nothing.
 */
const EMAIL =
  /[A-Za-z0-9_][A-Za-z0-9_%+.-]{0,63}[@＠](?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9_-])/y;
const AT_SIGN = /[@＠]/g;
const DIGIT_RE = /\d/g;

/** Patterns for everything made of digits; each is run over the digit-bearing windows of the text. */
const DETECTORS: readonly Detector[] = [
  {
    // Mainland resident ID, optionally grouped 6-8-4.
    kind: "id_card",
    pattern:
      /(?<![A-Za-z0-9_])[1-9]\d{5}[ \u00a0]?(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \u00a0]?\d{3}[\dXx](?![A-Za-z0-9_])/g,
    accept: (m) => isValidMainlandId(m.replace(/[ \u00a0]/g, "")),
  },
  {
    kind: "id_card",
    pattern: /(?<![A-Za-z0-9_])[A-Z][12]\d{8}(?![A-Za-z0-9_])/g,
    accept: isValidTaiwanId,
  },
  {
    // HKID with the check character bracketed (ASCII or full-width) or bare.
    kind: "id_card",
    pattern: /(?<![A-Za-z0-9_])[A-Z]{1,2}\d{6}(?:[(（][\dA][)）]|[\dA])(?![A-Za-z0-9_])/g,
    accept: (m) => isValidHkid(m.replace(/[()（）]/g, "")),
  },
  {
    // Unseparated, grouped 4-4-4-4(-3) with one consistent separator, or Amex 4-6-5.
    kind: "bank_card",
    pattern:
      /(?<![A-Za-z0-9_])(?:\d{13,19}|\d{4}([ \u00a0-])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ \u00a0-])\d{6}\2\d{5})(?![A-Za-z0-9_])/g,
    accept: isCardNumber,
  },
  {
    // Mainland mobile: +86 / 0086 / (86) / "86 " then 1[3-9] and nine digits, grouped 3-4-4 or not.
    kind: "phone",
    pattern:
      /(?:(?:\+|00)86[ \u00a0\u3000-]?|[(（]\+?86[)）][ \u00a0\u3000-]?|(?<![A-Za-z0-9_])86[ \u00a0\u3000-]|(?<![A-Za-z0-9_]))1[3-9]\d[ \u00a0\u3000-]?\d{4}[ \u00a0\u3000-]?\d{4}(?![A-Za-z0-9_])/g,
  },
  {
    // Mainland landline: 010/02x with an 8-digit local number, 0xxx with 7 or 8 digits; locals start 2-8.
    kind: "phone",
    pattern:
      /(?<![A-Za-z0-9_])(?:(?:0(?:10|2\d)|[(（]0(?:10|2\d)[)）])[ \u00a0\u3000-]?[2-8]\d{3}|(?:0[3-9]\d{2}|[(（]0[3-9]\d{2}[)）])[ \u00a0\u3000-]?[2-8]\d{2,3})[ \u00a0\u3000-]?\d{4}(?![A-Za-z0-9_])/g,
  },
  {
    // Taiwan mobile: 09xx-xxx-xxx, or +886 / 00886 / (886) / "886 " then 9xx xxx xxx.
    kind: "phone",
    pattern:
      /(?:(?:\+|00)886[ \u00a0\u3000-]?|[(（]\+?886[)）][ \u00a0\u3000-]?|(?<![A-Za-z0-9_])886[ \u00a0\u3000-]|(?<![A-Za-z0-9_])0)9\d{2}[ \u00a0\u3000-]?\d{3}[ \u00a0\u3000-]?\d{3}(?![A-Za-z0-9_])/g,
  },
  {
    // Taiwan landline: the area code is bracketed or followed by a separator, e.g. (02) 2345-6789, 04-2345-6789.
    kind: "phone",
    pattern:
      /(?<![A-Za-z0-9_])(?:[(（]0[2-8]\d{0,2}[)）][ \u00a0\u3000-]?|0[2-8]\d{0,2}[ \u00a0\u3000-])\d{3,4}[ \u00a0\u3000-]?\d{4}(?![A-Za-z0-9_])/g,
  },
  {
    // Hong Kong: eight digits starting 2, 3, 5, 6, 7 or 9, optionally +852 / 00852 / (852) / "852 ".
    kind: "phone",
    pattern:
      /(?:(?:\+|00)852[ \u00a0\u3000-]?|[(（]\+?852[)）][ \u00a0\u3000-]?|(?<![A-Za-z0-9_])852[ \u00a0\u3000-]|(?<![A-Za-z0-9_]))[235679]\d{3}[ \u00a0\u3000-]?\d{4}(?![A-Za-z0-9_])/g,
    accept: isPlausibleHongKongNumber,
  },
  {
    // North American numbers need brackets or separators: (415) 555-0123, 415-555-0123, 1 415.555.0123.
    kind: "phone",
    pattern:
      /(?:(?:\+1|(?<![A-Za-z0-9_])1)[ .\u00a0-]?)?(?:[(（][2-9]\d{2}[)）][ .\u00a0-]?|(?<![A-Za-z0-9_])[2-9]\d{2}[ .\u00a0-])[2-9]\d{2}[ .\u00a0-]\d{4}(?![A-Za-z0-9_])/g,
  },
  {
    // E.164 with a +: unseparated, or groups split by single separators; brackets only right after the
    // country code, e.g. +44 20 7946 0958, +44 (0)20 7946 0958.
    kind: "phone",
    pattern:
      /\+[1-9]\d{7,14}(?![A-Za-z0-9_])|\+[1-9]\d{0,2}(?:[ \u00a0-]?[(（]\d{1,4}[)）][ .\u00a0-]?\d{1,12}|[ .\u00a0-]\d{1,12})(?:[ .\u00a0-]\d{1,12}){0,5}(?![A-Za-z0-9_])/g,
    accept: (m) => {
      const n = digitsOf(m).length;
      return n >= 8 && n <= 15;
    },
  },
];

/** On equal-length overlaps the more specific kind wins. */
const PRIORITY: Record<PiiKind, number> = { email: 0, id_card: 1, bank_card: 2, phone: 3 };

// Character classes as bit flags, looked up by UTF-16 code unit.
const WORD = 1; // 0-9 A-Z a-z _
const DIGIT = 2;
const JOINER = 4; // joins digit groups into one longer number: - . :
const OPENER = 8; // may open a phone number: ( （ +
const CLOSER = 16;
const SPACE = 32; // space, no-break space, ideographic space
const CURRENCY = 64;
const UNIT = 128; // amount units: 元, 万, %, …
const NUMBER_PUNCTUATION = 256; // what numbers and IDs are written with besides letters, digits and spaces
const LOCAL = 512; // e-mail local part
const PLUS = 1024;

const FLAGS = new Uint16Array(0x10000);
function setFlags(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) FLAGS[chars.charCodeAt(i)] = (FLAGS[chars.charCodeAt(i)] ?? 0) | flag;
}
const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
setFlags(`${DIGITS}${LETTERS}_`, WORD | LOCAL);
setFlags(DIGITS, DIGIT);
setFlags("-.:", JOINER);
setFlags("(（+", OPENER);
setFlags(")）", CLOSER);
setFlags(" \u00a0\u3000", SPACE);
setFlags("$¥￥€£", CURRENCY);
setFlags("元块塊圓圆蚊萬万億亿%", UNIT);
setFlags("+()（）.:-", NUMBER_PUNCTUATION);
setFlags("%+-.", LOCAL);
setFlags("+", PLUS);

/** The flags of the code unit `c`; 0 for NaN, which `charCodeAt` returns outside the text. */
function flagsOf(c: number): number {
  return FLAGS[c] ?? 0;
}
const is = (text: string, i: number, flag: number) => (flagsOf(text.charCodeAt(i)) & flag) !== 0;

function digitRunLength(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; is(text, i, DIGIT); i += step) n++;
  return n;
}

/**
 * Whether a span may not begin or end at offset `i` because the text there runs on: letters or digits
 * on both sides, a digit group joined by `-`, `.` or `:`, a `+` before digits, a currency sign or unit, or short space-separated
 * digit groups (`1234 5678 9012`, part of a longer number). The test reads the same characters whether
 * `i` is the end of one span or the start of the next, so a span is never kept out by a neighbour that
 * is then redacted, which is what makes redaction idempotent.
 */
function isGluedAt(text: string, i: number): boolean {
  const before = flagsOf(text.charCodeAt(i - 1));
  const after = flagsOf(text.charCodeAt(i));
  if (before & WORD && after & WORD) return true;
  if (before & DIGIT && after & JOINER && is(text, i + 1, DIGIT)) return true;
  if (before & JOINER && after & DIGIT && is(text, i - 2, DIGIT)) return true;
  if (before & WORD && after & OPENER && is(text, i + 1, DIGIT)) return true;
  if (before & OPENER && after & DIGIT && is(text, i - 2, WORD)) return true;
  if (before & CLOSER && after & WORD) return true;
  if (before & PLUS && after & DIGIT) return true; // the + belongs to the number: take all of it or none

  if (before & CURRENCY && after & DIGIT) return true;
  if (before & DIGIT && after & UNIT) return true;
  if (before & SPACE && after & DIGIT && is(text, i - 2, DIGIT)) {
    return Math.min(digitRunLength(text, i - 2, -1), digitRunLength(text, i, 1)) <= 4;
  }
  if (before & DIGIT && after & SPACE && is(text, i + 1, DIGIT)) {
    return Math.min(digitRunLength(text, i - 1, -1), digitRunLength(text, i + 1, 1)) <= 4;
  }
  return false;
}

function findEmails(text: string, out: PiiSpan[]): void {
  AT_SIGN.lastIndex = 0;
  let searchedTo = 0;
  for (let m = AT_SIGN.exec(text); m !== null; m = AT_SIGN.exec(text)) {
    const at = m.index;
    if (at < searchedTo) continue;
    // Walk back over at most 64 local-part characters; try each place a word starts there, leftmost first.
    let from = at;
    while (from > 0 && at - from < 64 && is(text, from - 1, LOCAL)) from--;
    for (; from < at; from++) {
      if (!is(text, from, WORD) || is(text, from - 1, WORD)) continue;
      EMAIL.lastIndex = from;
      const e = EMAIL.exec(text);
      if (e === null) break; // the domain is what failed, whatever the start
      const end = from + e[0].length;
      if (!isGluedAt(text, from) && !isGluedAt(text, end)) {
        out.push({ kind: "email", start: from, end });
        searchedTo = end;
        break;
      }
    }
  }
}

/**
 * Whether `text[i]` can belong to a number: ASCII letters and digits, the punctuation numbers are written
 * with, and a space only between digit groups (`138 1234 5678`, `(02) 2345`, `+852 9123`).
 */
function isNumberChar(text: string, i: number): boolean {
  const f = flagsOf(text.charCodeAt(i));
  if (f & (WORD | NUMBER_PUNCTUATION)) return true;
  return (f & SPACE) !== 0 && is(text, i - 1, DIGIT | CLOSER) && is(text, i + 1, DIGIT | OPENER);
}

/**
 * Runs the digit detectors once over a compact copy of the text: the runs of number characters that
 * hold a digit, joined by newlines (which no pattern crosses), so prose is never scanned.
 */
function findNumbers(text: string, kinds: ReadonlySet<PiiKind> | null, out: PiiSpan[]): void {
  const origins: number[] = []; // window k starts at origins[k] in text and at offsets[k] in compact
  const offsets: number[] = [];
  let compact = "";
  DIGIT_RE.lastIndex = 0;
  let windowEnd = 0;
  // Jump from digit to digit and grow each into its window; the prose in between is never visited.
  for (let m = DIGIT_RE.exec(text); m !== null; m = DIGIT_RE.exec(text)) {
    let i = m.index;
    let j = i + 1;
    while (i > windowEnd && isNumberChar(text, i - 1)) i--;
    while (j < text.length && isNumberChar(text, j)) j++;
    origins.push(i);
    offsets.push(compact.length);
    compact += `${text.slice(i, j)}\n`;
    windowEnd = j;
    DIGIT_RE.lastIndex = j;
  }
  if (compact === "") return;
  const toText = (at: number) => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return (origins[lo] ?? 0) + at - (offsets[lo] ?? 0);
  };
  for (const detector of DETECTORS) {
    if (kinds && !kinds.has(detector.kind)) continue;
    const { pattern } = detector;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(compact); m !== null; m = pattern.exec(compact)) {
      const start = toText(m.index);
      const end = start + m[0].length;
      if ((detector.accept?.(m[0]) ?? true) && !isGluedAt(text, start) && !isGluedAt(text, end)) {
        out.push({ kind: detector.kind, start, end });
      } else {
        // A rejected match may hide a shorter valid one starting inside it.
        pattern.lastIndex = m.index + 1;
      }
    }
  }
}

function validateOptions(options: unknown): ReadonlySet<PiiKind> | null {
  if (options === undefined) return null;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new AttuneError("invalid_option", `options: expected an object, found ${describe(options)}`);
  }
  const kinds = (options as { kinds?: unknown }).kinds;
  if (kinds === undefined) return null;
  if (!Array.isArray(kinds)) {
    throw new AttuneError("invalid_option", `options.kinds: expected an array, found ${describe(kinds)}`);
  }
  kinds.forEach((kind, i) => {
    if (!PII_KINDS.includes(kind)) {
      throw new AttuneError(
        "invalid_option",
        `options.kinds[${i}]: expected one of ${PII_KINDS.join(", ")}, found ${JSON.stringify(kind) ?? describe(kind)}`,
      );
    }
  });
  return new Set(kinds as PiiKind[]);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/**
 * Finds phone numbers, e-mail addresses, identity card numbers and payment card numbers in a message and
 * replaces each with a placeholder (`[PHONE]`, `[EMAIL]`, `[ID]`, `[CARD]`).
 *
 * Covers mainland China, Taiwan and Hong Kong phone numbers, North American and `+`-prefixed E.164
 * numbers; mainland resident IDs, Taiwan national IDs and HKIDs with their check characters verified;
 * Visa, Mastercard, UnionPay, Amex and JCB numbers that pass the Luhn check. Order numbers, tracking
 * numbers with letters attached, amounts, dates and digits inside longer runs are left alone.
 * When spans overlap the longest wins. Pure: no I/O, no state kept between calls.
 *
 * @param text - The message, in any language.
 * @param options - `kinds` limits what is looked for.
 * @returns The redacted text and the spans found, with offsets into `text`.
 * @throws AttuneError `invalid_input` when `text` is not a string, `invalid_option` for bad options.
 *
 * @example
 * ```ts
 * const { text, found } = redactPii("我的手机是138 1234 5678，订单号JD20260312-8841");
 * // text  === "我的手机是[PHONE]，订单号JD20260312-8841"
 * // found === [{ kind: "phone", start: 5, end: 18 }]
 * ```
 */
export function redactPii(text: string, options?: RedactOptions): RedactResult {
  if (typeof text !== "string") {
    throw new AttuneError("invalid_input", `expected a string, found ${describe(text)}`);
  }
  const kinds = validateOptions(options);
  const candidates: PiiSpan[] = [];
  if (!kinds || kinds.has("email")) findEmails(text, candidates);
  if (!kinds || kinds.has("phone") || kinds.has("id_card") || kinds.has("bank_card")) {
    findNumbers(text, kinds, candidates);
  }
  if (candidates.length === 0) return { text, found: [] };

  candidates.sort(
    (x, y) => y.end - y.start - (x.end - x.start) || PRIORITY[x.kind] - PRIORITY[y.kind] || x.start - y.start,
  );
  const found: PiiSpan[] = [];
  for (const c of candidates) {
    if (found.every((f) => c.end <= f.start || c.start >= f.end)) found.push(c);
  }
  found.sort((x, y) => x.start - y.start);

  let out = "";
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + PII_PLACEHOLDERS[f.kind];
    at = f.end;
  }
  return { text: out + text.slice(at), found };
}
