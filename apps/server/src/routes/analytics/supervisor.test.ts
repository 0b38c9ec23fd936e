import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../../test-support/test-server.js";
import { AgentsResponse, BreakResponse, SupervisorOverviewResponse, WellbeingResponse } from "./schemas.js";
import { ingestFixture } from "./test-support/analytics-fixture.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
const ids = new Map<string, string>();
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
  await ingestFixture(app, keys.a.ingest);
  const queue = (await get("/api/v1/queue?limit=100", keys.a.agent)).json().conversations as Array<{
    id: string;
    externalId: string;
  }>;
  for (const c of queue) ids.set(c.externalId, c.id);
});
afterAll(() => close());

const get = (url: string, key: string) => app.inject({ method: "GET", url, headers: { "x-api-key": key } });
const send = (method: "POST" | "PUT", url: string, key: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { "x-api-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe("the agent roster", () => {
  it("is kept by supervisors and read by everyone on staff", async () => {
    // The test server names each key after its role: the agent key is agent "agent".
    const put = await send("PUT", "/api/v1/agents/agent", keys.a.supervisor, { name: "陈静", team: "华东一组" });
    expect(put.statusCode).toBe(200);
    await send("PUT", "/api/v1/agents/lee", keys.a.admin, { name: "Lee Ka-ming", team: "香港組" });
    expect((await send("PUT", "/api/v1/agents/x", keys.a.agent, { name: "x" })).statusCode).toBe(403);
    expect((await send("PUT", "/api/v1/agents/x", keys.a.supervisor, { name: "" })).json().error.message).toMatch(
      /name/,
    );
    const list = AgentsResponse.parse((await get("/api/v1/agents", keys.a.agent)).json());
    expect(list.agents).toEqual([
      { id: "agent", name: "陈静", team: "华东一组" },
      { id: "lee", name: "Lee Ka-ming", team: "香港組" },
    ]);
    expect(AgentsResponse.parse((await get("/api/v1/agents", keys.b.supervisor)).json()).agents).toEqual([]);
  });
});

