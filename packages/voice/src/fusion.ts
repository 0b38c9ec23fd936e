import type { IncomingMessage, Speaker } from "@attune/core";
import { AttuneError, type Emotion, type EmotionResult } from "@attune/engine";
import { estimateVoice, type VoiceEstimate } from "./arousal.js";
import { buildBaseline, type FeatureVector, featureVector } from "./baseline.js";
import { type MeasuredChannel, measureChannel } from "./channel.js";
import { FRAME_RATE } from "./frames.js";
import { measureProsody, type ProsodyFeatures } from "./prosody.js";
import type { FrameRange, VadOptions } from "./vad.js";
import type { PcmAudio } from "./wav.js";

/** The text engine, injected: `analyzer.analyze` from `@attune/engine` (loaded by the caller). */
export type TextAnalyzer = (text: string) => EmotionResult;

/** How to line a transcript up with the recording. */
export interface FusionOptions {
  /** Channel of each transcript speaker in a stereo file (default agent 0 = left, customer 1 = right). */
  channelOf?: Partial<Record<Speaker, number>>;
  vad?: VadOptions;
}

/** What the words say, kept with their evidence. */
export interface TextSide {
  emotion: Emotion;
  polarity: EmotionResult["polarity"];
  /** The engine's arousal, from the emotion mix (absolute: neutral words are 0.15). */
  arousal: number;
  intensity: number;
  /** The cues that fired, in words: `"money back" (anger +1.2)`. */
  evidence: string[];
}

/** Voice and words of one transcript turn, and how they combine. */
export interface FusedTurn {
  index: number;
  speaker: Speaker;
  start: number;
  end: number;
  text: string;
  textSide: TextSide;
  /** Null when no speech was found under the turn's times on its channel; `voiceReason` says why. */
  voice: VoiceEstimate | null;
  prosody: ProsodyFeatures | null;
  voiceReason: string | null;
  fused: {
    emotion: Emotion;
    /** Voice and text arousal weighted by the voice's confidence. */
    arousal: number;
    /** Where words and voice point different ways, in words; null when they agree or one is missing. */
    disagreement: "calm words, agitated voice" | "agitated words, calm voice" | null;
    /** Which modality chose `emotion`. */
    emotionFrom: "text" | "voice";
  };
}

/** A call's transcript turns fused with its audio. */
export interface FusionResult {
  turns: FusedTurn[];
  /** Turns left out because they carry no start/end times. */
  untimed: number;
}

function timing(message: IncomingMessage): { start: number; end: number } | null {
  const start = message.meta?.start;
  const end = message.meta?.end;
  return typeof start === "number" && typeof end === "number" && end > start ? { start, end } : null;
}

function textSide(result: EmotionResult): TextSide {
  return {
    emotion: result.emotion,
    polarity: result.polarity,
    arousal: result.arousal,
    intensity: result.intensity,
    evidence: result.evidence.map((e) => `"${e.text}" (${e.effect})`),
  };
}

/**
 * Voice arousal is relative (0.5 = the speaker's usual); text arousal is the engine's circumplex value, where calm
 * emotions (neutral, sadness, satisfaction, gratitude, disappointment) sit at 0.4 or below and agitated ones (anger,
 * frustration, anxiety, joy, surprise) at 0.6 or above. The bands below make the two comparable.
 */
function disagreement(text: TextSide, voice: VoiceEstimate | null): FusedTurn["fused"]["disagreement"] {
  if (!voice || voice.confidence < 0.3) return null;
  if (text.arousal <= 0.4 && voice.arousal >= 0.75) return "calm words, agitated voice";
  if (text.arousal >= 0.6 && voice.arousal <= 0.4) return "agitated words, calm voice";
  return null;
}

