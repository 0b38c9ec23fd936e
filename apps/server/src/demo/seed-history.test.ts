import { loadAnalyzer } from "@attune/engine/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../auth.js";
import {
  AccuracyResponse,
  FollowUpsResponse,
  HeatmapResponse,
  RootCausesResponse,
  SatisfactionResponse,
  SupervisorOverviewResponse,
  TrendsResponse,
  WellbeingResponse,
} from "../routes/analytics/schemas.js";
import { seedDemo } from "../seed.js";
import { testServer } from "../test-support/test-server.js";
import { planHistory } from "./history.js";

let server: Awaited<ReturnType<typeof testServer>>;
let seconds = 0;
let stored = 0;
beforeAll(async () => {
  server = await testServer();
  const tenantId = (await server.store.findApiKey(hashKey(server.keys.a.admin)))?.tenantId as string;
  const deps = { store: server.store, analyzer: loadAnalyzer(), now: () => new Date() };
  const t0 = performance.now();
  stored = await seedDemo(deps, tenantId);
  seconds = (performance.now() - t0) / 1000;
  expect(await seedDemo(deps, tenantId)).toBe(0);
});
afterAll(() => server.close());

const get = async (url: string) =>
  (await server.app.inject({ method: "GET", url, headers: { "x-api-key": server.keys.a.supervisor } })).json();

describe("the demo seed", () => {
  it("plans the same history for the same seed", () => {
    const now = new Date("2026-03-02T08:00:00Z");
    const a = planHistory({ now, days: 30, conversations: 50, seed: 1, prefix: "x:" });
    expect(planHistory({ now, days: 30, conversations: 50, seed: 1, prefix: "x:" })).toEqual(a);
    expect(a.flatMap((p) => p.messages).every((m) => Date.parse(m.at as string) <= now.getTime())).toBe(true);
  });

  it("stores a month of history quickly, and idempotently", () => {
    expect(stored).toBeGreaterThan(1000);
    expect(seconds).toBeLessThan(5);
  });

  it("gives every analytics view and the supervisor dashboard something to show on first start", async () => {
    const trends = TrendsResponse.parse(await get("/api/v1/analytics/trends?by=lang"));
    expect(trends.series.map((s) => s.key)).toEqual(expect.arrayContaining(["zh-Hans", "zh-Hant", "yue", "en"]));
    const days = trends.series.flatMap((s) => s.points.filter((p) => p.messages > 0).map((p) => p.t));
    expect(new Set(days).size).toBeGreaterThanOrEqual(25);
    const products = TrendsResponse.parse(await get("/api/v1/analytics/trends?by=product"));
    expect(products.series.length).toBeGreaterThanOrEqual(5);
    const causes = RootCausesResponse.parse(await get("/api/v1/analytics/root-causes"));
    expect(causes.causes.length).toBeGreaterThanOrEqual(5);
    expect(causes.causes[0]?.examples.length).toBe(3);
    const satisfaction = SatisfactionResponse.parse(await get("/api/v1/analytics/satisfaction"));
    expect(satisfaction.surveyed).toBeGreaterThan(30);
    expect(satisfaction.correlation as number).toBeGreaterThan(0.3);
    const followUps = FollowUpsResponse.parse(await get("/api/v1/analytics/followups"));
    expect(followUps.created).toBeGreaterThan(10);
    expect(followUps.recovered).toBeGreaterThan(0);
    expect(followUps.done).toBeGreaterThan(followUps.recovered);
    const accuracy = AccuracyResponse.parse(await get("/api/v1/analytics/accuracy"));
    expect(accuracy.overall.reviewed).toBeGreaterThan(20);
    expect(accuracy.overall.accuracy as number).toBeLessThan(1);
    const teams = HeatmapResponse.parse(await get("/api/v1/analytics/heatmap?dim=team"));
    expect(teams.rows).toEqual(expect.arrayContaining(["华东一组", "华南二组", "港台组"]));
    const overview = SupervisorOverviewResponse.parse(await get("/api/v1/supervisor/overview"));
    expect(overview.atRisk.length).toBeGreaterThan(0);
    expect(overview.alertsToday).toBeGreaterThan(0);
    const wellbeing = WellbeingResponse.parse(await get("/api/v1/supervisor/wellbeing"));
    expect(wellbeing.agents).toHaveLength(6);
    expect(wellbeing.agents.some((a) => a.handledToday > 0)).toBe(true);
  });
});
