import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { importFile } from "@attune/core";
import { AttuneError } from "@attune/engine";
import { loadAnalyzer } from "@attune/engine/node";
import {
  type AudioAnalysis,
  analyzeAudio,
  type FusedTurn,
  type FusionResult,
  fuseTranscript,
  type VoiceSegment,
  type VoiceSpeaker,
} from "@attune/voice";
import { readWavFileOrThrow } from "@attune/voice/node";
import { Command } from "commander";
import pc from "picocolors";

const clock = (sec: number) =>
  `${String(Math.floor(sec / 60)).padStart(2, "0")}:${(sec % 60).toFixed(1).padStart(4, "0")}`;
const bar = (x: number, width = 10) => "█".repeat(Math.round(x * width)).padEnd(width, "·");
const arousalColour = (a: number) => (a >= 0.75 ? pc.red : a <= 0.35 ? pc.blue : (s: string) => s);

function segmentLine(s: VoiceSegment): string[] {
  const p = s.prosody;
  const emotion = s.voice.emotion ? pc.bold(s.voice.emotion) : pc.dim(`no emotion: ${s.voice.reason}`);
  const f0 = p.f0MedianHz === null ? "F0 —" : `F0 ${p.f0MedianHz.toFixed(0)} Hz ±${(p.f0RangeSt ?? 0).toFixed(1)} st`;
  return [
    `${clock(s.start)}–${clock(s.end)}  ${s.speaker.padEnd(8)} arousal ${arousalColour(s.voice.arousal)(`${bar(s.voice.arousal)} ${s.voice.arousal.toFixed(2)}`)} (confidence ${s.voice.confidence.toFixed(2)})  ${emotion}`,
    pc.dim(
      `    ${f0}  ${p.loudnessDb.toFixed(1)} dBFS (range ${p.loudnessRangeDb.toFixed(0)} dB)  ${p.syllableRate.toFixed(1)} syll/s  pauses ${p.pauses.count}`,
    ),
    ...s.voice.evidence.slice(0, 2).map((e) => pc.dim(`    · ${e.text}`)),
  ];
}

/** A readable report of a recording's voice analysis. */
export function renderAudioAnalysis(file: string, a: AudioAnalysis): string {
  const lines = [
    pc.bold(
      `${basename(file)}: ${a.durationSec.toFixed(1)} s, ${a.channels === 2 ? "stereo" : "mono"}, ${a.sampleRate} Hz`,
    ),
  ];
  for (const s of a.speakers) {
    const mean = s.meanArousal === null ? "—" : s.meanArousal.toFixed(2);
    lines.push(`  ${s.speaker}: ${s.speechSec.toFixed(1)} s of speech in ${s.segments} segments, mean arousal ${mean}`);
  }
  if (a.channels === 2) {
    const events = a.overlaps.map(
      (o) => `${clock(o.start)} ${o.interrupter} over ${o.interrupted} ${o.durationSec.toFixed(1)} s`,
    );
    lines.push(
      `  talking over each other: ${a.overlapSec.toFixed(1)} s${events.length ? ` (${events.join("; ")})` : ""}`,
    );
  }
  lines.push("");
  for (const s of a.segments) lines.push(...segmentLine(s));
  return lines.join("\n");
}

function turnLines(t: FusedTurn): string[] {
  const voice = t.voice
    ? `voice arousal ${arousalColour(t.voice.arousal)(t.voice.arousal.toFixed(2))}${t.voice.emotion ? ` (${t.voice.emotion})` : ""}`
    : pc.dim(`voice: ${t.voiceReason}`);
  const flag = t.fused.disagreement ? `  ${pc.yellow(`⚠ ${t.fused.disagreement}`)}` : "";
  return [
    `${clock(t.start)}–${clock(t.end)}  ${t.speaker.padEnd(8)} ${t.text}`,
    `    words ${pc.bold(t.textSide.emotion)} (arousal ${t.textSide.arousal.toFixed(2)})  ${voice}  → ${pc.bold(t.fused.emotion)} from ${t.fused.emotionFrom}, arousal ${t.fused.arousal.toFixed(2)}${flag}`,
    ...(t.textSide.evidence.length ? [pc.dim(`    · words: ${t.textSide.evidence.slice(0, 3).join(", ")}`)] : []),
    ...(t.voice?.evidence.slice(0, 2).map((e) => pc.dim(`    · voice: ${e.text}`)) ?? []),
  ];
}

/** A readable report of a transcript fused with its recording, turn by turn. */
export function renderFusion(result: FusionResult): string {
  const lines = [pc.bold("turns (words + voice)")];
  if (result.untimed) lines.push(pc.dim(`  ${result.untimed} turn(s) without start/end times left out`));
  for (const t of result.turns) lines.push(...turnLines(t));
  return lines.join("\n");
}

function speakers(value: string): [VoiceSpeaker, VoiceSpeaker] {
  const parts = value.split(",").map((s) => s.trim());
  const ok = (s: string | undefined): s is VoiceSpeaker => s === "agent" || s === "customer";
  if (parts.length !== 2 || !ok(parts[0]) || !ok(parts[1]) || parts[0] === parts[1]) {
    throw new AttuneError(
      "invalid_option",
      `--channels expected "agent,customer" or "customer,agent", found "${value}"`,
    );
  }
  return [parts[0], parts[1]];
}

/** `attune analyze-audio call.wav [--transcript t.vtt] [--json]`. */
export function analyzeAudioCommand(): Command {
  return new Command("analyze-audio")
    .description(
      "voice analysis of a call recording (16-bit PCM WAV): segments, arousal, overlap; with a transcript, per turn",
    )
    .argument("<wav>", "the recording: mono, or stereo with one speaker per channel")
    .option("-t, --transcript <path>", "a timed transcript (.vtt, .srt or .json) to fuse with the voice, turn by turn")
    .option("--channels <order>", "who is on the left and right channel", "agent,customer")
    .option("--mono-speaker <speaker>", "who speaks in a mono recording: agent, customer or mixed", "mixed")
    .option("--json", "print the analysis as JSON")
    .action(async (wav: string, o: { transcript?: string; channels: string; monoSpeaker: string; json?: boolean }) => {
      const audio = readWavFileOrThrow(wav);
      const channelSpeakers = speakers(o.channels);
      const analysis = analyzeAudio(audio, { channelSpeakers, monoSpeaker: o.monoSpeaker as VoiceSpeaker });
      let fusion: FusionResult | undefined;
      if (o.transcript) {
        const transcript = await importFile("transcript", o.transcript, readFileSync(o.transcript));
        if (transcript.messages.length === 0) {
          const reasons = transcript.skipped.map((s) => s.reason).join("; ");
          throw new AttuneError(
            "invalid_input",
            `expected transcript turns in ${o.transcript}, found none (${reasons})`,
          );
        }
        const analyzer = loadAnalyzer();
        const channelOf = { [channelSpeakers[0]]: 0, [channelSpeakers[1]]: 1 };
        fusion = fuseTranscript(audio, transcript.messages, (text) => analyzer.analyze(text), { channelOf });
      }
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ analysis, ...(fusion ? { fusion } : {}) }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${renderAudioAnalysis(wav, analysis)}\n${fusion ? `\n${renderFusion(fusion)}\n` : ""}`);
    });
}
