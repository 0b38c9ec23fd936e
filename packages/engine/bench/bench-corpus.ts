import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../src/model/train.js";

function listJsonl(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? listJsonl(join(dir, n)) : n.endsWith(".jsonl") ? [join(dir, n)] : [],
    );
}

const CLAUSE = /[^，。！？!?.,;；\n]+[，。！？!?.,;；\n]*/g;

/**
 * The corpus folders the benchmark's lines come from. Fixed, so that adding training text (the everyday social
 * folders came later) does not change what the benchmark measures: numbers stay comparable across commits.
 */
export const BENCH_FOLDERS = [
  "dialogue-en",
  "dialogue-zh",
  "en",
  "en-svc",
  "social-en",
  "social-en-threads",
  "social-zh-hans",
  "social-zh-hans-2",
  "social-zh-hant",
  "yue",
  "zh-hans",
  "zh-hans-svc",
  "zh-hant",
] as const;

/**
 * The benchmark's fixed message set: every message of the `BENCH_FOLDERS`, plus messages recombined from clauses
 * of those messages in the same language (seeded), until `size` unique lines of chat length exist.
 * Same corpus and seed, same lines.
 */
export function buildBenchCorpus(corpusDir: string, size = 20_000, seed = 42): string[] {
  const byLang = new Map<string, string[]>();
  const lines = new Set<string>();
  for (const file of BENCH_FOLDERS.flatMap((folder) => listJsonl(join(corpusDir, folder)))) {
    for (const raw of readFileSync(file, "utf8").split("\n")) {
      if (!raw.trim()) continue;
      const { text, lang } = JSON.parse(raw) as { text: string; lang: string };
      const clean = text.replace(/\s*\n\s*/g, " ");
      if (clean.length <= 200) lines.add(clean);
      const clauses = byLang.get(lang) ?? [];
      for (const c of clean.match(CLAUSE) ?? []) if (c.trim().length >= 2) clauses.push(c.trim());
      byLang.set(lang, clauses);
    }
  }
  const random = mulberry32(seed);
  const langs = [...byLang.keys()].sort();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  while (lines.size < size) {
    const clauses = byLang.get(pick(langs)) ?? [];
    const n = 1 + Math.floor(random() * 3);
    let line = "";
    for (let i = 0; i < n; i++) line += (line && /[a-z]$/i.test(line) ? " " : "") + pick(clauses);
    if (line.length >= 4 && line.length <= 160) lines.add(line);
  }
  return [...lines].slice(0, Math.max(size, lines.size));
}
