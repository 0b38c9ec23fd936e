import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { testServer } from "./test-support/test-server.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
});
afterAll(() => close());

const post = (url: string, key: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url,
    headers: { "x-api-key": key, "content-type": "application/json", ...headers },
    payload: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
const get = (url: string, key: string) => app.inject({ method: "GET", url, headers: { "x-api-key": key } });

describe("API: ingestion and analysis", () => {
  it("stores and analyzes one message, and a retry with the same key is not stored twice", async () => {
    const body = {
      externalId: "msg-1",
      conversationId: "c-1",
      customerId: "u-1",
      channel: "chat",
      text: "第三次问了，退款到底什么时候到？再不处理我就投诉到12315",
    };
    const first = await post("/api/v1/messages", keys.a.ingest, body);
    expect(first.statusCode).toBe(201);
    const ack = first.json();
    expect(ack.duplicate).toBe(false);
    expect(ack.analysis.polarity).toBe("negative");
    expect(ack.analysis.signals.escalationThreat.present).toBe(true);
    const retry = await post("/api/v1/messages", keys.a.ingest, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: ack.id, duplicate: true });
    const conv = await get(`/api/v1/conversations/${ack.conversationId}`, keys.a.agent);
    expect(conv.json().messages).toHaveLength(1);
    expect(conv.json().state.priority.reasons.join()).toMatch(/12315/);
  });

  it("takes batches of up to 1,000, idempotently", async () => {
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `b-${i}`,
      conversationId: `batch-${i % 50}`,
      customerId: `cust-${i % 50}`,
      channel: i % 2 ? "email" : "chat",
      speaker: i % 3 === 0 ? "agent" : "customer",
      text: i % 2 ? `Order #${1000 + i} still not here, this is frustrating` : `谢谢，问题解决了 ${i}`,
    }));
    const res = await post("/api/v1/messages/batch", keys.a.ingest, { messages });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stored: 1000, duplicates: 0 });
    const again = await post("/api/v1/messages/batch", keys.a.ingest, { messages: messages.slice(0, 10) });
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 10 });
    const tooMany = await post("/api/v1/messages/batch", keys.a.ingest, { messages: [...messages, messages[0]] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/at most 1,000 messages/);
  });

  it("analyzes live without storing", async () => {
    const res = await post("/api/v1/analyze", keys.a.agent, { text: "Thank you so much, that fixed it!" });
    expect(res.statusCode).toBe(200);
    expect(res.json().polarity).toBe("positive");
  });

  it("reads a message as its channel says: a public post leans on the lexicons", async () => {
    const text = "Where is everyone watching the game tonight?";
    const analyzeText = (body: object) => post("/api/v1/analyze", keys.a.agent, body);
    const chat = (await analyzeText({ text, channel: "chat" })).json();
    const social = (await analyzeText({ text, channel: "social" })).json();
    expect((await analyzeText({ text })).json()).toEqual(chat);
    // Same words, same evidence; only how far the model is trusted differs.
    expect(social.evidence).toEqual(chat.evidence);
    expect(social.score).not.toBe(chat.score);
  });

  it("orders the queue by priority with reasons, and assigns", async () => {
    await post("/api/v1/messages", keys.a.ingest, {
      conversationId: "calm",
      channel: "chat",
      text: "Hi, what time do you open on Sunday?",
    });
    await post("/api/v1/messages", keys.a.ingest, {
      conversationId: "angry",
      channel: "chat",
      text: "FOURTH time asking!!! I'm filing a chargeback and reporting you to the BBB",
    });
    const queue = (await get("/api/v1/queue?limit=500", keys.a.agent)).json().conversations as Array<{
      externalId: string;
      priority: number;
      reasons: string[];
      id: string;
    }>;
    const angry = queue.findIndex((c) => c.externalId === "angry");
    const calm = queue.findIndex((c) => c.externalId === "calm");
    expect(angry).toBeLessThan(calm);
    expect(queue[angry]?.reasons.length).toBeGreaterThan(0);
    const assign = await post(`/api/v1/conversations/${queue[angry]?.id}/assign`, keys.a.agent, { agent: "alice" });
    expect(assign.json()).toEqual({ id: queue[angry]?.id, assignedTo: "alice" });
    const suggestions = await get(`/api/v1/conversations/${queue[angry]?.id}/suggestions`, keys.a.agent);
    expect(suggestions.json().replies).toHaveLength(3);
  });

  it("stores but does not analyze a customer who withdrew consent, and says why", async () => {
    const consent = await app.inject({
      method: "PUT",
      url: "/api/v1/customers/private-1/consent",
      headers: { "x-api-key": keys.a.supervisor, "content-type": "application/json" },
      payload: JSON.stringify({ text: false }),
    });
    expect(consent.statusCode).toBe(200);
    expect(consent.json().consent.text).toBe(false);
    const res = await post("/api/v1/messages", keys.a.ingest, {
      customerId: "private-1",
      channel: "chat",
      text: "I'm furious about this",
    });
    expect(res.json()).toMatchObject({ analysis: null, analysisStatus: "skipped" });
    const stored = (await get(`/api/v1/messages/${res.json().id}`, keys.a.agent)).json();
    expect(stored).toMatchObject({
      text: "I'm furious about this",
      analysisStatus: "skipped",
      skipReason: "consent_withdrawn",
    });
  });
});

