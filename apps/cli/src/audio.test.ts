import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeWav } from "@attune/voice";
import { describe, expect, it } from "vitest";
import { attune } from "./test-support/run-cli.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "packages", "voice", "test-data");
const CALL = join(FIXTURES, "call-stereo.wav");

/** A voiced 1.5 s stretch at `hz` and `amplitude`, with silence around it. */
function utterance(hz: number, amplitude: number): Uint8Array {
  const rate = 16000;
  const samples = new Float32Array(rate * 2);
  for (let i = 0; i < rate * 1.5; i++) {
    let s = 0;
    for (let k = 1; k <= 10; k++) s += Math.sin((2 * Math.PI * hz * k * i) / rate) / k;
    // A 4 Hz syllable-like swell, so the stretch has a rate too.
    samples[i + rate / 4] = amplitude * 0.4 * s * (0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / rate));
  }
  return encodeWav({ sampleRate: rate, channels: [samples] });
}

describe("attune analyze-audio / eval-audio (real process)", () => {
  it("prints segments, arousal and overlap of a stereo call, and fuses a transcript turn by turn", async () => {
    const { stdout, code } = await attune("analyze-audio", CALL, "--transcript", join(FIXTURES, "call-stereo.vtt"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/call-stereo\.wav: 32\.\d s, stereo, 8000 Hz/);
    expect(stdout).toMatch(/talking over each other: 0\.\d s \(00:10\.\d customer over agent/);
    expect(stdout).toMatch(/turns \(words \+ voice\)/);
    expect(stdout).toMatch(/Okay, that is fine, thank you\.\n.*⚠ calm words, agitated voice/);
  });

  it("--json gives the analysis as data, and a bad file is one clear line", async () => {
    const { stdout } = await attune("analyze-audio", CALL, "--json", "--channels", "customer,agent");
    const { analysis } = JSON.parse(stdout);
    expect(analysis.segments[0].speaker).toBe("customer");
    const bad = await attune("analyze-audio", join(FIXTURES, "call-stereo.vtt"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^attune: expected a RIFF\/WAVE file, found \d+ bytes starting with "WEBV"\n$/);
  });

  it("eval-audio reports arousal and category UAR per speaker with confusion matrices", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-audio-"));
    const rows = ["file,label,speaker"];
    for (const [speaker, base] of [
      ["s1", 110],
      ["s2", 210],
    ] as const) {
      const takes = [
        ["anger", 1.8, 0.9],
        ["happiness", 1.5, 0.7],
        ["neutral", 1, 0.3],
        ["sadness", 0.9, 0.15],
      ] as const;
      for (const [label, pitch, amplitude] of takes) {
        writeFileSync(join(dir, `${speaker}-${label}.wav`), utterance(base * pitch, amplitude));
        rows.push(`${speaker}-${label}.wav,${label},${speaker}`);
      }
    }
    writeFileSync(join(dir, "labels.csv"), rows.join("\n"));
    const { stdout, code } = await attune("eval-audio", "--labels", join(dir, "labels.csv"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/binary arousal .*: UAR 100\.0% over 8 files/);
    expect(stdout).toMatch(/s1 +4 files {2}arousal UAR 100\.0%/);
    expect(stdout).toMatch(/gold\\pred/);
    writeFileSync(join(dir, "bad.csv"), "name,emotion\nx.wav,anger\n");
    const bad = await attune("eval-audio", "--labels", join(dir, "bad.csv"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a header with file, label and speaker columns, found "name,emotion"/);
  });
});
