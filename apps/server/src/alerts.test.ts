import { checkWaitingSla } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./test-support/test-server.js";

let app: FastifyInstance;
let store: Awaited<ReturnType<typeof testServer>>["store"];
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, store, keys, close } = await testServer({ ATTUNE_RATE_LIMIT_PER_MINUTE: "40" }));
});
afterAll(() => close());

const call = (method: "GET" | "POST" | "PUT", url: string, key: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { "x-api-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

async function alertsOf(tenantKey: string): Promise<Array<{ kind: string; reason: string; conversationId: string }>> {
  const tenantId = (await store.findApiKey((await import("./auth.js")).hashKey(tenantKey)))?.tenantId as string;
  return (await store.listEvents(tenantId, ["supervisor"], 0, 1000))
    .filter((e) => e.type === "alert")
    .map((e) => e.payload as { kind: string; reason: string; conversationId: string });
}

describe("alert rules and SLA alerts", () => {
  it("alerts once when an angry customer waits past the emotion-dependent SLA", async () => {
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    const res = await call("POST", "/api/v1/messages", keys.a.ingest, {
      conversationId: "sla-1",
      channel: "chat",
      text: "WHERE IS MY REFUND?! This is outrageous!!!",
      at: twentyMinutesAgo,
    });
    const calm = await call("POST", "/api/v1/messages", keys.a.ingest, {
      conversationId: "sla-calm",
      channel: "chat",
      text: "Hi, what are your opening hours?",
      at: twentyMinutesAgo,
    });
    expect(await checkWaitingSla(store, new Date())).toContain(
      (await store.getConversation((await alertsTenant()).id, res.json().conversationId))?.tenantId,
    );
    const alerts = (await alertsOf(keys.a.ingest)).filter((a) => a.kind === "waiting_past_sla");
    expect(alerts.map((a) => a.conversationId)).toEqual([res.json().conversationId]);
    expect(alerts[0]?.reason).toMatch(/waiting 20 min \(SLA 5 min\)/);
    expect(alerts.some((a) => a.conversationId === calm.json().conversationId)).toBe(false);
    await checkWaitingSla(store, new Date());
    expect((await alertsOf(keys.a.ingest)).filter((a) => a.kind === "waiting_past_sla")).toHaveLength(1);
  });

  it("lets an operator change the rules per tenant", async () => {
    expect((await call("GET", "/api/v1/settings/alert-rules", keys.b.agent)).json().escalationThreat).toBe(true);
    expect((await call("PUT", "/api/v1/settings/alert-rules", keys.b.agent, { abuse: false })).statusCode).toBe(403);
    const put = await call("PUT", "/api/v1/settings/alert-rules", keys.b.supervisor, {
      escalationThreat: false,
      highIntensity: 0.99,
    });
    expect(put.json()).toMatchObject({ escalationThreat: false, highIntensity: 0.99, abuse: true });
    await call("POST", "/api/v1/messages", keys.b.ingest, {
      conversationId: "rules-1",
      channel: "chat",
      text: "再不退款我就打12315投诉你们",
    });
    expect((await alertsOf(keys.b.ingest)).some((a) => a.kind === "escalation_threat")).toBe(false);
    expect(
      (await call("PUT", "/api/v1/settings/alert-rules", keys.b.supervisor, { highIntensity: 7 })).statusCode,
    ).toBe(400);
  });

  it("answers 429 with the wait when a key goes over its rate limit", async () => {
    let last = 0;
    let body = "";
    for (let i = 0; i < 60 && last !== 429; i++) {
      const res = await call("GET", "/api/v1/queue", keys.a.agent);
      last = res.statusCode;
      body = res.body;
    }
    expect(last).toBe(429);
    expect(JSON.parse(body).error).toMatchObject({ code: "rate_limited" });
    expect(JSON.parse(body).error.message).toMatch(/at most 40 requests a minute per key; retry in \d+ s/);
    // Per key: the same key again is still limited, another key of the same tenant is not.
    expect((await call("GET", "/api/v1/queue", keys.a.agent)).statusCode).toBe(429);
    expect((await call("GET", "/api/v1/queue", keys.a.supervisor)).statusCode).toBe(200);
  });
});

async function alertsTenant() {
  const { hashKey } = await import("./auth.js");
  return { id: (await store.findApiKey(hashKey(keys.a.ingest)))?.tenantId as string };
}
