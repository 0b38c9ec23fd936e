import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTranscriptJson, parseVtt } from "@attune/core";
import { loadAnalyzer } from "@attune/engine/node";
import { describe, expect, it } from "vitest";
import { fuseTranscript } from "./fusion.js";
import { readFixture, TEST_DATA } from "./test-support/fixtures.js";

const analyzer = loadAnalyzer();
const analyze = (text: string) => analyzer.analyze(text);
const call = readFixture("call-stereo.wav");
const transcript = parseVtt(readFileSync(join(TEST_DATA, "call-stereo.vtt")));

describe("fuseTranscript", () => {
  const { turns, untimed } = fuseTranscript(call, transcript.messages, analyze);

  it("lines every timed turn up with speech on its speaker's channel", () => {
    expect(untimed).toBe(0);
    expect(turns).toHaveLength(10);
    for (const turn of turns) {
      expect(turn.voice).not.toBeNull();
      expect(turn.prosody?.speechSec).toBeGreaterThan(1);
    }
    expect(turns[1]).toMatchObject({ speaker: "customer", text: "Hi, my order has not arrived yet." });
  });

  it("keeps each modality's evidence and flags calm words said in an agitated voice", () => {
    const calmWords = turns.find((t) => t.text === "Okay, that is fine, thank you.");
    expect(calmWords?.textSide.arousal).toBeLessThanOrEqual(0.4);
    expect(calmWords?.voice?.arousal).toBeGreaterThan(0.75);
    expect(calmWords?.fused.disagreement).toBe("calm words, agitated voice");
    expect(calmWords?.voice?.evidence.length).toBeGreaterThan(3);
    const angry = turns.find((t) => t.text.startsWith("This is the third time"));
    expect(angry?.textSide.evidence.length).toBeGreaterThan(0);
    expect(angry?.voice?.arousal).toBeGreaterThan(0.75);
    expect(angry?.fused.disagreement).toBeNull();
    expect(angry?.fused.arousal).toBeGreaterThan(calmWords?.textSide.arousal ?? 1);
    const quiet = turns.filter((t) => t.speaker === "customer" && !t.fused.disagreement && t !== angry);
    for (const t of quiet) expect(t.voice?.arousal).toBeLessThan(0.6);
  });

  it("reads a mono recording for every speaker and leaves untimed turns out", () => {
    const mono = { sampleRate: call.sampleRate, channels: [call.channels[1] as Float32Array] };
    const json = parseTranscriptJson(
      JSON.stringify({
        turns: [
          { speaker: "customer", text: "Hi, my order has not arrived yet.", start: 4.6, end: 7.4 },
          { speaker: "agent", text: "no times" },
        ],
      }),
    );
    const result = fuseTranscript(mono, json.messages, analyze);
    expect(result.untimed).toBe(1);
    expect(result.turns[0]?.prosody?.speechSec).toBeGreaterThan(1);
  });

  it("says which channel is missing", () => {
    const left = {
      sampleRate: call.sampleRate,
      channels: [call.channels[0] as Float32Array, call.channels[1] as Float32Array],
    };
    expect(() => fuseTranscript(left, transcript.messages, analyze, { channelOf: { customer: 2 } })).toThrow(
      /channelOf.customer expected a channel of this 2-channel recording, found 2/,
    );
  });
});
