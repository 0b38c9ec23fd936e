import { CHANNELS } from "@attune/core";
import { EMOTIONS } from "@attune/engine";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../../test-support/test-server.js";
import {
  AccuracyResponse,
  ANALYTICS_CHANNELS,
  EMOTION_LABELS,
  FollowUpsResponse,
  HeatmapResponse,
  RootCausesResponse,
  SatisfactionResponse,
  TrendsResponse,
} from "./schemas.js";
import { ingestFixture } from "./test-support/analytics-fixture.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
  await ingestFixture(app, keys.a.ingest);
});
afterAll(() => close());

const get = (url: string, key: string) => app.inject({ method: "GET", url, headers: { "x-api-key": key } });
const post = (url: string, key: string, body: unknown) =>
  app.inject({
    method: "POST",
    url,
    headers: { "x-api-key": key, "content-type": "application/json" },
    payload: JSON.stringify(body),
  });

describe("analytics: label lists shared with the web app", () => {
  it("match the engine's and core's", () => {
    expect([...EMOTION_LABELS]).toEqual([...EMOTIONS]);
    expect([...ANALYTICS_CHANNELS]).toEqual([...CHANNELS]);
  });
});

describe("GET /api/v1/analytics/trends", () => {
  it("answers one series per channel with a point per day of the last 30 days", async () => {
    const res = await get("/api/v1/analytics/trends", keys.a.supervisor);
    expect(res.statusCode).toBe(200);
    const body = TrendsResponse.parse(res.json());
    expect(body).toMatchObject({ bucket: "day", by: "channel" });
    const days = body.series[0]?.points ?? [];
    expect(days.length).toBeGreaterThanOrEqual(30);
    expect(days.length).toBeLessThanOrEqual(31);
    const total = body.series.flatMap((s) => s.points).reduce((n, p) => n + p.messages, 0);
    expect(total).toBe(11); // customer messages only, the one from 90 days ago left out
    const chat = body.series.find((s) => s.key === "chat");
    expect(chat?.points.some((p) => p.negative > 0 && p.avgScore < 0)).toBe(true);
  });

  it("splits by product (unknown when none), language, emotion and cause, by hour and week", async () => {
    const product = TrendsResponse.parse((await get("/api/v1/analytics/trends?by=product", keys.a.admin)).json());
    expect(product.series.map((s) => s.key)).toEqual(
      expect.arrayContaining(["蓝牙耳机", "headphones", "智能手錶", "unknown"]),
    );
    const lang = TrendsResponse.parse((await get("/api/v1/analytics/trends?by=lang", keys.a.admin)).json());
    expect(lang.series.map((s) => s.key)).toEqual(expect.arrayContaining(["zh-Hans", "en"]));
    const emotion = TrendsResponse.parse(
      (await get("/api/v1/analytics/trends?by=emotion&bucket=week", keys.a.admin)).json(),
    );
    expect(emotion.series.every((s) => (EMOTION_LABELS as readonly string[]).includes(s.key))).toBe(true);
    // Weeks start on Monday in the viewer's zone.
    const first = emotion.series[0]?.points[0]?.t as string;
    expect(new Date(first).getUTCDay()).toBe(1);
    const hour = TrendsResponse.parse(
      (await get("/api/v1/analytics/trends?by=cause&bucket=hour&from=2020-01-01&to=2020-01-02", keys.a.admin)).json(),
    );
    expect(hour.series).toEqual([]);
  });

  it("starts days in the viewer's time zone", async () => {
    const res = await get("/api/v1/analytics/trends?from=2026-03-01&to=2026-03-01&utcOffsetMinutes=480", keys.a.admin);
    const body = TrendsResponse.parse(res.json());
    expect(body.from).toBe("2026-02-28T16:00:00.000Z");
    expect(body.to).toBe("2026-03-01T16:00:00.000Z");
  });

  it("filters by channel and language", async () => {
    const email = TrendsResponse.parse((await get("/api/v1/analytics/trends?channel=email", keys.a.admin)).json());
    expect(email.series.map((s) => s.key)).toEqual(["email"]);
    const zh = TrendsResponse.parse((await get("/api/v1/analytics/trends?lang=zh-Hant&by=lang", keys.a.admin)).json());
    expect(zh.series.map((s) => s.key)).toEqual(["zh-Hant"]);
  });

  it("answers CSV with a BOM, a header row, and Chinese intact", async () => {
    const res = await get("/api/v1/analytics/trends?by=product&format=csv", keys.a.supervisor);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="attune-trends-product-day-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("product,t,messages,negative,avgScore,avgIntensity");
    expect(lines.some((l) => l.startsWith("蓝牙耳机,"))).toBe(true);
  });
});

