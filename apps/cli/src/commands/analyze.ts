import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import type { AnalyzeOptions, Analyzer } from "@attune/engine";
import { LANGUAGES } from "@attune/engine";
import { countLines } from "../count-lines.js";
import { readJsonl } from "../jsonl.js";
import { createProgress } from "../progress.js";
import { renderResult } from "../render.js";

/** What a batch run did. */
export interface BatchSummary {
  analyzed: number;
  failed: number;
  errorsPath: string | undefined;
}

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, "drain");
}

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
  return undefined;
}

/**
 * Analyzes a JSONL file: one result per good input line, in input order, with the input's `id`.
 * Bad lines go to the errors file with their line number and reason; the run goes on.
 */
export async function analyzeFile(
  analyzer: Analyzer,
  inputPath: string,
  outputPath: string,
  errorsPath = `${outputPath}.errors.jsonl`,
): Promise<BatchSummary> {
  const total = await countLines(inputPath);
  const progress = createProgress(total, "analyzing");
  const out = createWriteStream(outputPath, { encoding: "utf8" });
  let errors: WriteStream | undefined;
  let analyzed = 0;
  let failed = 0;
  let seen = 0;
  for await (const l of readJsonl(inputPath)) {
    seen++;
    const problem = "error" in l ? l.error : checkRecord(l.value);
    if (problem) {
      failed++;
      errors ??= createWriteStream(errorsPath, { encoding: "utf8" });
      await write(errors, `${JSON.stringify({ line: l.line, error: problem, input: l.raw.slice(0, 500) })}\n`);
      process.stderr.write(`line ${l.line}: ${problem}\n`);
    } else {
      const r = (l as { value: { id: string | number; text: string; lang?: AnalyzeOptions["lang"] } }).value;
      const result = analyzer.analyze(r.text, r.lang ? { lang: r.lang } : undefined);
      await write(out, `${JSON.stringify({ id: r.id, ...result })}\n`);
      analyzed++;
    }
    if (seen % 200 === 0) progress.update(seen);
  }
  progress.update(total);
  progress.stop();
  out.end();
  await once(out, "finish");
  if (errors) {
    errors.end();
    await once(errors, "finish");
  }
  return { analyzed, failed, errorsPath: errors ? errorsPath : undefined };
}

/** One text, readable output with the evidence highlighted. */
export function analyzeText(analyzer: Analyzer, text: string, json: boolean): string {
  const result = analyzer.analyze(text);
  return json ? JSON.stringify(result, null, 2) : renderResult(text, result);
}
