import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createAudioPool } from "./audio-pool.js";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../packages/voice/test-data/${name}`, import.meta.url))));

const pool = createAudioPool();
afterAll(() => pool.close());

describe("audio pool", () => {
  it("analyzes a call in a worker thread while the event loop keeps turning", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const { analysis } = await pool.run({
      wav: fixture("call-stereo.wav"),
      channelSpeakers: ["agent", "customer"],
      monoSpeaker: "mixed",
    });
    clearInterval(timer);
    expect(analysis.segments.length).toBeGreaterThan(4);
    expect(analysis.segments.some((s) => s.speaker === "customer")).toBe(true);
    // The main thread was free: the 5 ms timer fired through the analysis (worker start included).
    expect(ticks).toBeGreaterThan((performance.now() - started) / 5 / 4);
  });

  it("brings a bad file's error back with its code and message", async () => {
    const job = {
      wav: new TextEncoder().encode("not a wav file at all"),
      channelSpeakers: ["agent", "customer"] as ["agent", "customer"],
      monoSpeaker: "mixed" as const,
    };
    await expect(pool.run(job)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^attune: expected/),
    });
  });
});
