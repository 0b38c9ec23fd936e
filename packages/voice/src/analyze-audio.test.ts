import { describe, expect, it } from "vitest";
import { analyzeAudio } from "./analyze-audio.js";
import { readFixture } from "./test-support/fixtures.js";
import { concat, harmonics, silence } from "./test-support/synth.js";

// call-stereo.wav (scripts/make-fixtures.sh): agent left, customer right; the customer's turns at 10.9 s and
// 24.4 s are loud, high and fast, the others calm; the 10.9 s turn starts 1 s before the agent finishes.
const call = readFixture("call-stereo.wav");

describe("analyzeAudio on a stereo call", () => {
  const analysis = analyzeAudio(call);
  const customer = analysis.segments.filter((s) => s.speaker === "customer");
  const agitated = customer.filter((s) => Math.abs(s.start - 10.9) < 0.2 || Math.abs(s.start - 24.4) < 0.2);
  const calm = customer.filter((s) => !agitated.includes(s));

  it("finds every turn on its own channel", () => {
    expect(customer).toHaveLength(5);
    expect(analysis.segments.filter((s) => s.speaker === "agent")).toHaveLength(5);
    expect(analysis.speakers.map((s) => s.speaker)).toEqual(["agent", "customer"]);
  });

  it("scores the louder, higher-pitched turns as more aroused than the calm ones", () => {
    expect(agitated).toHaveLength(2);
    for (const a of agitated) {
      expect(a.voice.arousal).toBeGreaterThan(0.75);
      for (const c of calm) expect(a.voice.arousal).toBeGreaterThan(c.voice.arousal + 0.3);
      expect(a.voice.evidence.slice(0, 3).map((e) => e.feature)).toContain("loudness");
    }
    for (const c of calm) expect(c.voice.arousal).toBeLessThan(0.6);
  });

  it("guesses an agitated category for the agitated turns and a calm one for the others", () => {
    const agitatedCategories = ["anger", "fear", "joy"];
    for (const a of agitated) expect(agitatedCategories).toContain(a.voice.category?.category);
    for (const c of calm) expect(agitatedCategories).not.toContain(c.voice.category?.category);
  });

  it("detects the customer talking over the agent where they do", () => {
    expect(analysis.overlaps).toHaveLength(1);
    const [overlap] = analysis.overlaps;
    expect(overlap?.start).toBeGreaterThan(10.7);
    expect(overlap?.start).toBeLessThan(11.1);
    expect(overlap?.durationSec).toBeGreaterThan(0.4);
    expect(overlap).toMatchObject({ interrupter: "customer", interrupted: "agent" });
  });

  it("follows the channel mapping option", () => {
    const swapped = analyzeAudio(call, { channelSpeakers: ["customer", "agent"] });
    expect(swapped.segments.find((s) => s.channel === 0)?.speaker).toBe("customer");
    expect(() => analyzeAudio(call, { channelSpeakers: ["agent", "agent"] })).toThrow(
      /channelSpeakers expected two different speakers, found "agent" twice/,
    );
  });
});

describe("analyzeAudio on mono audio", () => {
  it("reads one mixed speaker, with no overlap, and says when a baseline is too small for an emotion", () => {
    const audio = {
      sampleRate: 16000,
      channels: [concat(silence(0.5, 16000), harmonics(150, 1, 16000, 0.2), silence(0.5, 16000))],
    };
    const analysis = analyzeAudio(audio);
    expect(analysis.channels).toBe(1);
    expect(analysis.segments).toHaveLength(1);
    expect(analysis.segments[0]?.speaker).toBe("mixed");
    expect(analysis.segments[0]?.voice.emotion).toBeNull();
    expect(analysis.segments[0]?.voice.reason).toMatch(/too little of this speaker/);
    expect(analysis.overlaps).toEqual([]);
  });
});
