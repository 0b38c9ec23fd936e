import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../baseline.js";
import { evaluateUtterances, type MeasuredUtterance } from "./eval-audio.js";
import { classReport, formatConfusion } from "./metrics.js";

describe("classReport", () => {
  it("averages recall per class, so a majority class cannot carry the score", () => {
    const pairs = [
      ...Array.from({ length: 9 }, () => ({ gold: "high", predicted: "high" })),
      { gold: "low", predicted: "high" },
      { gold: null, predicted: "low" },
    ];
    const report = classReport(pairs);
    expect(report.accuracy).toBeCloseTo(0.9);
    expect(report.uar).toBeCloseTo(0.5);
    expect(report.n).toBe(10);
    expect(formatConfusion(report)).toContain("high");
  });
});

describe("evaluateUtterances", () => {
  const vector = (shift: number): FeatureVector => ({
    f0Level: 5 + shift,
    f0Range: 4 + shift / 2,
    loudness: -30 + 2 * shift,
    loudnessRange: 10,
    alphaRatio: -10 + shift,
    rate: 4 + shift / 4,
  });
  // Two speakers whose voices differ by 10 dB and an octave: per-speaker normalization must take that out.
  const items: MeasuredUtterance[] = ["a", "b"].flatMap((speaker) => {
    const offset = speaker === "a" ? 0 : 12;
    const v = (shift: number) => {
      const base = vector(shift);
      return { ...base, f0Level: (base.f0Level as number) + offset, loudness: (base.loudness as number) - offset };
    };
    return [
      { file: `${speaker}1`, label: "anger", speaker, vector: v(3), speechSec: 2 },
      { file: `${speaker}2`, label: "happiness", speaker, vector: v(2), speechSec: 2 },
      { file: `${speaker}3`, label: "disgust", speaker, vector: v(0), speechSec: 2 },
      { file: `${speaker}4`, label: "neutral", speaker, vector: v(-1), speechSec: 2 },
      { file: `${speaker}5`, label: "sadness", speaker, vector: v(-3), speechSec: 2 },
    ];
  });

  it("scores binary arousal per speaker and overall, leaving out labels with no arousal", () => {
    const report = evaluateUtterances(items);
    expect(report.files).toBe(10);
    expect(report.arousal.n).toBe(8);
    expect(report.arousal.uar).toBe(1);
    expect(report.perSpeaker.map((s) => s.arousalUar)).toEqual([1, 1]);
    expect(report.category.classes).toEqual(["anger", "disgust", "happiness", "neutral", "sadness"]);
  });
});
