import { describe, expect, it } from "vitest";
import { FRAME_RATE, frameEnergy } from "./frames.js";
import { concat, harmonics, mix, noise, silence, tone } from "./test-support/synth.js";
import { detectVoiceActivity } from "./vad.js";

const RATE = 16000;
const seconds = (r: { start: number; end: number }) => [r.start / FRAME_RATE, r.end / FRAME_RATE];

describe("detectVoiceActivity", () => {
  it("finds tone bursts in quiet noise, to within 50 ms", () => {
    const bursts = concat(
      silence(0.5, RATE),
      harmonics(150, 0.5, RATE),
      silence(0.7, RATE),
      harmonics(220, 0.8, RATE),
      silence(0.5, RATE),
    );
    const { regions } = detectVoiceActivity(frameEnergy(mix(bursts, noise(3, RATE, 0.001))));
    expect(regions).toHaveLength(2);
    const [a, b] = regions.map(seconds) as [number[], number[]];
    expect(a[0]).toBeCloseTo(0.5, 1);
    expect(a[1]).toBeGreaterThan(0.98);
    expect(a[1]).toBeLessThan(1.1);
    expect(b[0]).toBeGreaterThan(1.65);
    expect(b[0]).toBeLessThan(1.75);
    expect(b[1]).toBeLessThan(2.6);
  });

  it("bridges a 150 ms dip but not a 400 ms pause", () => {
    const signal = concat(
      silence(0.3, RATE),
      tone(200, 0.4, RATE),
      silence(0.15, RATE),
      tone(200, 0.4, RATE),
      silence(0.4, RATE),
      tone(200, 0.4, RATE),
      silence(0.3, RATE),
    );
    const { regions } = detectVoiceActivity(frameEnergy(mix(signal, noise(2.35, RATE, 0.001))));
    expect(regions).toHaveLength(2);
  });

  it("ignores a fluctuating low hum that stays near its own level", () => {
    const hum = tone(100, 3, RATE, 0.01);
    for (let i = 0; i < hum.length; i++)
      hum[i] = (hum[i] as number) * (1 + 0.6 * Math.sin((2 * Math.PI * 1.3 * i) / RATE));
    const speech = concat(silence(1, RATE), harmonics(180, 1, RATE, 0.3), silence(1, RATE));
    const { regions } = detectVoiceActivity(frameEnergy(mix(hum, speech)));
    expect(regions).toHaveLength(1);
    expect(seconds(regions[0] as { start: number; end: number })[0]).toBeGreaterThan(0.95);
  });

  it("finds no speech in digital silence or in steady white noise", () => {
    expect(detectVoiceActivity(frameEnergy(silence(2, RATE))).regions).toHaveLength(0);
    expect(detectVoiceActivity(frameEnergy(noise(2, RATE, 0.05))).regions).toHaveLength(0);
  });
});
