import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { AttuneError, EMOTIONS, INTENSITY_LEVELS, POLARITIES } from "@attune/engine";

/** One labelled corpus message (see corpus/README.md). */
export interface CorpusRecord {
  id: string;
  text: string;
  lang: string;
  emotion: string;
  intensity: string;
  polarity: string;
  channel: string;
  industry: string;
  secondary?: string;
  causes: string[];
  signals: string[];
  tags: string[];
  /** The file it came from, relative to the corpus folder (set by `readCorpus`). */
  source: string;
}

function listJsonl(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return listJsonl(p);
      return name.endsWith(".jsonl") ? [p] : [];
    });
}

/**
 * Reads every `*.jsonl` file below `dir`, checking the labels the model trains on.
 * Returns the records (sorted by id, so file order never changes training) and a content hash.
 *
 * @throws AttuneError `invalid_corpus` naming the file and line
 */
export function readCorpus(dir: string): { records: CorpusRecord[]; sha256: string; files: string[] } {
  const files = listJsonl(dir);
  const hash = createHash("sha256");
  const records: CorpusRecord[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    hash.update(relative(dir, file)).update(text);
    text.split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let r: CorpusRecord;
      try {
        r = JSON.parse(line) as CorpusRecord;
      } catch (e) {
        throw new AttuneError(
          "invalid_corpus",
          `${where}: expected JSON, found a parse error (${(e as Error).message})`,
        );
      }
      if (typeof r.text !== "string" || !r.text.trim()) {
        throw new AttuneError("invalid_corpus", `${where}: expected a non-empty "text"`);
      }
      for (const [field, allowed] of [
        ["emotion", EMOTIONS],
        ["polarity", POLARITIES],
        ["intensity", INTENSITY_LEVELS],
      ] as const) {
        if (!(allowed as readonly string[]).includes(r[field])) {
          throw new AttuneError(
            "invalid_corpus",
            `${where}: expected "${field}" to be one of ${allowed.join(", ")}, found ${JSON.stringify(r[field])}`,
          );
        }
      }
      records.push({ ...r, source: relative(dir, file) });
    });
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, sha256: hash.digest("hex"), files: files.map((f) => relative(dir, f)) };
}

/** Whether a record belongs to the held-out slice: a stable ~10% chosen by a hash of its id. */
export function isHeldOut(id: string): boolean {
  const h = createHash("sha1").update(id).digest();
  return (h[0] as number) % 10 === 0;
}
