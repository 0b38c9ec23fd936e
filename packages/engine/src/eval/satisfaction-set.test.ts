import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readJsonlFolder } from "../node/read-jsonl-folder.js";
import { shippedAnalyzer } from "../test-support/shipped.js";
import { evaluateGold } from "./evaluate.js";
import { RATED_DIALOGUES, type RatedDialogue, ratedTurns } from "./satisfaction-set.js";

const DATA = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "test-data", "satisfaction");

describe("the written satisfaction set (task-oriented dialogues, turn ratings 1–5)", () => {
  const dialogues = readJsonlFolder<RatedDialogue>(DATA);
  const records = ratedTurns(dialogues);

  it("has at least 60 dialogues in English, zh-Hans and zh-Hant/yue, every customer turn rated", () => {
    expect(dialogues.length).toBeGreaterThanOrEqual(60);
    const langs = new Set(dialogues.map((d) => d.lang));
    for (const l of ["en", "zh-Hans", "zh-Hant", "yue"]) expect(langs).toContain(l);
    const customerTurns = dialogues.flatMap((d) => d.turns.filter((t) => t.speaker === "customer"));
    expect(records.length).toBe(customerTurns.length);
    expect(records.every((r) => [1, 2, 3, 4, 5].includes(Number(r.label)))).toBe(true);
  });

  it("ranks and bands turns as the ratings do (floors below the measured 0.819 / 0.919)", () => {
    const s = evaluateGold(records, shippedAnalyzer(), RATED_DIALOGUES).satisfaction;
    expect(s?.spearman).toBeGreaterThanOrEqual(0.78);
    expect(s?.threeWay.accuracy).toBeGreaterThanOrEqual(0.88);
  });
});
