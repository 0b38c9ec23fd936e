import type { Turn } from "../conversation/types.js";
import type { GoldRecord } from "./evaluate.js";
import type { GoldSetMapping } from "./gold-sets.js";

/** A dialogue of the written satisfaction set (packages/engine/test-data/satisfaction): customer turns rated 1–5. */
export interface RatedDialogue {
  id: string;
  lang: string;
  domain: string;
  turns: Array<Turn & { rating?: number }>;
}

/** How `evaluateGold` reads the records `ratedTurns` makes: satisfaction against the ratings only. */
export const RATED_DIALOGUES: GoldSetMapping = { name: "satisfaction (written)", satisfaction: true };

/**
 * One gold record per rated customer turn, with the turns before it as context: the shape the
 * shared uss_en set has, so both are scored by the same code.
 */
export function ratedTurns(dialogues: readonly RatedDialogue[]): GoldRecord[] {
  const records: GoldRecord[] = [];
  for (const d of dialogues) {
    d.turns.forEach((t, i) => {
      if (t.speaker !== "customer" || t.rating === undefined) return;
      records.push({
        id: `${d.id}#${i}`,
        lang: d.lang,
        text: t.text,
        label: t.rating,
        context: d.turns.slice(0, i).map((c) => ({ speaker: c.speaker, text: c.text })),
      });
    });
  }
  return records;
}
