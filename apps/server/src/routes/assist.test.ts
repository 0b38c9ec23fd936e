import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../test-support/test-server.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
let conversation: string;

const call = (method: "GET" | "POST", url: string, key: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { "x-api-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

beforeAll(async () => {
  ({ app, keys, close } = await testServer());
  const res = await call("POST", "/api/v1/messages", keys.a.ingest, {
    conversationId: "assist-1",
    customerId: "cust-assist",
    channel: "chat",
    text: "My parcel is lost AGAIN, third time I'm writing! This is ridiculous.",
  });
  conversation = res.json().conversationId;
});
afterAll(() => close());

describe("agent assist endpoints", () => {
  it("checks a draft: flags with spans and reasons, an empathy score, and a rewrite without them", async () => {
    const res = await call("POST", `/api/v1/conversations/${conversation}/check-draft`, keys.a.agent, {
      draft: "Calm down. There's nothing I can do.",
    });
    expect(res.statusCode).toBe(200);
    const check = res.json();
    const types = check.flags.map((f: { type: string }) => f.type);
    expect(types).toEqual(expect.arrayContaining(["dismissal", "absolute_refusal"]));
    const dismissal = check.flags.find((f: { type: string }) => f.type === "dismissal");
    expect("Calm down. There's nothing I can do.".slice(dismissal.start, dismissal.end)).toBe(dismissal.text);
    expect(check.empathy.score).toBeLessThan(40);
    expect(check.rewrite).not.toMatch(/calm down/i);
    const empty = await call("POST", `/api/v1/conversations/${conversation}/check-draft`, keys.a.agent, { draft: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/draft/);
    const missing = await call("POST", "/api/v1/conversations/nope/check-draft", keys.a.agent, { draft: "Hi" });
    expect(missing.statusCode).toBe(404);
  });

  it("sends an agent's reply into the conversation, and keeps other tenants out", async () => {
    const res = await call("POST", `/api/v1/conversations/${conversation}/reply`, keys.a.agent, {
      text: "I'm so sorry. I've reissued your parcel; it arrives tomorrow by 6 pm.",
    });
    expect(res.statusCode).toBe(201);
    const got = (await call("GET", `/api/v1/conversations/${conversation}`, keys.a.agent)).json();
    expect(got.messages.at(-1)).toMatchObject({ speaker: "agent", meta: { agent: "agent" } });
    expect(got.customer).toMatchObject({ externalId: "cust-assist" });
    const other = await call("POST", `/api/v1/conversations/${conversation}/reply`, keys.b.agent, { text: "hi" });
    expect(other.statusCode).toBe(404);
    const ingestOnly = await call("POST", `/api/v1/conversations/${conversation}/reply`, keys.a.ingest, { text: "x" });
    expect(ingestOnly.statusCode).toBe(403);
  });

  it("creates a follow-up by hand once, and closes it with its outcome", async () => {
    const created = await call("POST", `/api/v1/conversations/${conversation}/followups`, keys.a.agent, {
      reason: "call back tomorrow",
    });
    expect(created.statusCode).toBe(201);
    const again = await call("POST", `/api/v1/conversations/${conversation}/followups`, keys.a.agent, {});
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/already has an open follow-up/);
    const closed = await call("POST", `/api/v1/followups/${created.json().id}/close`, keys.a.agent, {
      recovered: true,
    });
    expect(closed.json()).toMatchObject({ status: "done", outcome: { recovered: true, note: "closed by agent" } });
    const twice = await call("POST", `/api/v1/followups/${created.json().id}/close`, keys.a.agent, { recovered: true });
    expect(twice.statusCode).toBe(404);
    const got = (await call("GET", `/api/v1/conversations/${conversation}`, keys.a.agent)).json();
    expect(got.followUps).toHaveLength(1);
  });
});
