/**
 * `npm run bench`: load time, throughput on one core, per-message latency and peak memory of the
 * text engine on a fixed set of ≥ 20,000 unique chat-length lines (zh-Hans, zh-Hant, yue, en, mixed).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBenchCorpus } from "./bench-corpus.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const loadStart = performance.now();
const { loadAnalyzer } = await import("../src/node/load-engine-data.js");
const analyzer = loadAnalyzer(process.env.ATTUNE_DATA_DIR ? { dataDir: process.env.ATTUNE_DATA_DIR } : {});
const loadMs = performance.now() - loadStart;

const lines = buildBenchCorpus(process.env.ATTUNE_CORPUS_DIR ?? join(here, "..", "..", "..", "corpus"));
const digest = createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);
const chars = lines.reduce((a, l) => a + l.length, 0);

for (let i = 0; i < 3000; i++) analyzer.analyze(lines[i % lines.length] as string);

const passes = 3;
const t0 = performance.now();
for (let p = 0; p < passes; p++) for (const line of lines) analyzer.analyze(line);
const seconds = (performance.now() - t0) / 1000;
const throughput = (passes * lines.length) / seconds;

const latencies = new Float64Array(lines.length);
for (let i = 0; i < lines.length; i++) {
  const s = process.hrtime.bigint();
  analyzer.analyze(lines[i] as string);
  latencies[i] = Number(process.hrtime.bigint() - s) / 1e6;
}
latencies.sort();
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] as number;
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(`attune text engine benchmark (node ${process.version}, one thread)`);
console.log(`corpus: ${lines.length} unique lines, mean ${(chars / lines.length).toFixed(1)} chars, sha256 ${digest}`);
console.log(`load time: ${loadMs.toFixed(0)} ms (lexicons, jieba dictionary, model weights)`);
console.log(`throughput: ${Math.round(throughput).toLocaleString("en")} messages/s (${passes} passes)`);
console.log(
  `latency: p50 ${(q(0.5) * 1000).toFixed(1)} µs, p99 ${(q(0.99) * 1000).toFixed(1)} µs, max ${(q(1) * 1000).toFixed(0)} µs`,
);
console.log(
  `peak memory (RSS): ${peakMb.toFixed(0)} MB for the process; ${(peakMb - baselineMb).toFixed(0)} MB above the ${baselineMb.toFixed(0)} MB the runtime (node + tsx) held before the engine loaded`,
);
