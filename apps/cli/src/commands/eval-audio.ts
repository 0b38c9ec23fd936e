import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AttuneError } from "@attune/engine";
import {
  type AudioEvalReport,
  evaluateUtterances,
  featureVector,
  formatConfusion,
  type MeasuredUtterance,
  measureUtterance,
  peakDbfs,
} from "@attune/voice";
import { readWavFileOrThrow } from "@attune/voice/node";
import { Command } from "commander";

/** One row of the labels file. */
export interface LabelRow {
  file: string;
  label: string;
  speaker: string;
}

/**
 * Reads a labels CSV with a header naming at least `file`, `label` and `speaker` (other columns are ignored).
 * Fields are plain: a quote is an error rather than a guess.
 */
export function readLabelsCsv(text: string, path: string): LabelRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim().toLowerCase());
  const at = { file: header.indexOf("file"), label: header.indexOf("label"), speaker: header.indexOf("speaker") };
  const missing = Object.entries(at).filter(([, i]) => i < 0);
  if (missing.length) {
    throw new AttuneError(
      "invalid_input",
      `${path}: expected a header with file, label and speaker columns, found "${lines[0] ?? ""}"`,
    );
  }
  const rows: LabelRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === "") return;
    if (line.includes('"')) {
      throw new AttuneError("invalid_input", `${path} line ${i + 2}: expected plain fields, found a quote`);
    }
    const cells = line.split(",").map((c) => c.trim());
    const row = { file: cells[at.file] ?? "", label: cells[at.label] ?? "", speaker: cells[at.speaker] ?? "" };
    if (!row.file || !row.label || !row.speaker) {
      throw new AttuneError(
        "invalid_input",
        `${path} line ${i + 2}: expected file, label and speaker, found "${line}"`,
      );
    }
    rows.push(row);
  });
  if (rows.length === 0) throw new AttuneError("invalid_input", `${path}: expected labelled rows, found none`);
  return rows;
}

/** The report as text: both UARs, confusion matrices, per speaker, and the speed. */
export function formatAudioEval(report: AudioEvalReport, audioSec: number, elapsedSec: number): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${report.files} files, ${audioSec.toFixed(0)} s of audio analyzed in ${elapsedSec.toFixed(1)} s (${(audioSec / elapsedSec).toFixed(0)}× real time)`,
    "",
    `binary arousal (high: anger, fear, happiness; low: sadness, boredom, neutral): UAR ${pct(report.arousal.uar)} over ${report.arousal.n} files, accuracy ${pct(report.arousal.accuracy)}`,
    formatConfusion(report.arousal),
    "",
    `category, best guess (nearest literature cue profile; chance UAR ${pct(1 / report.category.classes.length)}): UAR ${pct(report.category.uar)} over ${report.category.n} files`,
    formatConfusion(report.category),
    "",
    `emotion as the product gives it (none = abstained, the guess not clearly nearer than the runner-up): UAR ${pct(report.emotion.uar)}`,
    formatConfusion(report.emotion),
    "",
    "per speaker (features z-normalized over each speaker's files, no labels used):",
    ...(report.levelNormalizedSpeakers.length
      ? [
          `  loudness left out for ${report.levelNormalizedSpeakers.length} of ${report.perSpeaker.length} speakers: their files are normalized to one peak level, so level says nothing about effort`,
        ]
      : []),
    ...report.perSpeaker.map(
      (s) =>
        `  ${s.speaker.padEnd(12)} ${String(s.files).padStart(4)} files  arousal UAR ${pct(s.arousalUar).padStart(6)}  category UAR ${pct(s.categoryUar).padStart(6)}  emotion UAR ${pct(s.emotionUar).padStart(6)}`,
    ),
  ];
  return lines.join("\n");
}

/** `attune eval-audio --labels labels.csv --audio-dir DIR`. */
export function evalAudioCommand(): Command {
  return new Command("eval-audio")
    .description("score voice arousal and emotion on a labelled set of WAV files (binary arousal UAR, category UAR)")
    .requiredOption("--labels <csv>", "file,label,speaker per row; file is relative to --audio-dir")
    .option("--audio-dir <dir>", "where the files are (default: the labels file's folder)")
    .option("--json", "print the report as JSON")
    .action((o: { labels: string; audioDir?: string; json?: boolean }) => {
      const rows = readLabelsCsv(readFileSync(o.labels, "utf8"), o.labels);
      const dir = o.audioDir ?? dirname(o.labels);
      const started = performance.now();
      let audioSec = 0;
      const measured: MeasuredUtterance[] = rows.map((row) => {
        const audio = readWavFileOrThrow(join(dir, row.file));
        audioSec += (audio.channels[0]?.length ?? 0) / audio.sampleRate;
        const prosody = measureUtterance(audio);
        return { ...row, vector: featureVector(prosody), speechSec: prosody.speechSec, peakDb: peakDbfs(audio) };
      });
      const elapsed = (performance.now() - started) / 1000;
      const report = evaluateUtterances(measured);
      process.stdout.write(
        `${o.json ? JSON.stringify({ ...report, audioSec, elapsedSec: elapsed }, null, 2) : formatAudioEval(report, audioSec, elapsed)}\n`,
      );
    });
}
