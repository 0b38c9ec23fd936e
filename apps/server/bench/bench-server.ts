/**
 * Server benchmark (`npm run bench`): batch ingest + analyze + store throughput on SQLite (and
 * PostgreSQL when DATABASE_URL is set), live analysis latency at 100 concurrent connections
 * (autocannon), and how fast an alert reaches the supervisor stream.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

/** The server runs in its own process (as in production), so the load generator does not share its core. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve"], {
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

async function run(label: string, databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "attune-bench-"));
  const { child, base } = await startServer({
    PORT: "0",
    ATTUNE_DB_PATH: join(dir, "attune.db"),
    ATTUNE_SEED_DEMO: "false",
    ATTUNE_LOG_LEVEL: "error",
    ATTUNE_RATE_LIMIT_PER_MINUTE: "100000000",
    DATABASE_URL: databaseUrl ?? "",
  });
  const { keys } = JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as { keys: Record<Role, string> };

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

  // 2. Live analysis at 100 concurrent connections.
  const analyzeLoad = (duration: number) =>
    autocannon({
      url: `${base}/api/v1/analyze`,
      connections: 100,
      duration,
      method: "POST",
      headers: { "x-api-key": keys.agent, "content-type": "application/json" },
      body: JSON.stringify({ text: "第三次联系你们了，快递还是没到，再不处理我就投诉！" }),
    });
  await analyzeLoad(2); // warm-up: steady state is what is measured
  const result = await analyzeLoad(8);
  console.log(
    `${label}: POST /api/v1/analyze, 100 connections: ${Math.round(result.requests.average).toLocaleString("en")} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
  );

  // 3. Alert latency: acknowledged message → alert on the supervisor stream.
  const latencies: number[] = [];
  let waiting: { resolve: () => void } | undefined;
  const req = request(`${base}/api/v1/stream?supervisor=true`, { headers: { "x-api-key": keys.supervisor } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      if (chunk.includes("event: alert")) waiting?.resolve();
    });
  });
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
  child.kill("SIGTERM");
}

await run("SQLite");
if (process.env.DATABASE_URL) await run("PostgreSQL", process.env.DATABASE_URL);
else console.log("PostgreSQL: skipped (set DATABASE_URL to measure it)");
