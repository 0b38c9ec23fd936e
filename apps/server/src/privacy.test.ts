import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./test-support/test-server.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let dbPath = "";
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, keys, dbPath, close } = await testServer());
});
afterAll(() => close());

const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, key: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { "x-api-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

/** Every text value in every table of the SQLite file. */
function dumpDatabase(path: string): string {
  const db = new Database(path, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  const out = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join("\n");
  db.close();
  return out;
}

describe("privacy, feedback and follow-ups", () => {
  it("erases one customer completely (checked by searching the database) and audits it", async () => {
    const secret = "Zhang-Wei-unique-7731";
    for (const [i, channel] of ["chat", "email", "social"].entries()) {
      await call("POST", "/api/v1/messages", keys.a.ingest, {
        customerId: secret,
        conversationId: `erase-${i}`,
        channel,
        text: `我是${secret}，第${i + 1}次投诉，退款还没到！`,
      });
    }
    await call("POST", "/api/v1/messages", keys.a.ingest, {
      customerId: "someone-else",
      conversationId: "keep",
      channel: "chat",
      text: "keep me please",
    });
    expect(dumpDatabase(dbPath)).toContain(secret);
    const res = await call("DELETE", `/api/v1/customers/${secret}`, keys.a.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ erased: true, messages: 3, conversations: 3 });
    expect(dumpDatabase(dbPath)).not.toContain(secret);
    expect(dumpDatabase(dbPath)).toContain("keep me please");
    const audit = (await call("GET", "/api/v1/audit", keys.a.admin)).json().entries as Array<{
      action: string;
      subject: string;
    }>;
    expect(audit.some((e) => e.action === "erase_customer" && !e.subject.includes(secret))).toBe(true);
    expect((await call("DELETE", `/api/v1/customers/${secret}`, keys.a.admin)).statusCode).toBe(404);
    expect((await call("DELETE", "/api/v1/customers/someone-else", keys.a.supervisor)).statusCode).toBe(403);
  });

  it("expires emotion data separately from the messages", async () => {
    await call("POST", "/api/v1/messages", keys.a.ingest, {
      conversationId: "old",
      channel: "chat",
      text: "I'm furious",
      at: "2020-01-01T00:00:00Z",
    });
    const res = await call("POST", "/api/v1/retention/expire", keys.a.admin, { olderThanDays: 365 });
    expect(res.json().expired).toBeGreaterThanOrEqual(1);
    const conv = (await call("GET", "/api/v1/queue?limit=500", keys.a.agent)).json();
    expect(conv).toBeDefined();
    const db = new Database(dbPath, { readonly: true });
    const row = db.prepare("SELECT text, analysis, skip_reason FROM messages WHERE text = ?").get("I'm furious") as {
      text: string;
      analysis: string | null;
      skip_reason: string;
    };
    db.close();
    expect(row).toEqual({ text: "I'm furious", analysis: null, skip_reason: "retention_expired" });
  });

  it("stores label corrections and exports them as a gold set for attune eval", async () => {
    const m = (
      await call("POST", "/api/v1/messages", keys.a.ingest, { channel: "chat", text: "呵呵，又延误了，真是太棒了" })
    ).json();
    const c = await call("POST", `/api/v1/messages/${m.id}/correction`, keys.a.agent, {
      emotion: "frustration",
      polarity: "negative",
    });
    expect(c.statusCode).toBe(201);
    expect(
      (await call("POST", `/api/v1/messages/${m.id}/correction`, keys.a.agent, { emotion: "grumpy" })).statusCode,
    ).toBe(400);
    expect(
      (await call("POST", `/api/v1/messages/${m.id}/correction`, keys.b.agent, { emotion: "anger" })).statusCode,
    ).toBe(404);
    const exported = await call("GET", "/api/v1/corrections/export", keys.a.supervisor);
    const lines = exported.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual({
      id: m.id,
      text: "呵呵，又延误了，真是太棒了",
      emotion: "frustration",
      polarity: "negative",
    });
    const audit = (await call("GET", "/api/v1/audit", keys.a.admin)).json().entries as Array<{ action: string }>;
    expect(audit.some((e) => e.action === "export_corrections")).toBe(true);
  });

  it("creates a follow-up when a conversation closes negative, and records whether the feeling recovered", async () => {
    const first = (
      await call("POST", "/api/v1/messages", keys.a.ingest, {
        customerId: "fu-1",
        conversationId: "fu-a",
        channel: "chat",
        text: "太失望了，质量太差，退货还要我自己出运费",
      })
    ).json();
    const closed = await call("POST", `/api/v1/conversations/${first.conversationId}/close`, keys.a.agent);
    expect(closed.json().followUp).toBe(true);
    const open = (await call("GET", "/api/v1/followups?status=open", keys.a.agent)).json().followUps as Array<{
      conversationId: string;
    }>;
    expect(open.some((f) => f.conversationId === first.conversationId)).toBe(true);
    await call("POST", "/api/v1/messages", keys.a.ingest, {
      customerId: "fu-1",
      conversationId: "fu-b",
      channel: "email",
      text: "新的收到了，质量很好，谢谢你们的处理！",
    });
    const done = (await call("GET", "/api/v1/followups?status=done", keys.a.agent)).json().followUps as Array<{
      conversationId: string;
      outcome: { recovered: boolean; note: string };
    }>;
    const f = done.find((x) => x.conversationId === first.conversationId);
    expect(f?.outcome.recovered).toBe(true);
    const history = (await call("GET", "/api/v1/customers/fu-1/history", keys.a.agent)).json();
    expect(history.contactsThisWeek).toBe(2);
    expect(history.channels.map((c: { channel: string }) => c.channel).sort()).toEqual(["chat", "email"]);
    expect(history.lastResolution.recovered).toBe(true);
    expect(history.timeline).toHaveLength(2);
  });

  it("counts repeat contacts across conversations into the priority", async () => {
    for (const i of [1, 2, 3]) {
      await call("POST", "/api/v1/messages", keys.a.ingest, {
        customerId: "repeat-1",
        conversationId: `rep-${i}`,
        channel: "chat",
        text: "My router still drops every evening.",
      });
    }
    const queue = (await call("GET", "/api/v1/queue?limit=500", keys.a.agent)).json().conversations as Array<{
      externalId: string;
      reasons: string[];
    }>;
    expect(queue.find((c) => c.externalId === "rep-3")?.reasons.join()).toMatch(/3rd contact this week/);
  });
});

describe("erasure reaches webhook deliveries too", () => {
  it("leaves no alert delivery naming an erased customer's conversation", async () => {
    await call("POST", "/api/v1/webhooks", keys.a.admin, { url: "http://127.0.0.1:9/unreachable" });
    const m = (
      await call("POST", "/api/v1/messages", keys.a.ingest, {
        customerId: "erase-with-hooks",
        conversationId: "hooked",
        channel: "chat",
        text: "Kowalski-unique-5521 here: I'm reporting you to the regulator and filing a chargeback!",
      })
    ).json();
    expect(dumpDatabase(dbPath)).toContain(m.conversationId);
    await call("DELETE", "/api/v1/customers/erase-with-hooks", keys.a.admin);
    const dump = dumpDatabase(dbPath);
    expect(dump).not.toContain(m.conversationId);
    expect(dump).not.toContain("Kowalski-unique-5521");
  });
});