describe("API: keys, roles and tenants", () => {
  it("refuses a missing or wrong key, and a role without the permission", async () => {
    expect((await app.inject({ method: "GET", url: "/api/v1/queue" })).json().error.code).toBe("unauthorized");
    expect((await get("/api/v1/queue", "atn_nope")).statusCode).toBe(401);
    const ingestReads = await get("/api/v1/queue", keys.a.ingest);
    expect(ingestReads.statusCode).toBe(403);
    expect(ingestReads.json().error.message).toMatch(/ingest role may not read/);
    expect((await post("/api/v1/messages", keys.a.agent, { channel: "chat", text: "x" })).statusCode).toBe(403);
  });

  it("never shows one tenant's data to another", async () => {
    const res = await post("/api/v1/messages", keys.a.ingest, {
      conversationId: "secret",
      channel: "chat",
      text: "my secret complaint",
    });
    const { id, conversationId } = res.json();
    expect((await get(`/api/v1/messages/${id}`, keys.b.admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/conversations/${conversationId}`, keys.b.admin)).statusCode).toBe(404);
    const queueB = (await get("/api/v1/queue?limit=500", keys.b.admin)).json().conversations as Array<{ id: string }>;
    expect(queueB.some((c) => c.id === conversationId)).toBe(false);
    expect(
      (await post(`/api/v1/conversations/${conversationId}/assign`, keys.b.admin, { agent: "mallory" })).statusCode,
    ).toBe(404);
  });
});

describe("API: bad input gets a clear 4xx and the server keeps serving", () => {
  const cases: Array<
    [
      string,
      () => Promise<{ statusCode: number; json: () => { error: { code: string; message: string } } }>,
      number,
      RegExp,
    ]
  > = [
    [
      "malformed JSON",
      () => post("/api/v1/messages", keys.a.ingest, '{"channel": "chat", "text": '),
      400,
      /expected valid JSON/,
    ],
    ["empty body", () => post("/api/v1/messages", keys.a.ingest, ""), 400, /empty/],
    ["wrong type", () => post("/api/v1/messages", keys.a.ingest, { channel: "chat", text: 42 }), 400, /text/],
    [
      "unknown field",
      () => post("/api/v1/messages", keys.a.ingest, { channel: "chat", text: "hi", sentiment: "happy" }),
      400,
      /sentiment|[Uu]nrecognized/,
    ],
    ["unknown channel", () => post("/api/v1/messages", keys.a.ingest, { channel: "fax", text: "hi" }), 400, /channel/],
    [
      "empty text",
      () => post("/api/v1/messages", keys.a.ingest, { channel: "chat", text: "   " }),
      400,
      /empty string/,
    ],
    [
      "bad time",
      () => post("/api/v1/messages", keys.a.ingest, { channel: "chat", text: "hi", at: "yesterday" }),
      400,
      /at/,
    ],
    [
      "invalid UTF-8",
      () =>
        post(
          "/api/v1/messages",
          keys.a.ingest,
          Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        ),
      400,
      /UTF-8/,
    ],
    [
      "10 MB body",
      () =>
        post(
          "/api/v1/messages",
          keys.a.ingest,
          JSON.stringify({ channel: "chat", text: "x".repeat(10 * 1024 * 1024) }),
        ),
      413,
      /large/,
    ],
    [
      "not JSON",
      () => post("/api/v1/messages", keys.a.ingest, "hello", { "content-type": "text/plain" }),
      415,
      /content|media|type/i,
    ],
    ["unknown route", () => get("/api/v1/nope", keys.a.agent), 404, /no route/],
    ["bad language", () => post("/api/v1/analyze", keys.a.agent, { text: "hi", lang: "klingon" }), 400, /lang/],
    ["bad channel", () => post("/api/v1/analyze", keys.a.agent, { text: "hi", channel: "fax" }), 400, /channel/],
  ];
  for (const [name, send, status, message] of cases) {
    it(`${name} → ${status}`, async () => {
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(message);
      expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    });
  }
});

describe("API: OpenAPI and configuration", () => {
  it("serves an OpenAPI document generated from the request schemas", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const schema = doc.paths["/api/v1/messages"].post.requestBody.content["application/json"].schema;
    expect(schema.properties.channel.enum).toContain("email");
    expect(schema.additionalProperties).toBe(false);
  });

  it("stops the start on a bad setting, naming it", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty", ATTUNE_REDACT_PII: "maybe" })).toThrow(/PORT[\s\S]*ATTUNE_REDACT_PII/);
    expect(loadConfig({}).sqlitePath).toBe("./data/attune.db");
  });
});

describe("API: PII redaction before storage", () => {
  it("stores phone numbers, e-mails, ID and card numbers redacted when enabled, and leaves order numbers alone", async () => {
    const redacting = await testServer({ ATTUNE_REDACT_PII: "true" });
    try {
      const res = await redacting.app.inject({
        method: "POST",
        url: "/api/v1/messages",
        headers: { "x-api-key": redacting.keys.a.ingest, "content-type": "application/json" },
        payload: JSON.stringify({
          channel: "chat",
          text: "我的手机是138 1234 5678，邮箱 wang.li@example.com，订单JD20260312-8841还没到！",
        }),
      });
      const viaApi = await redacting.app.inject({
        method: "GET",
        url: `/api/v1/messages/${res.json().id}`,
        headers: { "x-api-key": redacting.keys.a.agent },
      });
      const text = viaApi.json().text as string;
      expect(text).toContain("[PHONE]");
      expect(text).toContain("[EMAIL]");
      expect(text).toContain("JD20260312-8841");
      expect(text).not.toMatch(/138 1234 5678|wang\.li@example\.com/);
    } finally {
      await redacting.close();
    }
  });
});

describe("API: file import", () => {
  const upload = (channel: string, filename: string, body: string | Buffer, type = "message/rfc822") =>
    app.inject({
      method: "POST",
      url: `/api/v1/import/${channel}?filename=${encodeURIComponent(filename)}`,
      headers: { "x-api-key": keys.a.ingest, "content-type": type },
      payload: body,
    });

  it("imports an e-mail, keeping the customer's new words and leaving quoted history out", async () => {
    const eml = [
      "From: Li Wei <li.wei@example.com>",
      "To: support@shop.example",
      "Subject: Re: 退款进度",
      "Message-ID: <abc123@example.com>",
      "Date: Mon, 2 Mar 2026 10:00:00 +0800",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "已经第三次问了，退款到底什么时候到？",
      "",
      "在 2026年3月1日，客服 写道：",
      "> 您好，退款正在处理中。",
      "",
    ].join("\r\n");
    const res = await upload("email", "reply.eml", eml);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stored: 1, duplicates: 0 });
    expect((await upload("email", "reply.eml", eml)).json()).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it("refuses broken MIME with a 400 that says why", async () => {
    const res = await upload("email", "broken.eml", "this is not an e-mail at all\n\n\u0000\u0001");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/nothing could be read from broken\.eml/);
  });

  it("refuses an unknown channel and a missing filename", async () => {
    expect((await upload("fax", "x.eml", "x")).statusCode).toBe(400);
    const noName = await app.inject({
      method: "POST",
      url: "/api/v1/import/email",
      headers: { "x-api-key": keys.a.ingest, "content-type": "message/rfc822" },
      payload: "x",
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toMatch(/filename/);
  });
});

describe("API: tenant isolation of exports", () => {
  it("exports only the caller's tenant's corrections", async () => {
    const m = (
      await post("/api/v1/messages", keys.a.ingest, { channel: "chat", text: "tenant A's private words" })
    ).json();
    await post(`/api/v1/messages/${m.id}/correction`, keys.a.agent, { emotion: "anger" });
    const exportB = await app.inject({
      method: "GET",
      url: "/api/v1/corrections/export",
      headers: { "x-api-key": keys.b.supervisor },
    });
    expect(exportB.body).not.toContain("tenant A's private words");
  });
});
