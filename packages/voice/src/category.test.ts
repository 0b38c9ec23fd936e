import { describe, expect, it } from "vitest";
import type { FeatureVector } from "./baseline.js";
import { CATEGORY_PROFILES, nearestCategory, VOICE_CATEGORIES } from "./category.js";

const scaled = (category: (typeof VOICE_CATEGORIES)[number], by: number): FeatureVector => {
  const profile = CATEGORY_PROFILES[category];
  return Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, v * by])) as FeatureVector;
};

describe("nearestCategory", () => {
  it.each(VOICE_CATEGORIES)("finds %s at its own profile, with another profile as runner-up", (category) => {
    const guess = nearestCategory(scaled(category, 1));
    expect(guess?.category).toBe(category);
    expect(guess?.distance).toBe(0);
    expect(guess?.runnerUp).not.toBe(category);
    expect(guess?.runnerUpDistance).toBeGreaterThan(0.5);
  });

  it.each(VOICE_CATEGORIES.filter((c) => c !== "neutral"))("still finds %s when portrayed twice as strongly", (c) => {
    expect(nearestCategory(scaled(c, 2))?.category).toBe(c);
  });

  it("decides on the cues that were measured, and gives nothing when none were", () => {
    const none: FeatureVector = {
      f0Level: null,
      f0Range: null,
      loudness: null,
      loudnessRange: null,
      alphaRatio: null,
      hammarberg: null,
      rate: null,
    };
    expect(nearestCategory(none)).toBeNull();
    // Too little voicing for pitch or spectrum, but loud, with a wide level range, and fast.
    const unvoiced = { ...none, loudness: 1.5, loudnessRange: 1, rate: 1 };
    expect(nearestCategory(unvoiced)?.category).toBe("anger");
  });
});
