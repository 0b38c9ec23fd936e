/**
 * Server benchmark (`npm run bench`): batch ingest + analyze + store throughput on SQLite (and
 * PostgreSQL when DATABASE_URL is set), live analysis latency at 100 concurrent connections
 * (autocannon), and how fast an alert reaches the supervisor stream.
 *
 * `--only=ingest,analyze,alert` picks sections; `--runs=N` repeats the live-analysis measurement
 * (default 1) on the same warmed server; `--workers=1,2` lists the server process counts (ATTUNE_WORKERS) the
 * live analysis is measured with (default both); `--cpu-prof=DIR` writes the server's CPU profile there.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Role } from "@attune/core";
import autocannon from "autocannon";

const BIN = fileURLToPath(new URL("../../cli/bin/attune.mjs", import.meta.url));
const TEXTS = [
  "第三次联系你们了，快递还是没到，到底怎么回事？",
  "客服态度很好，问题很快就解决了，谢谢！",
  "呢個 refund 到底幾時搞掂？等咗成個禮拜",
  "我的訂單已經延遲一個禮拜了，真的很扯",
  "My order is two weeks late and nobody answers my emails.",
  "Thanks so much, the replacement arrived and works perfectly!",
  "Could you tell me when my subscription renews?",
  "I was charged twice this month, please fix it asap",
];

const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: "ingest,analyze,alert" },
    runs: { type: "string", default: "1" },
    workers: { type: "string", default: "1,2" },
    "cpu-prof": { type: "string" },
  },
});
const sections = new Set(args.only.split(","));
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, found ${args.runs}`);
const workerCounts = args.workers.split(",").map(Number);
if (workerCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error(`--workers: expected a comma-separated list of positive integers, found ${args.workers}`);
}

/** Live-analysis load: closed loop (each connection sends its next request when the answer arrives). */
const LOAD = { connections: 100, pipelining: 1, warmupSeconds: 3, seconds: 8 };
// A mix of languages, lengths and emotions, so no single text's path (or a cache) decides the numbers.
const ANALYZE_BODIES = [...TEXTS, "第三次联系你们了，快递还是没到，再不处理我就投诉！"].map((text) =>
  JSON.stringify({ text }),
);