/**
 * Lines up transcript turns (the output of `parseVtt`, `parseSrt` or `parseTranscriptJson` from `@attune/core`,
 * whose `meta.start`/`meta.end` are seconds) with the recording, measures the voice under each turn on the
 * speaker's channel against that speaker's own baseline over the call, runs the injected text analyzer on the
 * words, and fuses them. A mono recording is read for every speaker, with baselines still kept per speaker.
 *
 * @example
 * const { turns } = fuseTranscript(readWavOrThrow(wav), parseVtt(vtt).messages, (t) => analyzer.analyze(t));
 * turns.filter((t) => t.fused.disagreement);
 * @throws AttuneError `invalid_option` when a speaker's channel does not exist in the recording
 */
export function fuseTranscript(
  audio: PcmAudio,
  messages: readonly IncomingMessage[],
  analyze: TextAnalyzer,
  options: FusionOptions = {},
): FusionResult {
  const channelOf = { agent: 0, customer: 1, bot: 0, ...options.channelOf };
  const measured = new Map<number, MeasuredChannel>();
  const channelFor = (speaker: Speaker): MeasuredChannel => {
    const index = audio.channels.length === 1 ? 0 : channelOf[speaker];
    const samples = audio.channels[index];
    if (!samples) {
      throw new AttuneError(
        "invalid_option",
        `channelOf.${speaker} expected a channel of this ${audio.channels.length}-channel recording, found ${index}`,
      );
    }
    let channel = measured.get(index);
    if (!channel) {
      channel = measureChannel(samples, audio.sampleRate, options.vad);
      measured.set(index, channel);
    }
    return channel;
  };
  const timed = messages.map((message, index) => ({ message, index, time: timing(message) }));
  const measuredTurns = timed
    .filter((t): t is typeof t & { time: { start: number; end: number } } => t.time !== null)
    .map(({ message, index, time }) => {
      const channel = channelFor(message.speaker);
      const range: FrameRange = {
        start: Math.max(0, Math.floor(time.start * FRAME_RATE)),
        end: Math.min(channel.frames, Math.ceil(time.end * FRAME_RATE)),
      };
      const inside = channel.regions.filter((r) => r.end > range.start && r.start < range.end);
      const gaps = inside.slice(1).map((r, i) => ({ start: (inside[i] as FrameRange).end, end: r.start }));
      const prosody = range.end > range.start ? measureProsody(channel, range, gaps) : null;
      const vector = prosody && prosody.speechSec >= 0.3 ? featureVector(prosody) : null;
      return { message, index, time, prosody, vector };
    });
  const baselines = new Map<Speaker, ReturnType<typeof buildBaseline>>();
  for (const speaker of ["agent", "customer", "bot"] as const) {
    const vectors = measuredTurns
      .filter((t) => t.message.speaker === speaker && t.vector)
      .map((t) => t.vector as FeatureVector);
    baselines.set(speaker, buildBaseline(vectors));
  }
  const turns = measuredTurns.map(({ message, index, time, prosody, vector }): FusedTurn => {
    const words = textSide(analyze(message.text));
    const baseline = baselines.get(message.speaker);
    const voice = vector && baseline && prosody ? estimateVoice(vector, baseline, prosody.speechSec) : null;
    const weight = voice?.confidence ?? 0;
    const voiceLeads = words.emotion === "neutral" && voice?.emotion && voice.emotion !== "neutral";
    return {
      index,
      speaker: message.speaker,
      start: time.start,
      end: time.end,
      text: message.text,
      textSide: words,
      voice,
      prosody,
      voiceReason: voice ? null : "no speech on this speaker's channel during the turn",
      fused: {
        emotion: voiceLeads && voice?.emotion ? voice.emotion : words.emotion,
        arousal: ((voice?.arousal ?? 0) * weight + words.arousal * 0.5) / (weight + 0.5),
        disagreement: disagreement(words, voice),
        emotionFrom: voiceLeads ? "voice" : "text",
      },
    };
  });
  return { turns, untimed: timed.length - measuredTurns.length };
}
