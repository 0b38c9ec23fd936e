import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads every `*.jsonl` file in a folder (sorted by name), one value per non-blank line.
 *
 * @throws Error naming the file and line of the first line that is not JSON
 */
export function readJsonlFolder<T>(dir: string): T[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.trim())
        .map(({ line, i }) => {
          try {
            return JSON.parse(line) as T;
          } catch (e) {
            throw new Error(`${join(dir, f)}:${i + 1}: not valid JSON (${(e as Error).message})`);
          }
        }),
    );
}
