import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AttuneError } from "./errors.js";
import { EMOTIONS } from "./labels.js";
import { shippedAnalyzer } from "./test-support/shipped.js";
import type { EmotionResult } from "./types.js";

function checkInvariants(text: string, r: EmotionResult): void {
  expect(EMOTIONS).toContain(r.emotion);
  expect(r.score).toBeGreaterThanOrEqual(-1);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(r.intensity).toBeGreaterThanOrEqual(0);
  expect(r.intensity).toBeLessThanOrEqual(1);
  expect(r.arousal).toBeGreaterThanOrEqual(0);
  expect(r.arousal).toBeLessThanOrEqual(1);
  const spans = [...r.evidence, ...Object.values(r.signals).flatMap((s) => s.evidence), ...r.causes.map((c) => c.span)];
  for (const e of spans) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

// Pieces that exercise the rules, mixed with arbitrary Unicode by the property tests.
const PIECES = [
  "不",
  "很满意",
  "但是",
  "！！！",
  "？？",
  "😡",
  ":(",
  "NOT",
  "sooo",
  "谢谢你们让我等了三天",
  "又",
  "第三次",
  "唔",
  "嬲",
  "> quoted\n",
  "\n-- \nsig",
  "12315",
  "f**k",
  "真是太棒了",
  "\u0000",
  "\ud800",
  "\udc00",
  "𠀀",
];

describe("analyze never throws and its offsets always slice the input", () => {
  const analyzer = shippedAnalyzer();

  it("on arbitrary Unicode, including lone surrogates and control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        checkInvariants(text, analyzer.analyze(text));
      }),
      { numRuns: 400 },
    );
  });

  it("on arbitrary mixtures of rule triggers and noise", () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "grapheme", maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        checkInvariants(text, analyzer.analyze(text));
      }),
      { numRuns: 400 },
    );
  });

  it("on a 1 MB input (reads the first part and says so)", () => {
    const text = "快递太慢了！！I am so angry. ".repeat(40_000).slice(0, 1_000_000);
    const r = analyzer.analyze(text);
    expect(r.truncated).toBe(true);
    checkInvariants(text, r);
  });

  it("on empty and whitespace-only strings", () => {
    for (const text of ["", " ", "\n\n", "\t"]) {
      const r = analyzer.analyze(text);
      expect(r.emotion).toBe("neutral");
      expect(r.lang).toBe("unknown");
    }
  });

  it("is deterministic", () => {
    const text = "第三次了！快递还没到，你们到底管不管？";
    expect(JSON.stringify(analyzer.analyze(text))).toBe(JSON.stringify(analyzer.analyze(text)));
  });

  it("rejects non-strings with a clear AttuneError", () => {
    for (const [value, found] of [
      [42, "number"],
      [null, "null"],
      [undefined, "undefined"],
      [["a"], "array"],
      [{ text: "hi" }, "object"],
    ] as const) {
      expect(() => analyzer.analyze(value as unknown as string)).toThrow(AttuneError);
      expect(() => analyzer.analyze(value as unknown as string)).toThrow(`attune: expected a string, found ${found}`);
    }
  });

  it("rejects an unknown language option", () => {
    expect(() => analyzer.analyze("hi", { lang: "fr" as "en" })).toThrow(/expected lang to be one of/);
  });
});
