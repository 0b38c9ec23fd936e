import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ATTUNE_BIN, spawnServer } from "./test-support/spawn-server.js";

/** GET over a fresh connection (no keep-alive), so the cluster hands each one to the next worker. */
function getFresh(url: string): Promise<{ worker: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { connection: "close" }, agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve(JSON.parse(body) as { worker: number }));
    })
      .on("error", reject)
      .end();
  });
}

// The forked workers (tsx may have an esbuild helper process of its own beside them).
const childrenOf = (pid: number) => {
  try {
    return execFileSync("pgrep", ["-P", String(pid), "-f", "attune.mjs"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};

describe("ATTUNE_WORKERS: several processes behind one port", () => {
  it("serves from every worker, streams alerts stored by another worker, and goes away with its primary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-cluster-"));
    const { child, url } = await spawnServer(dir, { ATTUNE_WORKERS: "2" });
    const pid = child.pid as number;
    try {
      const { keys } = JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as {
        keys: Record<string, string>;
      };
      const seen = new Set<number>();
      for (let i = 0; i < 6; i++) seen.add((await getFresh(`${url}/health`)).worker);
      expect([...seen].sort()).toEqual([0, 1]);

      // The supervisor stream sits on one worker; messages arrive on fresh connections, so on both.
      const alerts: string[] = [];
      const stream = request(
        `${url}/api/v1/stream?supervisor=true`,
        { headers: { "x-api-key": keys.supervisor as string } },
        (res) => {
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            for (const m of chunk.matchAll(/"conversationId":"([^"]+)"/g))
              if (chunk.includes("event: alert")) alerts.push(m[1] as string);
          });
        },
      );
      stream.end();
      await new Promise((r) => setTimeout(r, 300));
      const conversations: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${url}/api/v1/messages`, {
          method: "POST",
          headers: { "x-api-key": keys.ingest as string, "content-type": "application/json", connection: "close" },
          body: JSON.stringify({ conversationId: `cl-${i}`, channel: "chat", text: "再不退款我就打12315投诉你们！" }),
        });
        expect(res.status).toBe(201);
        conversations.push(((await res.json()) as { conversationId: string }).conversationId);
      }
      const deadline = Date.now() + 5000;
      while (conversations.some((c) => !alerts.includes(c)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      stream.destroy();
      expect(conversations.filter((c) => !alerts.includes(c))).toEqual([]);

      // kill -9 of the primary: its workers notice the lost channel and exit, leaving no orphan behind.
      const workers = childrenOf(pid);
      expect(workers).toHaveLength(2);
      child.kill("SIGKILL");
      const gone = Date.now() + 10_000;
      const alive = () =>
        workers.filter((w) => {
          try {
            process.kill(Number(w), 0);
            return true;
          } catch {
            return false;
          }
        });
      while (alive().length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      expect(alive()).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);

  it("fails with the worker's reason, instead of hanging, when a worker cannot start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-cluster-busy-"));
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, [ATTUNE_BIN, "serve"], {
        env: { ...process.env, PORT: String(port), ATTUNE_WORKERS: "2", ATTUNE_DB_PATH: join(dir, "attune.db") },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let err = "";
      child.stderr?.on("data", (d) => {
        err += d;
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(err).toContain("worker 0 could not start");
      expect(err).toContain("EADDRINUSE");
      expect(childrenOf(child.pid as number)).toEqual([]);
    } finally {
      busy.close();
    }
  }, 90_000);
});
