import type { AnalyzeOptions, Analyzer } from "@attune/engine";
import { CHANNELS, type Channel, LANGUAGES } from "@attune/engine";
import { type BatchSummary, mapJsonlFile } from "../jsonl-batch.js";
import { renderResult } from "../render.js";

const LANG_OPTIONS = new Set<string>(LANGUAGES.filter((l) => l !== "unknown"));

/** Checks one input record; returns the reason it cannot be analyzed, or undefined. */
export function checkRecord(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object";
  const r = value as Record<string, unknown>;
  if (r.id === undefined || r.id === null || (typeof r.id !== "string" && typeof r.id !== "number")) {
    return `expected "id" to be a string or number, found ${r.id === undefined ? "nothing" : typeof r.id}`;
  }
  if (typeof r.text !== "string")
    return `expected "text" to be a string, found ${r.text === undefined ? "nothing" : typeof r.text}`;
  if (r.lang !== undefined && (typeof r.lang !== "string" || !LANG_OPTIONS.has(r.lang))) {
    return `expected "lang" to be one of ${[...LANG_OPTIONS].join(", ")}, found ${JSON.stringify(r.lang)}`;
  }
  if (r.channel !== undefined && !(CHANNELS as readonly unknown[]).includes(r.channel)) {
    return `expected "channel" to be one of ${CHANNELS.join(", ")}, found ${JSON.stringify(r.channel)}`;
  }
  return undefined;
}

/**
 * Analyzes a JSONL file: one result per good input line, in input order, with the input's `id`. A line's own
 * `channel` wins over the one given for the whole file.
 * Bad lines go to the errors file with their line number and reason; the run goes on.
 */
export function analyzeFile(
  analyzer: Analyzer,
  inputPath: string,
  outputPath: string,
  errorsPath?: string,
  channel?: Channel,
): Promise<BatchSummary> {
  return mapJsonlFile(
    inputPath,
    outputPath,
    "analyzing",
    (value) => {
      const problem = checkRecord(value);
      if (problem) throw new Error(problem);
      const r = value as { id: string | number; text: string; lang?: AnalyzeOptions["lang"]; channel?: Channel };
      const options: AnalyzeOptions = {};
      if (r.lang) options.lang = r.lang;
      const via = r.channel ?? channel;
      if (via) options.channel = via;
      return { id: r.id, ...analyzer.analyze(r.text, options) };
    },
    errorsPath,
  );
}

/** One text, readable output with the evidence highlighted. */
export function analyzeText(analyzer: Analyzer, text: string, json: boolean, channel?: Channel): string {
  const result = analyzer.analyze(text, channel ? { channel } : undefined);
  return json ? JSON.stringify(result, null, 2) : renderResult(text, result);
}