describe("GET /api/v1/supervisor/overview", () => {
  it("lists conversations at risk with reasons, and the queue by emotion with SLA breaches", async () => {
    const res = await get("/api/v1/supervisor/overview", keys.a.supervisor);
    expect(res.statusCode).toBe(200);
    const body = SupervisorOverviewResponse.parse(res.json());
    expect(body.openConversations).toBeGreaterThanOrEqual(9);
    expect(body.atRisk.length).toBeGreaterThan(0);
    const risks = body.atRisk.map((r) => r.escalationRisk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const t1 = body.atRisk.find((r) => r.conversationId === ids.get("t-1"));
    expect(t1).toMatchObject({ customer: "cust-t-1", channel: "chat" });
    expect(t1?.reasons.length).toBeGreaterThan(0);
    // t-8 waited six days for an answer: far past any SLA.
    const angryQueue = body.queueByEmotion.filter((q) => q.overSla > 0);
    expect(angryQueue.length).toBeGreaterThan(0);
    expect(Math.max(...body.queueByEmotion.map((q) => q.oldestWaitingMinutes))).toBeGreaterThan(60 * 24 * 5);
    expect(body.queueByEmotion.reduce((n, q) => n + q.open, 0)).toBe(body.openConversations);
    expect(body.alertsToday).toBeGreaterThan(0);
  });

  it("is open to agents but not to ingest keys", async () => {
    expect((await get("/api/v1/supervisor/overview", keys.a.agent)).statusCode).toBe(200);
    expect((await get("/api/v1/supervisor/overview", keys.a.ingest)).statusCode).toBe(403);
    const other = SupervisorOverviewResponse.parse((await get("/api/v1/supervisor/overview", keys.b.agent)).json());
    expect(other).toMatchObject({ atRisk: [], queueByEmotion: [], openConversations: 0 });
  });
});

describe("agent wellbeing", () => {
  it("suggests rotating an agent after abusive and very angry customers, from workload only", async () => {
    await send("POST", `/api/v1/conversations/${ids.get("t-4")}/assign`, keys.a.supervisor, { agent: "agent" });
    await send("POST", `/api/v1/conversations/${ids.get("t-5")}/assign`, keys.a.supervisor, { agent: "agent" });
    await send("POST", `/api/v1/conversations/${ids.get("t-7")}/assign`, keys.a.supervisor, { agent: "lee" });
    // The agent answers the abusive customer last.
    await send("POST", "/api/v1/messages", keys.a.ingest, {
      conversationId: "t-4",
      channel: "chat",
      speaker: "agent",
      text: "I understand you're upset. I'm looking at your refund right now.",
    });
    const body = WellbeingResponse.parse((await get("/api/v1/supervisor/wellbeing", keys.a.supervisor)).json());
    const me = body.agents.find((a) => a.agent === "agent");
    expect(me).toMatchObject({ name: "陈静", team: "华东一组", handledToday: 2, abusiveToday: 1 });
    expect(me?.hardInARow).toBeGreaterThanOrEqual(1);
    expect(me?.suggestion).not.toBe("ok");
    expect(me?.reasons.join(" ")).toMatch(/abusive/);
    // Lee's conversation is ten days old: nothing today.
    expect(body.agents.find((a) => a.agent === "lee")).toMatchObject({
      handledToday: 0,
      minutesSinceBreak: null,
      suggestion: "ok",
    });
  });

  it("shows an agent only their own wellbeing", async () => {
    const body = WellbeingResponse.parse((await get("/api/v1/supervisor/wellbeing", keys.a.agent)).json());
    expect(body.agents.map((a) => a.agent)).toEqual(["agent"]);
    expect((await get("/api/v1/supervisor/wellbeing", keys.a.ingest)).statusCode).toBe(403);
  });

  it("records breaks: supervisors for anyone on the roster, agents for themselves", async () => {
    const own = await send("POST", "/api/v1/agents/agent/break", keys.a.agent);
    expect(own.statusCode).toBe(201);
    expect(BreakResponse.parse(own.json())).toMatchObject({ agent: "agent", minutes: null });
    const body = WellbeingResponse.parse((await get("/api/v1/supervisor/wellbeing", keys.a.supervisor)).json());
    expect(body.agents.find((a) => a.agent === "agent")).toMatchObject({ hardInARow: 0, minutesSinceBreak: 0 });
    expect((await send("POST", "/api/v1/agents/lee/break", keys.a.agent)).statusCode).toBe(403);
    const byLead = await send("POST", "/api/v1/agents/lee/break", keys.a.supervisor, {
      at: "2026-03-02T10:00:00+08:00",
      minutes: 15,
    });
    expect(byLead.json()).toEqual({ agent: "lee", at: "2026-03-02T02:00:00.000Z", minutes: 15 });
    expect((await send("POST", "/api/v1/agents/nobody/break", keys.a.supervisor)).statusCode).toBe(404);
    const bad = await send("POST", "/api/v1/agents/lee/break", keys.a.supervisor, { minutes: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/minutes/);
    expect((await send("POST", "/api/v1/agents/lee/break", keys.b.supervisor)).statusCode).toBe(404);
  });
});

describe("supervisor views as CSV", () => {
  it("exports the conversations at risk and wellbeing with a BOM and a header row", async () => {
    const risk = await get("/api/v1/supervisor/overview?format=csv", keys.a.supervisor);
    expect(risk.headers["content-type"]).toMatch(/text\/csv/);
    expect(risk.body.charCodeAt(0)).toBe(0xfeff);
    const lines = risk.body.slice(1).trim().split("\r\n");
    expect(lines[0]).toMatch(/^conversation,customer,channel,escalation_risk/);
    expect(lines.length).toBe(
      1 +
        SupervisorOverviewResponse.parse((await get("/api/v1/supervisor/overview", keys.a.supervisor)).json()).atRisk
          .length,
    );
    const wellbeing = await get("/api/v1/supervisor/wellbeing?format=csv", keys.a.supervisor);
    expect(wellbeing.body.slice(1).split("\r\n")[0]).toMatch(/^agent,name,team,handled_today/);
    expect((await get("/api/v1/supervisor/wellbeing?format=xml", keys.a.supervisor)).statusCode).toBe(400);
  });
});
