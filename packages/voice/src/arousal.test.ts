import { describe, expect, it } from "vitest";
import { estimateVoice } from "./arousal.js";
import { buildBaseline, type FeatureVector } from "./baseline.js";

const usual: FeatureVector = {
  f0Level: 10,
  f0Range: 5,
  loudness: -25,
  loudnessRange: 12,
  alphaRatio: -8,
  hammarberg: 20,
  rate: 4,
};
const around = (shift: number): FeatureVector => ({
  f0Level: 10 + shift,
  f0Range: 5 + shift / 2,
  loudness: -25 + shift,
  loudnessRange: 12,
  alphaRatio: -8 + shift / 2,
  hammarberg: 20 - shift / 2,
  rate: 4 + shift / 4,
});
const baseline = buildBaseline([around(-1), around(-0.5), usual, around(0.5), around(1)]);

describe("estimateVoice", () => {
  it("puts the speaker's usual voice at 0.5 and rises monotonically with level, pitch and effort", () => {
    expect(estimateVoice(usual, baseline, 3).arousal).toBeCloseTo(0.5, 2);
    const scores = [-4, -2, 0, 2, 4, 6].map((s) => estimateVoice(around(s), baseline, 3).arousal);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1] as number);
    expect(scores[5]).toBeGreaterThan(0.85);
    expect(scores[0]).toBeLessThan(0.2);
  });

  it("names anger for a loud, bright, high, fast voice and gives the evidence", () => {
    const loud = { ...usual, loudness: -17, loudnessRange: 15, alphaRatio: -4, hammarberg: 16, f0Level: 14, rate: 5 };
    const estimate = estimateVoice(loud, baseline, 3);
    expect(estimate.emotion).toBe("anger");
    expect(estimate.category?.category).toBe("anger");
    expect(estimate.evidence[0]?.text).toMatch(
      /^loudness \+3\.0 SD above this speaker's median \(-17\.0 vs -25\.0 dBFS\)/,
    );
  });

  it("names sadness for a quiet, flat, slow, dark voice, and neutral near the usual", () => {
    const low = {
      ...usual,
      loudness: -32,
      loudnessRange: 9,
      f0Range: 2,
      rate: 3,
      f0Level: 8,
      alphaRatio: -10,
      hammarberg: 23,
    };
    expect(estimateVoice(low, baseline, 3).emotion).toBe("sadness");
    expect(estimateVoice(usual, baseline, 3).emotion).toBe("neutral");
  });

  it("keeps a best guess but names no emotion when two profiles fit about equally", () => {
    // High and wide F0 and fast, with level and brightness half-way from joy's profile to anger's.
    const between = {
      ...usual,
      f0Level: 11.5,
      f0Range: 6.5,
      loudness: -23,
      loudnessRange: 13,
      alphaRatio: -7.25,
      hammarberg: 19.25,
      rate: 4.5,
    };
    const estimate = estimateVoice(between, baseline, 3);
    expect(["anger", "joy"]).toContain(estimate.category?.category);
    expect(estimate.emotion).toBeNull();
    expect(estimate.reason).toMatch(/^the cues sit between (anger and joy|joy and anger)/);
  });

  it("guesses boredom from a low, flat, quiet, slow voice, but names no Attune emotion for it", () => {
    const bored = { ...usual, f0Level: 7, f0Range: 3.5, loudness: -28, rate: 3.5 };
    const estimate = estimateVoice(bored, baseline, 3);
    expect(estimate.category?.category).toBe("boredom");
    expect(estimate.emotion).toBeNull();
    expect(estimate.reason).toMatch(/fits boredom best, which is not one of Attune's emotions/);
  });

  it("refuses an emotion without a baseline of three stretches, or without pitch", () => {
    const one = estimateVoice(usual, buildBaseline([usual]), 3);
    expect(one.emotion).toBeNull();
    expect(one.reason).toMatch(/need 3/);
    expect(one.category).toBeNull();
    const whisper = estimateVoice({ ...usual, f0Level: null, f0Range: null }, baseline, 3);
    expect(whisper.emotion).toBeNull();
    expect(whisper.reason).toMatch(/pitch/);
  });
});
