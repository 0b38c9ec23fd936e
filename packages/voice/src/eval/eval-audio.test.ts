import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../baseline.js";
import { evaluateUtterances, isLevelNormalized, type MeasuredUtterance } from "./eval-audio.js";
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
    hammarberg: 20 - shift,
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

  it("scores the best-guess category, which never abstains, beside the product's emotion, which may", () => {
    const report = evaluateUtterances(items);
    expect(report.category.predicted).not.toContain("none");
    expect(report.category.recall.anger).toBe(1);
    expect(report.category.recall.sadness).toBe(1);
    expect(report.emotion.n).toBe(10);
    expect(report.perSpeaker[0]?.emotionUar).toBeGreaterThanOrEqual(0);
  });

  it("leaves loudness out for a speaker whose files were all normalized to one peak", () => {
    // Peak-normalized takes whose level runs against their arousal, as it can once the gain differs per file; only
    // the rate carries the truth here.
    const normalized: MeasuredUtterance[] = [3, 2, 0, -1, -3].map((shift, i) => ({
      file: `n${i}`,
      label: ["anger", "happiness", "disgust", "neutral", "sadness"][i] as string,
      speaker: "n",
      vector: { ...vector(0), loudness: -30 - 3 * shift, rate: 4 + shift / 4 },
      speechSec: 2,
      peakDb: -0.1 * (i % 2),
    }));
    const report = evaluateUtterances(normalized);
    expect(report.levelNormalizedSpeakers).toEqual(["n"]);
    expect(report.arousal.uar).toBe(1);
    const unaware = evaluateUtterances(normalized.map(({ peakDb: _, ...rest }) => rest));
    expect(unaware.levelNormalizedSpeakers).toEqual([]);
    expect(unaware.arousal.uar).toBeLessThan(1);
  });
});

describe("isLevelNormalized", () => {
  it("tells files normalized to one peak from files recorded at one gain", () => {
    expect(
      isLevelNormalized([{ peakDb: 0 }, { peakDb: -0.1 }, { peakDb: -0.3 }, { peakDb: -0.2 }, { peakDb: -6 }]),
    ).toBe(true);
    expect(isLevelNormalized([{ peakDb: -1 }, { peakDb: -9 }, { peakDb: -18 }, { peakDb: -4 }])).toBe(false);
    // Unknown peaks, or too few files, say nothing.
    expect(isLevelNormalized([{ peakDb: 0 }, { peakDb: 0 }, {}])).toBe(false);
    expect(isLevelNormalized([{ peakDb: 0 }, { peakDb: 0 }])).toBe(false);
  });
});
