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

// Conversations and the coach: 30-turn conversations assembled from the written conversation set.
const { createCoach } = await import("../src/coach/create-coach.js");
const { readJsonlFolder } = await import("../src/node/read-jsonl-folder.js");
type BenchTurn = { speaker: "customer" | "agent" | "bot"; text: string };
const convDir = join(here, "..", "test-data", "conversations");
const allTurns: BenchTurn[] = readJsonlFolder<{ turns: BenchTurn[] }>(convDir).flatMap((c) =>
  c.turns.map(({ speaker, text }) => ({ speaker, text })),
);
const conversations: BenchTurn[][] = [];
for (let start = 0; start + 30 <= allTurns.length; start += 30) conversations.push(allTurns.slice(start, start + 30));
const coach = createCoach(analyzer);
const timeEach = (label: string, runs: number, f: (i: number) => unknown) => {
  for (let i = 0; i < Math.min(runs, 50); i++) f(i);
  const t = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    f(i);
    t[i] = Number(process.hrtime.bigint() - s) / 1e6;
  }
  t.sort();
  const mean = t.reduce((a, b) => a + b, 0) / runs;
  const p99 = t[Math.min(runs - 1, Math.floor(0.99 * runs))] as number;
  console.log(`${label}: mean ${mean.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${runs} runs)`);
};
const analyzedConversations = conversations.map((c) => analyzer.analyzeConversation(c));
timeEach("30-turn conversation analyzed", 2000, (i) =>
  analyzer.analyzeConversation(conversations[i % conversations.length] as BenchTurn[]),
);
timeEach("3 reply suggestions (conversation already analyzed)", 2000, (i) =>
  coach.suggestReplies(
    analyzedConversations[i % analyzedConversations.length] as ReturnType<typeof analyzer.analyzeConversation>,
  ),
);
timeEach("tone check of a draft (conversation already analyzed)", 2000, (i) =>
  coach.checkDraft(
    "这个没办法，您应该早点下单的，请耐心等待。订单JD20260312-8841明天一定到。",
    analyzedConversations[i % analyzedConversations.length] as ReturnType<typeof analyzer.analyzeConversation>,
  ),
);
