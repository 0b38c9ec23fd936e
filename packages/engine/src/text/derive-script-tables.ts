import * as OpenCC from "opencc-js";

/**
 * Derives Attune's character tables from OpenCC's dictionaries. Run at build time only
 * (\`npm run generate:script-tables\`): the engine reads the result from \`script-tables.generated.ts\`, so
 * loading it never parses OpenCC's dictionaries (about 70 ms and 11 MB of garbage at start-up).
 */

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

/** Traditional → Simplified single-character pairs, and the characters only Simplified writing uses. */
export interface ScriptPairs {
  /** [traditional, simplified] code units, in ascending order of the traditional one. */
  toSimplified: Array<[number, number]>;
  /** Simplified-only code units, ascending. */
  simplifiedOnly: number[];
}

/** The tables as OpenCC's dictionaries give them (Hong Kong and Taiwan variants included). */
export function deriveScriptPairs(): ScriptPairs {
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
  const simplifiedOnly: number[] = [];
  for (const [simplified, traditional] of simplifiedToTraditional) {
    if (simplified !== traditional && !toSimplified.has(simplified)) simplifiedOnly.push(simplified);
  }
  return {
    toSimplified: [...toSimplified].sort((a, b) => a[0] - b[0]),
    simplifiedOnly: [...new Set(simplifiedOnly)].sort((a, b) => a - b),
  };
}

/** The pairs as the two strings `script-tables.generated.ts` holds: traditional and simplified alternating, then the list. */
export function encodeScriptPairs(pairs: ScriptPairs): { toSimplified: string; simplifiedOnly: string } {
  return {
    toSimplified: pairs.toSimplified.map(([t, s]) => String.fromCharCode(t, s)).join(""),
    simplifiedOnly: String.fromCharCode(...pairs.simplifiedOnly),
  };
}
