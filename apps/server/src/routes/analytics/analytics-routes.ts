import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.js";
import { requireRole, SUPERVISORS } from "./access.js";
import { sendCsv } from "./csv.js";
import { resolvePeriod } from "./period.js";
import {
  presentAccuracy,
  presentFollowUps,
  presentHeatmap,
  presentRootCauses,
  presentSatisfaction,
} from "./presenters.js";
import { AnalyticsQuery, EMOTION_LABELS, HeatmapQuery, TrendsQuery } from "./schemas.js";
import { foldTrend } from "./trends.js";

/** Trends, root causes, satisfaction, follow-ups, accuracy and heatmaps, as JSON or (`format=csv`) CSV. */
export function analyticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const what = "analytics";

  app.get("/api/v1/analytics/trends", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = TrendsQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const rows = await ctx.store.analyticsTrend(key.tenantId, period, q.by);
    const series = foldTrend(rows, period, q.bucket, q.utcOffsetMinutes);
    if (q.format === "csv")
      return sendCsv(reply, `trends-${q.by}-${q.bucket}`, period, {
        header: [q.by, "t", "messages", "negative", "avgScore", "avgIntensity"],
        rows: series.flatMap((s) =>
          s.points.map((p) => [s.key, p.t, p.messages, p.negative, p.avgScore, p.avgIntensity]),
        ),
      });
    return { from: period.from, to: period.to, bucket: q.bucket, by: q.by, series };
  });

  app.get("/api/v1/analytics/root-causes", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = AnalyticsQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const [rows, examples] = await Promise.all([
      ctx.store.analyticsCauses(key.tenantId, period),
      // More than shown, so repeated texts can be skipped and three distinct ones remain.
      ctx.store.analyticsCauseExamples(key.tenantId, period, 12),
    ]);
    const causes = presentRootCauses(rows, examples);
    if (q.format === "csv")
      return sendCsv(reply, "root-causes", period, {
        header: ["cause", "total", "negative", "negativeShare", ...EMOTION_LABELS, "example"],
        rows: causes.map((c) => [
          c.cause,
          c.total,
          c.negative,
          c.negativeShare,
          ...EMOTION_LABELS.map((e) => c.emotions[e] ?? 0),
          c.examples[0]?.text ?? null,
        ]),
      });
    return { from: period.from, to: period.to, causes };
  });

  app.get("/api/v1/analytics/satisfaction", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = AnalyticsQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const { rows, correlation } = await ctx.store.analyticsSatisfaction(key.tenantId, period);
    const body = presentSatisfaction(rows, correlation);
    if (q.format === "csv")
      return sendCsv(reply, "satisfaction", period, {
        header: ["emotion", "conversations", "surveyed", "avgCsat", "avgScore"],
        rows: body.points.map((p) => [p.emotion, p.conversations, p.surveyed, p.avgCsat, p.avgScore]),
      });
    return { from: period.from, to: period.to, ...body };
  });

  app.get("/api/v1/analytics/followups", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = AnalyticsQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const body = presentFollowUps(await ctx.store.analyticsFollowUps(key.tenantId, period));
    if (q.format === "csv")
      return sendCsv(reply, "followups", period, {
        header: ["cause", "created", "open", "done", "recovered", "recoveryRate"],
        rows: [{ ...body, cause: "all" }, ...body.byCause].map((c) => [
          c.cause,
          c.created,
          c.open,
          c.done,
          c.recovered,
          c.recoveryRate,
        ]),
      });
    return { from: period.from, to: period.to, ...body };
  });

  app.get("/api/v1/analytics/accuracy", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = AnalyticsQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const body = presentAccuracy(await ctx.store.analyticsCorrections(key.tenantId, period));
    if (q.format === "csv")
      return sendCsv(reply, "accuracy", period, {
        header: ["lang", "reviewed", "agreed", "accuracy"],
        rows: [{ lang: "all", ...body.overall }, ...body.byLang].map((l) => [l.lang, l.reviewed, l.agreed, l.accuracy]),
      });
    return { from: period.from, to: period.to, ...body };
  });

  app.get("/api/v1/analytics/heatmap", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, what);
    const q = HeatmapQuery.parse(request.query);
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const body = presentHeatmap(
      await ctx.store.analyticsHeatmap(key.tenantId, period, q.dim),
      q.dim,
      q.utcOffsetMinutes,
    );
    if (q.format === "csv") {
      const count = new Map(body.cells.map((c) => [`${c.row}\u0000${c.emotion}`, c.count]));
      return sendCsv(reply, `heatmap-${q.dim}`, period, {
        header: [q.dim, ...body.emotions],
        rows: body.rows.map((r) => [r, ...body.emotions.map((e) => count.get(`${r}\u0000${e}`) ?? 0)]),
      });
    }
    return { from: period.from, to: period.to, ...body };
  });
}
