import { AttuneError } from "@attune/engine";
import { estimateVoice, type VoiceEstimate } from "./arousal.js";
import { type Baseline, buildBaseline, featureVector } from "./baseline.js";
import { groupRegions, type MeasuredChannel, measureChannel } from "./channel.js";
import { FRAME_RATE } from "./frames.js";
import { findOverlaps, type OverlapEvent } from "./overlap.js";
import { measureProsody, type ProsodyFeatures } from "./prosody.js";
import type { VadOptions } from "./vad.js";
import type { PcmAudio } from "./wav.js";

/** Who a channel carries. A mono recording of a whole call is `mixed` unless the caller says otherwise. */
export type VoiceSpeaker = "agent" | "customer" | "mixed";

/** How to read a recording. */
export interface AudioAnalysisOptions {
  /** Speaker of the left and right channel of a stereo call (default agent left, customer right). */
  channelSpeakers?: readonly [VoiceSpeaker, VoiceSpeaker];
  /** Speaker of a mono recording (default `mixed`). */
  monoSpeaker?: VoiceSpeaker;
  /** Speech less than this far apart is one segment, s (default 0.8). */
  maxPauseSec?: number;
  /** Segments are cut at a pause once they reach this length, s (default 15). */
  maxSegmentSec?: number;
  vad?: VadOptions;
}

/** One stretch of one speaker's speech with its prosody and what the voice says. */
export interface VoiceSegment {
  speaker: VoiceSpeaker;
  channel: number;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  prosody: ProsodyFeatures;
  voice: VoiceEstimate;
}

/** One speaker over the whole call. */
export interface SpeakerSummary {
  speaker: VoiceSpeaker;
  channel: number;
  speechSec: number;
  segments: number;
  /** The speaker's own baseline every segment was compared with. */
  baseline: Baseline;
  /** Mean arousal over the speaker's segments, weighted by speech time. */
  meanArousal: number | null;
}

/** Everything the voice analysis found in one recording. */
export interface AudioAnalysis {
  durationSec: number;
  sampleRate: number;
  channels: number;
  speakers: SpeakerSummary[];
  /** All segments of all speakers, by start time. */
  segments: VoiceSegment[];
  /** Stretches where both channels speak at once (stereo only). */
  overlaps: OverlapEvent[];
  overlapSec: number;
}

function checkOptions(audio: PcmAudio, options: AudioAnalysisOptions): VoiceSpeaker[] {
  const speakers = options.channelSpeakers ?? ["agent", "customer"];
  const valid = ["agent", "customer", "mixed"];
  for (const s of [...speakers, options.monoSpeaker ?? "mixed"]) {
    if (!valid.includes(s))
      throw new AttuneError("invalid_option", `speaker expected one of ${valid.join(", ")}, found "${s}"`);
  }
  if (audio.channels.length === 1) return [options.monoSpeaker ?? "mixed"];
  if (speakers[0] === speakers[1]) {
    throw new AttuneError(
      "invalid_option",
      `channelSpeakers expected two different speakers, found "${speakers[0]}" twice`,
    );
  }
  return [...speakers];
}

/**
 * Analyzes a call recording: voice activity per channel, segments, prosody, overlap between the channels, and per
 * segment an arousal score (and an emotion where defensible) relative to the same speaker's median in this call.
 *
 * @example
 * const analysis = analyzeAudio(readWavOrThrow(bytes));
 * analysis.segments.filter((s) => s.voice.arousal > 0.8);
 * @throws AttuneError `invalid_option` for unknown speakers or a stereo mapping naming one speaker twice
 */
export function analyzeAudio(audio: PcmAudio, options: AudioAnalysisOptions = {}): AudioAnalysis {
  const speakerOf = checkOptions(audio, options);
  const maxPause = Math.round((options.maxPauseSec ?? 0.8) * FRAME_RATE);
  const maxLength = Math.round((options.maxSegmentSec ?? 15) * FRAME_RATE);
  const measured: MeasuredChannel[] = audio.channels.map((ch) => measureChannel(ch, audio.sampleRate, options.vad));
  const segments: VoiceSegment[] = [];
  const speakers: SpeakerSummary[] = [];
  measured.forEach((channel, c) => {
    const speaker = speakerOf[c] as VoiceSpeaker;
    const stretches = groupRegions(channel.regions, maxPause, maxLength).map(({ range, gaps }) => ({
      range,
      prosody: measureProsody(channel, range, gaps),
    }));
    const vectors = stretches.map((s) => featureVector(s.prosody));
    const baseline = buildBaseline(vectors);
    let weighted = 0;
    let time = 0;
    stretches.forEach((s, i) => {
      const voice = estimateVoice(vectors[i] as ReturnType<typeof featureVector>, baseline, s.prosody.speechSec);
      weighted += voice.arousal * s.prosody.speechSec;
      time += s.prosody.speechSec;
      segments.push({
        speaker,
        channel: c,
        start: s.range.start / FRAME_RATE,
        end: s.range.end / FRAME_RATE,
        prosody: s.prosody,
        voice,
      });
    });
    speakers.push({
      speaker,
      channel: c,
      speechSec: time,
      segments: stretches.length,
      baseline,
      meanArousal: time > 0 ? weighted / time : null,
    });
  });
  segments.sort((a, b) => a.start - b.start || a.channel - b.channel);
  const overlaps =
    measured.length === 2
      ? findOverlaps(
          measured[0] as MeasuredChannel,
          measured[1] as MeasuredChannel,
          speakerOf as [VoiceSpeaker, VoiceSpeaker],
        )
      : [];
  return {
    durationSec: (audio.channels[0]?.length ?? 0) / audio.sampleRate,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    speakers,
    segments,
    overlaps,
    overlapSec: overlaps.reduce((a, o) => a + o.durationSec, 0),
  };
}