describe("GET /api/v1/analytics/root-causes", () => {
  it("breaks causes down by emotion, with redacted examples, most intense first", async () => {
    const body = RootCausesResponse.parse((await get("/api/v1/analytics/root-causes", keys.a.supervisor)).json());
    expect(body.causes.length).toBeGreaterThan(0);
    for (const c of body.causes) {
      expect(Object.values(c.emotions).reduce((a, b) => a + b, 0)).toBe(c.total);
      expect(c.examples.length).toBeLessThanOrEqual(3);
      expect(c.negativeShare).toBeCloseTo(c.negative / c.total, 2);
      const intensities = c.examples.map((e) => e.intensity);
      for (const e of c.examples) expect([...e.text].length).toBeLessThanOrEqual(160);
      if (c.examples.every((e) => e.emotion !== "neutral"))
        expect(intensities).toEqual([...intensities].sort((a, b) => b - a));
    }
    const all = body.causes.flatMap((c) => c.examples.map((e) => e.text)).join("\n");
    expect(all).not.toContain("13812345678");
    expect(all).toMatch(/蓝牙耳机快递/);
  });

  it("answers CSV with one column per emotion", async () => {
    const res = await get("/api/v1/analytics/root-causes?format=csv", keys.a.supervisor);
    const [header] = res.rawPayload.toString("utf8").slice(1).split("\r\n");
    expect(header).toBe(`cause,total,negative,negativeShare,${EMOTION_LABELS.join(",")},example`);
  });
});

describe("GET /api/v1/analytics/satisfaction", () => {
  it("relates the customer's peak emotion to CSAT from survey answers", async () => {
    const body = SatisfactionResponse.parse((await get("/api/v1/analytics/satisfaction", keys.a.supervisor)).json());
    expect(body.surveyed).toBe(3);
    expect(body.avgCsat).toBeCloseTo(8 / 3, 2);
    const positive = body.points.find((p) => ["satisfaction", "gratitude", "joy"].includes(p.emotion) && p.surveyed);
    expect(positive?.avgCsat).toBe(5);
    expect(body.correlation).not.toBeNull();
    expect(body.correlation as number).toBeGreaterThan(0.5);
    const csv = (await get("/api/v1/analytics/satisfaction?format=csv", keys.a.supervisor)).rawPayload.toString("utf8");
    expect(csv.slice(1).split("\r\n")[0]).toBe("emotion,conversations,surveyed,avgCsat,avgScore");
  });
});

describe("GET /api/v1/analytics/followups", () => {
  it("counts follow-ups created by closing negative conversations, and their recovery", async () => {
    const queue = (await get("/api/v1/queue?limit=100", keys.a.agent)).json().conversations as Array<{
      id: string;
      externalId: string;
    }>;
    const t1 = queue.find((c) => c.externalId === "t-1")?.id as string;
    expect((await post(`/api/v1/conversations/${t1}/close`, keys.a.agent, {})).json().followUp).toBe(true);
    // The customer writes again, happier, in a new conversation: the follow-up closes as recovered.
    await post("/api/v1/messages", keys.a.ingest, {
      conversationId: "t-1-again",
      customerId: "cust-t-1",
      channel: "chat",
      text: "收到耳机了，谢谢你们帮忙，非常感谢！",
    });
    const body = FollowUpsResponse.parse((await get("/api/v1/analytics/followups", keys.a.supervisor)).json());
    expect(body).toMatchObject({ created: 1, done: 1, open: 0, recovered: 1, recoveryRate: 1 });
    expect(body.byCause).toHaveLength(1);
    expect(body.byCause[0]).toMatchObject({ created: 1, recovered: 1 });
    const csv = (await get("/api/v1/analytics/followups?format=csv", keys.a.supervisor)).rawPayload.toString("utf8");
    expect(csv.slice(1).split("\r\n")[1]).toBe("all,1,0,1,1,1");
  });
});

describe("GET /api/v1/analytics/accuracy", () => {
  it("counts a correction equal to the engine's label as agreement, another as a confusion", async () => {
    const queue = (await get("/api/v1/queue?limit=100", keys.a.agent)).json().conversations as Array<{
      id: string;
      externalId: string;
    }>;
    const conv = async (externalId: string) =>
      (await get(`/api/v1/conversations/${queue.find((c) => c.externalId === externalId)?.id}`, keys.a.agent)).json()
        .messages as Array<{ id: string; speaker: string; analysis: { emotion: string } | null }>;
    const [m4] = (await conv("t-4")).filter((m) => m.speaker === "customer");
    const [m8] = (await conv("t-8")).filter((m) => m.speaker === "customer");
    const engine4 = m4?.analysis?.emotion as string;
    const confirm = await post(`/api/v1/messages/${m4?.id}/correction`, keys.a.agent, { emotion: engine4 });
    expect(confirm.statusCode).toBe(201);
    const other = EMOTION_LABELS.find((e) => e !== m8?.analysis?.emotion) as string;
    await post(`/api/v1/messages/${m8?.id}/correction`, keys.a.agent, { emotion: other });
    const body = AccuracyResponse.parse((await get("/api/v1/analytics/accuracy", keys.a.supervisor)).json());
    expect(body.overall).toEqual({ reviewed: 2, agreed: 1, accuracy: 0.5 });
    expect(body.byLang.map((l) => l.lang).sort()).toEqual(["en", "zh-Hans"]);
    expect(body.confusion).toEqual(
      expect.arrayContaining([
        { predicted: engine4, corrected: engine4, count: 1 },
        { predicted: m8?.analysis?.emotion, corrected: other, count: 1 },
      ]),
    );
    const en = await get("/api/v1/analytics/accuracy?lang=en", keys.a.supervisor);
    expect(en.json().overall).toEqual({ reviewed: 1, agreed: 1, accuracy: 1 });
  });
});

