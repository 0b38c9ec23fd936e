import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./test-support/spawn-server.js";

describe("reliability: kill -9 mid-stream", () => {
  it("keeps every acknowledged message exactly once and finishes analysis after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-crash-"));
    const first = await spawnServer(dir);
    const { keys } = JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as { keys: Record<string, string> };
    const acked = new Map<string, string>(); // externalId → conversationId
    let sent = 0;
    let killed = false;
    const sender = async (worker: number) => {
      for (let round = 0; !killed; round++) {
        const messages = Array.from({ length: 50 }, (_, i) => ({
          externalId: `w${worker}-r${round}-m${i}`,
          conversationId: `conv-${worker}-${i % 5}`,
          customerId: `cust-${worker}`,
          channel: "chat",
          text: i % 2 ? `第${round}次了，快递还没到！` : `Order ${round}-${i} is late again, this is frustrating`,
        }));
        sent += messages.length;
        try {
          const res = await fetch(`${first.url}/api/v1/messages/batch`, {
            method: "POST",
            headers: { "x-api-key": keys.ingest as string, "content-type": "application/json" },
            body: JSON.stringify({ messages }),
          });
          if (res.status !== 201) continue;
          const body = (await res.json()) as { messages: Array<{ index: number; conversationId: string }> };
          for (const m of body.messages) acked.set(messages[m.index]?.externalId as string, m.conversationId);
        } catch {
          return; // the server died mid-request: that batch was never acknowledged
        }
      }
    };
    const workers = [0, 1, 2].map(sender);
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL");
    killed = true;
    await Promise.all(workers);
    expect(sent).toBeGreaterThan(acked.size); // some batches were in flight when it died

    const second = await spawnServer(dir);
    try {
      const seen = new Map<string, number>();
      const conversations = new Set(acked.values());
      let pending = 0;
      for (const id of conversations) {
        const res = await fetch(`${second.url}/api/v1/conversations/${id}`, {
          headers: { "x-api-key": keys.agent as string },
        });
        const conv = (await res.json()) as { messages: Array<{ externalId: string; analysisStatus: string }> };
        for (const m of conv.messages) {
          seen.set(m.externalId, (seen.get(m.externalId) ?? 0) + 1);
          if (m.analysisStatus === "pending") pending++;
        }
      }
      for (const externalId of acked.keys()) expect(seen.get(externalId), externalId).toBe(1);
      expect(pending).toBe(0);
    } finally {
      second.child.kill("SIGKILL");
    }
  }, 120_000);
});
