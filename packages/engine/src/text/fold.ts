import { SIMPLIFIED_ONLY, TO_SIMPLIFIED } from "./script-tables.generated.js";

/**
 * Character folding that never changes the length of a string, so an offset into the folded text
 * is the same offset into the original: full-width ASCII to ASCII, ideographic space to space,
 * curly apostrophes to "'", and lower case where it maps one code unit to one.
 */
export function foldWidthAndCase(text: string): string {
  // Most text needs no change: find the first code unit that does before building anything.
  let i = 0;
  while (i < text.length && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  const codes = scratchCodes(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = k < i ? text.charCodeAt(k) : foldCode(text.charCodeAt(k));
  return codesToString(codes, text.length);
}

function foldCode(code: number): number {
  let next = code;
  if (code >= 0xff01 && code <= 0xff5e) next = code - 0xfee0;
  else if (code === 0x3000) next = 0x20;
  else if (code === 0x2019 || code === 0x2018) next = 0x27;
  if (next >= 0x41 && next <= 0x5a) next += 32;
  else if (next >= 0xc0 && next < 0x250) next = LATIN_LOWER[next - 0xc0] as number;
  return next;
}

// Lower case of U+00C0..U+024F where it is one code unit (otherwise the character itself).
const LATIN_LOWER = Uint16Array.from({ length: 0x250 - 0xc0 }, (_, k) => {
  const lower = String.fromCharCode(0xc0 + k).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : 0xc0 + k;
});

let scratch = new Uint16Array(256);
function scratchCodes(length: number): Uint16Array {
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  return scratch;
}

// One string from the first `length` code units, in chunks that stay within argument-count limits.
function codesToString(codes: Uint16Array, length: number): string {
  if (length <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  let out = "";
  for (let k = 0; k < length; k += 4096)
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 4096)) as unknown as number[]);
  return out;
}

interface ScriptTables {
  /** Traditional (Taiwan, Hong Kong or OpenCC standard) character to its Simplified form; 0 for none. */
  toSimplified: Uint16Array;
  /** 1 for characters that exist only in Simplified writing (their Traditional form differs). */
  simplifiedOnly: Uint8Array;
}

let tables: ScriptTables | undefined;

// Flat tables over the BMP (OpenCC's single-character entries are all BMP): conversion is one table
// lookup a character (phrase conversion is ~10x slower) and never changes the length of the text. Built
// from pairs derived from OpenCC at build time (see derive-script-tables.ts).
function scriptTables(): ScriptTables {
  if (tables) return tables;
  const toSimplified = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < TO_SIMPLIFIED.length; i += 2)
    toSimplified[TO_SIMPLIFIED.charCodeAt(i)] = TO_SIMPLIFIED.charCodeAt(i + 1);
  const simplifiedOnly = new Uint8Array(0x10000);
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) simplifiedOnly[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
  tables = { toSimplified, simplifiedOnly };
  return tables;
}

/**
 * Converts Traditional characters to Simplified one character at a time (OpenCC tables, Hong Kong
 * and Taiwan variants), so the result has the same length and offsets into it are offsets into
 * the input. Also returns how many characters were Traditional.
 */
export function toSimplifiedSameLength(text: string): { text: string; traditionalCount: number } {
  const { toSimplified } = scriptTables();
  let first = -1;
  let traditionalCount = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && toSimplified[code] !== 0) {
      if (first < 0) first = i;
      traditionalCount++;
    }
  }
  if (traditionalCount === 0) return { text, traditionalCount };
  const codes = scratchCodes(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = i >= first && code >= 0x3400 && toSimplified[code] !== 0 ? (toSimplified[code] as number) : code;
  }
  return { text: codesToString(codes, text.length), traditionalCount };
}

/** Counts characters that only Simplified writing uses (e.g. 这, 们, 说). */
export function countSimplifiedOnly(text: string): number {
  const { simplifiedOnly } = scriptTables();
  let n = 0;
  for (let i = 0; i < text.length; i++) n += simplifiedOnly[text.charCodeAt(i)] as number;
  return n;
}

/** Builds the conversion tables now rather than on the first message (part of engine load). */
export function warmScriptTables(): void {
  scriptTables();
}
