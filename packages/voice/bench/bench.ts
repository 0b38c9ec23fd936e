// Voice analysis speed: seconds of audio analyzed per second of one core's time (the real-time factor).
// Audio: the committed espeak call fixture (8 kHz stereo), and the same call resampled to 16 and 44.1 kHz.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeAudio, type PcmAudio, readWavOrThrow, resample } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const call = readWavOrThrow(readFileSync(join(here, "..", "test-data", "call-stereo.wav")));
const at = (rate: number): PcmAudio => ({
  sampleRate: rate,
  channels: call.channels.map((c) => resample(c, call.sampleRate, rate)),
});

function measure(name: string, audio: PcmAudio): void {
  const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
  analyzeAudio(audio); // warm-up: JIT
  const runs = 5;
  const started = performance.now();
  for (let i = 0; i < runs; i++) analyzeAudio(audio);
  const elapsed = (performance.now() - started) / 1000 / runs;
  const factor = seconds / elapsed;
  console.log(
    `voice ${name}: ${seconds.toFixed(1)} s of ${audio.channels.length}-channel audio in ${(elapsed * 1000).toFixed(0)} ms — ${factor.toFixed(0)}× real time per call (${(factor * audio.channels.length).toFixed(0)}× per channel)`,
  );
}

measure("8 kHz stereo", call);
measure("16 kHz stereo", at(16000));
measure("44.1 kHz stereo", at(44100));