describe("GET /api/v1/analytics/heatmap", () => {
  it("gives a full grid by channel, hour and team", async () => {
    const channel = HeatmapResponse.parse(
      (await get("/api/v1/analytics/heatmap?dim=channel", keys.a.supervisor)).json(),
    );
    expect(channel.rows).toEqual(["chat", "email", "social", "review", "call", "survey"]);
    expect(channel.emotions).toEqual([...EMOTION_LABELS]);
    expect(channel.cells).toHaveLength(channel.rows.length * channel.emotions.length);
    expect(channel.cells.reduce((n, c) => n + c.count, 0)).toBe(12); // 11 + the follow-up's reply
    const hour = HeatmapResponse.parse((await get("/api/v1/analytics/heatmap?dim=hour", keys.a.supervisor)).json());
    expect(hour.rows).toHaveLength(24);
    const team = HeatmapResponse.parse((await get("/api/v1/analytics/heatmap?dim=team", keys.a.supervisor)).json());
    expect(team.rows).toContain("unassigned");
    const csv = (await get("/api/v1/analytics/heatmap?dim=hour&format=csv", keys.a.supervisor)).rawPayload.toString(
      "utf8",
    );
    expect(csv.slice(1).split("\r\n")).toHaveLength(1 + 24 + 1);
  });
});

describe("analytics: access and parameters", () => {
  const endpoints = ["trends", "root-causes", "satisfaction", "followups", "accuracy", "heatmap"];

  it("refuses agents, ingest keys and callers without a key", async () => {
    for (const e of endpoints) {
      expect((await get(`/api/v1/analytics/${e}`, keys.a.agent)).statusCode).toBe(403);
      expect((await get(`/api/v1/analytics/${e}`, keys.a.ingest)).statusCode).toBe(403);
      expect((await app.inject({ method: "GET", url: `/api/v1/analytics/${e}` })).statusCode).toBe(401);
    }
    const res = await get("/api/v1/analytics/trends", keys.a.agent);
    expect(res.json().error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/agent role/) });
  });

  it("answers 400 naming the bad parameter", async () => {
    const cases: Array<[string, string]> = [
      ["/api/v1/analytics/trends?bucket=month", "bucket"],
      ["/api/v1/analytics/trends?by=customer", "by"],
      ["/api/v1/analytics/heatmap?dim=weekday", "dim"],
      ["/api/v1/analytics/satisfaction?from=yesterday", "from"],
      ["/api/v1/analytics/accuracy?to=2026-13-45", "to"],
      ["/api/v1/analytics/followups?channel=fax", "channel"],
      ["/api/v1/analytics/root-causes?lang=fr", "lang"],
      ["/api/v1/analytics/trends?format=xml", "format"],
      ["/api/v1/analytics/trends?utcOffsetMinutes=9999", "utcOffsetMinutes"],
      ["/api/v1/analytics/trends?from=2026-03-05&to=2026-03-01", "from"],
      ["/api/v1/analytics/trends?from=2020-01-01&to=2026-01-01", "from"],
      ["/api/v1/analytics/trends?colour=red", "colour"],
    ];
    for (const [url, param] of cases) {
      const res = await get(url, keys.a.supervisor);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe("invalid_request");
      expect(res.json().error.message, url).toContain(param);
    }
  });

  it("are in the OpenAPI document", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    for (const e of endpoints) expect(doc.paths[`/api/v1/analytics/${e}`]?.get, e).toBeDefined();
    expect(doc.paths["/api/v1/reports/management.pdf"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "locale",
    );
  });

  it("keeps tenants apart", async () => {
    const trends = TrendsResponse.parse((await get("/api/v1/analytics/trends", keys.b.supervisor)).json());
    expect(trends.series).toEqual([]);
    const causes = RootCausesResponse.parse((await get("/api/v1/analytics/root-causes", keys.b.supervisor)).json());
    expect(causes.causes).toEqual([]);
  });
});
