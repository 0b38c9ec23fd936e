import * as OpenCC from "opencc-js";

/**
 * Character folding that never changes the length of a string, so an offset into the folded text
 * is the same offset into the original: full-width ASCII to ASCII, ideographic space to space,
 * curly apostrophes to "'", and lower case where it maps one code unit to one.
 */
export function foldWidthAndCase(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let next = code;
    if (code >= 0xff01 && code <= 0xff5e) next = code - 0xfee0;
    else if (code === 0x3000) next = 0x20;
    else if (code === 0x2019 || code === 0x2018) next = 0x27;
    if (next >= 0x41 && next <= 0x5a) next += 32;
    else if (next >= 0xc0 && next < 0x250) {
      const lower = String.fromCharCode(next).toLowerCase();
      if (lower.length === 1) next = lower.charCodeAt(0);
    }
    if (next !== code) changed = true;
    out += String.fromCharCode(next);
  }
  return changed ? out : text;
}

interface ScriptTables {
  /** Traditional (Taiwan, Hong Kong or OpenCC standard) character to its Simplified form. */
  toSimplified: Map<number, number>;
  /** Characters that exist only in Simplified writing (their Traditional form differs). */
  simplifiedOnly: Set<number>;
}

let tables: ScriptTables | undefined;

type DictLike = string | ReadonlyArray<readonly [string, string]>;
type DictGroup = DictLike | ReadonlyArray<DictLike>;

// A [source, replacement] pair, as opposed to a group of "source replacement|..." strings.
function isPair(item: unknown): item is readonly [string, string] {
  return (
    Array.isArray(item) &&
    item.length === 2 &&
    typeof item[0] === "string" &&
    typeof item[1] === "string" &&
    !item[0].includes(" ")
  );
}

// Single-character entries of OpenCC dictionaries ("source replacement|..." strings or pairs).
function singleCharEntries(group: DictGroup, into: Map<number, number>): void {
  const add = (source: string, target: string | undefined) => {
    if (source.length === 1 && target && target.length === 1 && !into.has(source.charCodeAt(0))) {
      into.set(source.charCodeAt(0), target.charCodeAt(0));
    }
  };
  if (typeof group === "string") {
    for (const entry of group.split("|")) {
      const [source = "", target] = entry.split(" ");
      add(source, target);
    }
    return;
  }
  for (const item of group as ReadonlyArray<DictLike | readonly [string, string]>) {
    if (isPair(item)) {
      add(item[0], item[1]);
    } else singleCharEntries(item as DictGroup, into);
  }
}

// Built once from OpenCC's character dictionaries: conversion becomes one table lookup a character
// (phrase conversion is ~10x slower) and never changes the length of the text.
function scriptTables(): ScriptTables {
  if (tables) return tables;
  const locale = OpenCC.Locale as unknown as {
    from: Record<string, DictGroup>;
    to: Record<string, DictGroup>;
  };
  const variants = new Map<number, number>();
  for (const region of ["hk", "tw"]) singleCharEntries(locale.from[region] ?? [], variants);
  const traditionalToSimplified = new Map<number, number>();
  singleCharEntries(locale.to.cn ?? [], traditionalToSimplified);
  const simplifiedToTraditional = new Map<number, number>();
  singleCharEntries(locale.from.cn ?? [], simplifiedToTraditional);

  const toSimplified = new Map<number, number>();
  const simplifiedForms = new Set(traditionalToSimplified.values());
  for (const [variant, standard] of variants) {
    // Some regional variants are also ordinary Simplified characters (么): those are not Traditional.
    if (simplifiedForms.has(variant) || simplifiedToTraditional.has(variant)) continue;
    const simplified = traditionalToSimplified.get(standard) ?? standard;
    if (simplified !== variant) toSimplified.set(variant, simplified);
  }
  for (const [traditional, simplified] of traditionalToSimplified) {
    if (traditional !== simplified && !toSimplified.has(traditional)) toSimplified.set(traditional, simplified);
  }
  const simplifiedOnly = new Set<number>();
  for (const [simplified, traditional] of simplifiedToTraditional) {
    if (simplified !== traditional && !toSimplified.has(simplified)) simplifiedOnly.add(simplified);
  }
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
  let out = "";
  let traditionalCount = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) {
      out += text[i];
      continue;
    }
    const s = toSimplified.get(code);
    if (s === undefined) out += text[i];
    else {
      out += String.fromCharCode(s);
      traditionalCount++;
    }
  }
  return { text: traditionalCount > 0 ? out : text, traditionalCount };
}

/** Counts characters that only Simplified writing uses (e.g. 这, 们, 说). */
export function countSimplifiedOnly(text: string): number {
  const { simplifiedOnly } = scriptTables();
  let n = 0;
  for (let i = 0; i < text.length; i++) if (simplifiedOnly.has(text.charCodeAt(i))) n++;
  return n;
}

/** Builds the conversion tables now rather than on the first message (part of engine load). */
export function warmScriptTables(): void {
  scriptTables();
}
