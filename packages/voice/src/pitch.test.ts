import { describe, expect, it } from "vitest";
import { frameTime } from "./frames.js";
import { trackPitch } from "./pitch.js";
import { chirp, harmonics, noise, roughVoice, silence, tone } from "./test-support/synth.js";

const RATE = 16000;
const voiced = (f0: Float32Array) => Array.from(f0).filter((v) => v > 0);

describe("trackPitch (YIN with octave guards)", () => {
  it("finds a 200 Hz tone within 3% in every frame", () => {
    const f0 = voiced(trackPitch(tone(200, 1, RATE)).f0);
    expect(f0.length).toBeGreaterThan(90);
    for (const v of f0) expect(Math.abs(v - 200) / 200).toBeLessThan(0.03);
  });

  it.each([80, 120, 300, 450])("finds a %i Hz voice-like harmonic complex within 2%", (hz) => {
    const f0 = voiced(trackPitch(harmonics(hz, 0.6, RATE)).f0);
    expect(f0.length).toBeGreaterThan(50);
    for (const v of f0) expect(Math.abs(v - hz) / hz).toBeLessThan(0.02);
  });

  it("does not jump an octave up when the fundamental is weak (telephone-like)", () => {
    const f0 = voiced(trackPitch(harmonics(110, 0.6, RATE, 0.5, true)).f0);
    for (const v of f0) expect(Math.abs(v - 110) / 110).toBeLessThan(0.03);
  });

  it("follows a 100→300 Hz glide within 2%", () => {
    const { f0 } = trackPitch(chirp(100, 300, 2, RATE));
    let checked = 0;
    for (let i = 3; i < f0.length - 3; i++) {
      const truth = 100 + (200 * frameTime(i)) / 2;
      expect(Math.abs((f0[i] as number) - truth) / truth).toBeLessThan(0.02);
      checked++;
    }
    expect(checked).toBeGreaterThan(180);
  });

  it("tracks a rough, noisy, jittery voice (3 dB SNR) without dropping to 2T or 3T", () => {
    const { f0 } = trackPitch(roughVoice(200, 350, 1, RATE, 0.02, 3));
    let right = 0;
    for (let i = 0; i < f0.length; i++) {
      const truth = 200 + 150 * frameTime(i);
      if (Math.abs((f0[i] as number) - truth) / truth < 0.05) right++;
    }
    expect(right / f0.length).toBeGreaterThan(0.95);
  });

  it("reads 8 kHz telephone audio directly, on the same 10 ms frames", () => {
    const { f0 } = trackPitch(tone(200, 1, 8000), undefined, { sampleRate: 8000 });
    expect(f0.length).toBe(98);
    for (const v of voiced(f0)) expect(Math.abs(v - 200) / 200).toBeLessThan(0.03);
    expect(voiced(f0).length).toBeGreaterThan(90);
  });

  it("calls noise and silence unvoiced", () => {
    expect(voiced(trackPitch(noise(1, RATE, 0.1)).f0)).toHaveLength(0);
    expect(voiced(trackPitch(silence(1, RATE)).f0)).toHaveLength(0);
  });

  it("only analyzes the frames asked for", () => {
    const signal = tone(200, 1, RATE);
    const wanted = new Uint8Array(98);
    wanted.fill(1, 40, 60);
    const f0 = trackPitch(signal, wanted).f0;
    expect(voiced(f0).length).toBe(20);
    expect(f0[10]).toBe(0);
  });
});
