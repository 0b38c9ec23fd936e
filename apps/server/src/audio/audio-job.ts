import type { IncomingMessage } from "@attune/core";
import type { EmotionResult } from "@attune/engine";
import {
  type AudioAnalysis,
  analyzeAudio,
  type FusionResult,
  fuseTranscript,
  readWavOrThrow,
  type VoiceSpeaker,
} from "@attune/voice";

/** One audio request's work, as plain data (it crosses into a worker thread). */
export interface AudioJob {
  wav: Uint8Array;
  channelSpeakers: [VoiceSpeaker, VoiceSpeaker];
  monoSpeaker: "agent" | "customer" | "mixed";
  /** Timed transcript turns to fuse with the voice, and each turn's text already analyzed (by text). */
  transcript?: { messages: IncomingMessage[]; texts: Record<string, EmotionResult> };
}

/** What an audio job answers. */
export interface AudioJobResult {
  analysis: AudioAnalysis;
  fusion?: FusionResult;
}

/** Runs one job: read the WAV, analyze the voice, fuse the transcript. Pure CPU work, no I/O. */
export function runAudioJob(job: AudioJob): AudioJobResult {
  const audio = readWavOrThrow(job.wav);
  const analysis = analyzeAudio(audio, { channelSpeakers: job.channelSpeakers, monoSpeaker: job.monoSpeaker });
  if (!job.transcript) return { analysis };
  const { messages, texts } = job.transcript;
  const channelOf = { [job.channelSpeakers[0]]: 0, [job.channelSpeakers[1]]: 1 };
  const analyzeText = (text: string) => texts[text] as EmotionResult;
  return { analysis, fusion: fuseTranscript(audio, messages, analyzeText, { channelOf }) };
}