/** CPU seconds (user + system) a process and its children (cluster workers) have used so far; undefined without /proc. */
function cpuSeconds(pid: number | undefined): number | undefined {
  const own = (id: number | string | undefined) => {
    const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]?.split(" ");
    return (Number(fields?.[11]) + Number(fields?.[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  };
  try {
    let children: string[] = [];
    try {
      children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean);
    } catch {
      // pgrep exits 1 when there are no children
    }
    return own(pid) + children.reduce((sum, c) => sum + own(c), 0);
  } catch {
    return undefined;
  }
}

/** The server runs in its own process (as in production), so the load generator does not share its core. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const profile = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${args["cpu-prof"]}`] : [];
    const child = spawn(process.execPath, [...profile, BIN, "serve"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolve({ child, base: m[1] });
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function run(label: string, databaseUrl?: string, workers = 1, only: ReadonlySet<string> = sections) {
  const dir = mkdtempSync(join(tmpdir(), "attune-bench-"));
  const { child, base } = await startServer({
    ATTUNE_WORKERS: String(workers),
    PORT: "0",
    ATTUNE_DB_PATH: join(dir, "attune.db"),
    ATTUNE_SEED_DEMO: "false",
    ATTUNE_LOG_LEVEL: "error",
    ATTUNE_RATE_LIMIT_PER_MINUTE: "100000000",
    DATABASE_URL: databaseUrl ?? "",
  });
  const { keys } = JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as { keys: Record<Role, string> };

  if (only.has("ingest")) {
    // 1. Batch ingest: 20 batches of 1,000 messages over 2,000 conversations.
    const batches = 20;
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const messages = Array.from({ length: 1000 }, (_, i) => ({
        externalId: `${label}-${b}-${i}`,
        conversationId: `c-${(b * 1000 + i) % 2000}`,
        customerId: `u-${i % 500}`,
        channel: "chat",
        speaker: i % 4 === 3 ? "agent" : "customer",
        text: `${TEXTS[i % TEXTS.length]} (#${b}-${i})`,
      }));
      const res = await fetch(`${base}/api/v1/messages/batch`, {
        method: "POST",
        headers: { "x-api-key": keys.ingest, "content-type": "application/json" },
        body: JSON.stringify({ messages }),
      });
      if (res.status !== 201) throw new Error(`batch ${b}: ${res.status} ${await res.text()}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `${label}: batch ingest + analyze + store: ${Math.round((batches * 1000) / seconds).toLocaleString("en")} messages/s (${batches} × 1,000)`,
    );
  }

  // 2. Live analysis at 100 concurrent connections.
  if (only.has("analyze")) {
    const load = (extra: Record<string, unknown>) =>
      autocannon({
        url: `${base}/api/v1/analyze`,
        connections: LOAD.connections,
        pipelining: LOAD.pipelining,
        method: "POST",
        headers: { "x-api-key": keys.agent, "content-type": "application/json" },
        requests: ANALYZE_BODIES.map((body) => ({ body })),
        ...extra,
      });
    console.log(
      `${label}: POST /api/v1/analyze settings: server in its own process (pid ${child.pid}${workers > 1 ? `, ${workers} workers` : ""}), autocannon in the bench process, ${LOAD.connections} connections, pipelining ${LOAD.pipelining}, ${ANALYZE_BODIES.length} bodies in rotation (${Math.min(...ANALYZE_BODIES.map((b) => b.length))}–${Math.max(...ANALYZE_BODIES.map((b) => b.length))} bytes), ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s measured × ${runs}`,
    );
    await load({ duration: LOAD.warmupSeconds }); // steady state is what is measured
    for (let r = 1; r <= runs; r++) {
      const cpu0 = cpuSeconds(child.pid);
      const own0 = process.cpuUsage();
      const result = await load({ duration: LOAD.seconds });
      const cpu1 = cpuSeconds(child.pid);
      const own = process.cpuUsage(own0);
      const completed = result.requests.total;
      const perSecond = completed / LOAD.seconds;
      const cpu =
        cpu0 !== undefined && cpu1 !== undefined
          ? `, server CPU ${Math.round(((cpu1 - cpu0) / LOAD.seconds) * 100)}% of a core, ${Math.round(((cpu1 - cpu0) / completed) * 1e6)} µs per request, load generator ${Math.round(((own.user + own.system) / 1e6 / LOAD.seconds) * 100)}%`
          : "";
      // Little's law: at saturation the mean latency is connections ÷ throughput, i.e. time spent queued.
      console.log(
        `${label}: POST /api/v1/analyze, ${LOAD.connections} connections, run ${r}: ${Math.round(perSecond).toLocaleString("en")} req/s, latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, mean ${result.latency.average.toFixed(1)} ms (${LOAD.connections} ÷ req/s = ${((LOAD.connections / perSecond) * 1000).toFixed(1)} ms)${cpu}, errors ${result.errors + result.non2xx}`,
      );
    }
    // Fewer connections: the latency of the work itself, with (almost) no queue in front of it.
    const few = await load({ duration: LOAD.seconds, connections: 4 });
    console.log(
      `${label}: POST /api/v1/analyze, 4 connections: ${Math.round(few.requests.total / LOAD.seconds).toLocaleString("en")} req/s, latency p50 ${few.latency.p50} ms, p99 ${few.latency.p99} ms, errors ${few.errors + few.non2xx}`,
    );
  }

  if (only.has("alert")) {
    // 3. Alert latency: acknowledged message → alert on the supervisor stream.
    const latencies: number[] = [];
    let waiting: { resolve: () => void } | undefined;
    const req = request(
      `${base}/api/v1/stream?supervisor=true`,
      { headers: { "x-api-key": keys.supervisor } },
      (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (chunk.includes("event: alert")) waiting?.resolve();
        });
      },
    );
    req.end();
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 20; i++) {
      const arrived = new Promise<void>((resolve) => {
        waiting = { resolve };
      });
      const res = await fetch(`${base}/api/v1/messages`, {
        method: "POST",
        headers: { "x-api-key": keys.ingest, "content-type": "application/json" },
        body: JSON.stringify({ conversationId: `alert-${i}`, channel: "chat", text: "再不退款我就打12315投诉你们！" }),
      });
      const acked = performance.now();
      await res.json();
      await arrived;
      latencies.push(performance.now() - acked);
    }
    req.destroy();
    latencies.sort((a, b) => a - b);
    console.log(
      `${label}: alert on the stream after the acknowledgment: median ${latencies[10]?.toFixed(1)} ms, max ${latencies[19]?.toFixed(1)} ms (20 alerts)`,
    );
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited; // a profile, if asked for, is written on the way out
}

await run("SQLite", undefined, workerCounts[0]);
// Live analysis again with more server processes (ATTUNE_WORKERS): one event loop is the limit at 100 connections.
if (sections.has("analyze")) {
  for (const n of workerCounts.slice(1)) await run(`SQLite, ${n} workers`, undefined, n, new Set(["analyze"]));
}
if (process.env.DATABASE_URL) await run("PostgreSQL", process.env.DATABASE_URL);
else console.log("PostgreSQL: skipped (set DATABASE_URL to measure it)");
