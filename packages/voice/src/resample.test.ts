import { describe, expect, it } from "vitest";
import { resample } from "./resample.js";
import { tone } from "./test-support/synth.js";

const RATE = 16000;

describe("resample", () => {
  it("keeps a 200 Hz tone's level and frequency from 22.05 and 44.1 kHz", () => {
    for (const rate of [22050, 44100, 8000]) {
      const out = resample(tone(200, 1, rate, 0.5), rate, RATE);
      expect(out.length).toBe(RATE);
      const middle = out.subarray(2000, 14000);
      let crossings = 0;
      for (let i = 1; i < middle.length; i++)
        if ((middle[i] as number) >= 0 !== (middle[i - 1] as number) >= 0) crossings++;
      expect(Math.abs(crossings / 2 / (middle.length / RATE) - 200)).toBeLessThan(2);
      expect(Math.max(...middle)).toBeCloseTo(0.5, 2);
    }
  });

  it("removes content above the new Nyquist instead of folding it down", () => {
    const out = resample(tone(11000, 1, 44100, 0.5), 44100, RATE).subarray(2000, 14000);
    expect(Math.max(...out.map(Math.abs))).toBeLessThan(0.005);
  });
});
