import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCoach } from "../coach/create-coach.js";
import { readJsonlFolder } from "../node/read-jsonl-folder.js";
import { shippedAnalyzer } from "../test-support/shipped.js";
import { evaluateConversations, evaluateDrafts, type LabelledConversation, type LabelledDraft } from "./coach-eval.js";

const DATA = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "test-data");
const read = <T>(folder: string) => readJsonlFolder<T>(join(DATA, folder));

describe("the written conversation set (240 conversations, four languages)", () => {
  const items = read<LabelledConversation>("conversations");
  const e = evaluateConversations(items, shippedAnalyzer());

  it("has at least 200 conversations in zh-Hans, zh-Hant/yue and English", () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    const langs = new Set(items.map((c) => c.lang));
    for (const l of ["zh-Hans", "zh-Hant", "yue", "en"]) expect(langs).toContain(l);
  });

  it("orders priorities as a supervisor would", () => {
    expect(e.priorityPairwise).toBeGreaterThanOrEqual(0.82);
    const t = e.meanPriorityByTier;
    expect(t["1"]).toBeGreaterThan(t["2"] ?? 0);
    expect(t["2"]).toBeGreaterThan(t["3"] ?? 0);
    expect(t["3"]).toBeGreaterThan(t["4"] ?? 0);
  });

  it("finds trajectories, final polarity and turning points (floors below the measured values)", () => {
    expect(e.trajectory.accuracy).toBeGreaterThanOrEqual(0.52);
    expect(e.finalPolarity.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(e.turningPoints.f1).toBeGreaterThanOrEqual(0.32);
  });
});

describe("the written agent-draft set (tone guard)", () => {
  const items = read<LabelledDraft>("drafts");
  const e = evaluateDrafts(items, createCoach(shippedAnalyzer()));

  it("rewrites never drop an order number, amount, date or time", () => {
    expect(e.factsTotal).toBeGreaterThan(100);
    expect(e.lostFacts).toEqual([]);
  });

  it("flags with useful precision and recall", () => {
    expect(e.macroF1).toBeGreaterThanOrEqual(0.65);
    for (const flag of ["absolute_refusal", "blame", "over_promise", "jargon"] as const) {
      expect(e.perFlag[flag].precision, flag).toBeGreaterThanOrEqual(0.8);
    }
    for (const flag of ["absolute_refusal", "over_promise", "missing_apology"] as const) {
      expect(e.perFlag[flag].recall, flag).toBeGreaterThanOrEqual(0.8);
    }
  });
});
