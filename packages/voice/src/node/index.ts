import { readFileSync } from "node:fs";
import { type AudioAnalysis, type AudioAnalysisOptions, analyzeAudio } from "../analyze-audio.js";
import { type PcmAudio, readWavOrThrow } from "../wav.js";

export { createHttpTranscriber, type HttpTranscriberOptions } from "./http-transcriber.js";

/**
 * Reads a WAV file from disk (the I/O half of {@link readWavOrThrow}).
 *
 * @example
 * const audio = readWavFileOrThrow("call.wav");
 * @throws AttuneError `invalid_input` for anything but 16-bit PCM WAV; the file system's error when unreadable
 */
export function readWavFileOrThrow(path: string): PcmAudio {
  return readWavOrThrow(readFileSync(path));
}

/**
 * Reads and analyzes a call recording.
 *
 * @example
 * const analysis = analyzeWavFile("call.wav", { channelSpeakers: ["customer", "agent"] });
 */
export function analyzeWavFile(path: string, options: AudioAnalysisOptions = {}): AudioAnalysis {
  return analyzeAudio(readWavFileOrThrow(path), options);
}
