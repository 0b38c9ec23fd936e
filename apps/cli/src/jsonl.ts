import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/** One line of a JSONL file: the parsed value, or why it could not be read. */
export type JsonlLine = { line: number; raw: string } & ({ value: unknown } | { error: string });

/** Reads a JSONL file line by line (streaming: files larger than memory are fine). Blank lines are skipped. */
export async function* readJsonl(path: string): AsyncGenerator<JsonlLine> {
  const rl = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (!raw.trim()) continue;
    try {
      yield { line, raw, value: JSON.parse(raw) };
    } catch (e) {
      yield { line, raw, error: `not valid JSON (${(e as Error).message})` };
    }
  }
}

/** Reads a whole JSONL file, throwing on the first bad line (for gold sets and the corpus). */
export async function readJsonlStrict<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for await (const l of readJsonl(path)) {
    if ("error" in l) throw new Error(`${path}:${l.line}: ${l.error}`);
    out.push(l.value as T);
  }
  return out;
}
