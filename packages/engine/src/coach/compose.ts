import type { Emotion } from "../labels.js";
import type { FeelingGroup, PhraseBank, Slot } from "./phrases/phrase-bank.js";

/** Values known for the slots; missing ones become the bank's clearly marked blanks. */
export type SlotValues = Partial<Record<Slot, string>>;

const SLOT = /\{(name|order|time|promise|amount|action|issue)\}/g;

/** Fills `{slot}` placeholders; returns the text and which slots were left blank. */
export function fill(template: string, values: SlotValues, bank: PhraseBank): { text: string; blanks: Slot[] } {
  const blanks: Slot[] = [];
  const text = template.replace(SLOT, (_, slot: Slot) => {
    const v = values[slot];
    if (v) return v;
    if (!blanks.includes(slot)) blanks.push(slot);
    return bank.blank[slot];
  });
  return { text, blanks };
}

/** Picks variant `n` of a list (wrapping), so the three suggestions use different wordings. */
export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** The coach's feeling group for an emotion. */
export function feelingGroup(emotion: Emotion): FeelingGroup {
  if (emotion === "satisfaction" || emotion === "gratitude" || emotion === "joy") return "positive";
  return emotion;
}

/** Joins sentences with the language's joiner, dropping empty ones. */
export function join(parts: readonly string[], bank: PhraseBank): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(bank.joiner);
}
