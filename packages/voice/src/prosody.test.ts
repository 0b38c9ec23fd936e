import { describe, expect, it } from "vitest";
import { measureChannel } from "./channel.js";
import { FRAME_RATE } from "./frames.js";
import { measureProsody } from "./prosody.js";
import { readFixture } from "./test-support/fixtures.js";
import { chirp, concat, harmonics, noise, silence, tiltedHarmonics } from "./test-support/synth.js";
import { measureUtterance } from "./utterance.js";

const RATE = 16000;

describe("measureProsody", () => {
  it("reads level, F0 range and a rising slope from a glide", () => {
    const signal = concat(silence(0.3, RATE), chirp(120, 240, 1.5, RATE, 0.1), silence(0.3, RATE));
    const channel = measureChannel(signal, RATE);
    const region = channel.regions[0] as { start: number; end: number };
    const p = measureProsody(channel, region);
    expect(p.loudnessDb).toBeCloseTo(20 * Math.log10(0.1 / Math.SQRT2), 0);
    expect(p.f0RangeSt).toBeGreaterThan(8);
    expect(p.f0RangeSt).toBeLessThan(12);
    // 120 → 240 Hz in 1.5 s is 12 semitones in 1.5 s, about 8 st/s (the glide is linear in Hz, not semitones).
    expect(p.f0SlopeStPerSec).toBeGreaterThan(6);
    expect(p.f0SlopeStPerSec).toBeLessThan(10);
  });

  it("counts pauses of 250 ms or more inside a stretch", () => {
    const signal = concat(
      harmonics(150, 0.5, RATE, 0.2),
      silence(0.5, RATE),
      harmonics(150, 0.5, RATE, 0.2),
      silence(0.4, RATE),
      harmonics(150, 0.5, RATE, 0.2),
    );
    const channel = measureChannel(signal, RATE);
    const { regions } = channel;
    expect(regions).toHaveLength(3);
    const gaps = regions.slice(1).map((r, i) => ({ start: (regions[i] as { end: number }).end, end: r.start }));
    const p = measureProsody(channel, { start: 0, end: channel.frames }, gaps);
    expect(p.pauses.count).toBe(2);
    expect(p.pauses.longestSec).toBeGreaterThan(0.4);
    expect(p.speechSec).toBeGreaterThan(1.4);
    expect(p.durationSec).toBeCloseTo(channel.frames / FRAME_RATE, 5);
  });

  it("finds a higher syllable rate in fast espeak speech than in slow speech of the same sentence", () => {
    const slow = measureUtterance(readFixture("slow.wav"));
    const fast = measureUtterance(readFixture("fast.wav"));
    // The sentence has 24 syllables: 110 wpm takes ~7 s, 240 wpm ~3.4 s.
    expect(slow.syllableRate).toBeGreaterThan(2.5);
    expect(slow.syllableRate).toBeLessThan(4.5);
    expect(fast.syllableRate).toBeGreaterThan(slow.syllableRate * 1.5);
    expect(slow.f0MedianHz).toBeGreaterThan(80);
    expect(slow.f0MedianHz).toBeLessThan(140);
  });
});

describe("measureProsody: vocal effort", () => {
  const measure = (signal: Float32Array) => {
    const channel = measureChannel(concat(silence(0.3, RATE), signal, silence(0.3, RATE)), RATE);
    const first = channel.regions[0] as { start: number };
    const last = channel.regions[channel.regions.length - 1] as { end: number };
    return measureProsody(channel, { start: first.start, end: last.end });
  };

  it("reads a flatter spectrum as a higher alpha ratio and a lower Hammarberg index", () => {
    const pressed = measure(tiltedHarmonics(150, 1, RATE, -3, 0.2));
    const soft = measure(tiltedHarmonics(150, 1, RATE, -12, 0.2));
    // 9 dB per octave more slope: 1–4 kHz sits about 3 octaves above 50–1000 Hz's strongest harmonics.
    expect((pressed.alphaRatioDb as number) - (soft.alphaRatioDb as number)).toBeGreaterThan(15);
    expect((soft.hammarbergDb as number) - (pressed.hammarbergDb as number)).toBeGreaterThan(15);
    // Strongest harmonic 0–2 kHz vs strongest 2–4 kHz (the 14th at 2.1 kHz): -3 dB/octave × log2(14) ≈ 11.4 dB.
    expect(pressed.hammarbergDb).toBeGreaterThan(9);
    expect(pressed.hammarbergDb).toBeLessThan(14);
  });

  it("measures loudness on the voiced frames, so a loud fricative-like hiss does not raise it", () => {
    const vowel = () => harmonics(150, 0.5, RATE, 0.1);
    const plain = measure(concat(vowel(), vowel()));
    const hissed = measure(concat(vowel(), noise(0.12, RATE, 0.15), vowel()));
    expect(hissed.voicedShare).toBeLessThan(0.95);
    expect(Math.abs(hissed.loudnessDb - plain.loudnessDb)).toBeLessThan(1);
  });
});
