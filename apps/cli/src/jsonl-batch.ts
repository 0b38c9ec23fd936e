import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { countLines } from "./count-lines.js";
import { readJsonl } from "./jsonl.js";
import { createProgress } from "./progress.js";

/** What a batch run did. */
export interface BatchSummary {
  processed: number;
  failed: number;
  errorsPath: string | undefined;
}

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, "drain");
}

async function end(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, "finish");
}

/**
 * Streams a JSONL file through `convert`, one output line per good input line, in input order. A line
 * that is not JSON, or that `convert` throws on, goes to the errors file with its line number and the
 * reason (also on stderr); the run goes on. A progress bar shows on a terminal.
 */
export async function mapJsonlFile(
  inputPath: string,
  outputPath: string,
  label: string,
  convert: (value: unknown) => unknown,
  errorsPath = `${outputPath}.errors.jsonl`,
): Promise<BatchSummary> {
  const total = await countLines(inputPath);
  const progress = createProgress(total, label);
  const out = createWriteStream(outputPath, { encoding: "utf8" });
  let errors: WriteStream | undefined;
  let processed = 0;
  let failed = 0;
  let seen = 0;
  for await (const l of readJsonl(inputPath)) {
    seen++;
    let problem = "error" in l ? l.error : undefined;
    let output: unknown;
    if (!problem) {
      try {
        output = convert((l as { value: unknown }).value);
      } catch (e) {
        problem = (e as Error).message.replace(/^attune: /, "");
      }
    }
    if (problem) {
      failed++;
      errors ??= createWriteStream(errorsPath, { encoding: "utf8" });
      await write(errors, `${JSON.stringify({ line: l.line, error: problem, input: l.raw.slice(0, 500) })}\n`);
      process.stderr.write(`line ${l.line}: ${problem}\n`);
    } else {
      await write(out, `${JSON.stringify(output)}\n`);
      processed++;
    }
    if (seen % 200 === 0) progress.update(seen);
  }
  progress.update(total);
  progress.stop();
  await end(out);
  if (errors) await end(errors);
  return { processed, failed, errorsPath: errors ? errorsPath : undefined };
}
