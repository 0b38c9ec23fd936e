import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.js";
import { ApiError } from "../../http-errors.js";
import { requireRole, SUPERVISORS } from "../analytics/access.js";
import { resolvePeriod } from "../analytics/period.js";
import { presentAccuracy, presentFollowUps, presentRootCauses, presentSatisfaction } from "../analytics/presenters.js";
import { ReportQuery, type TrendPoint } from "../analytics/schemas.js";
import { foldTrend } from "../analytics/trends.js";
import { faceFor, findCjkFont } from "./pdf-font.js";
import { REPORT_STRINGS } from "./report-i18n.js";
import { type ReportData, renderManagementReport } from "./report-pdf.js";

const localDate = (iso: string, offsetMinutes: number) =>
  new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10);

/** The management report as a PDF, in Simplified Chinese, Traditional Chinese or English. */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/reports/management.pdf", async (request, reply) => {
    const key = await requireRole(ctx, request, SUPERVISORS, "reports");
    const q = ReportQuery.parse(request.query);
    const font = findCjkFont(ctx.config.pdfFont);
    if (!font)
      throw new ApiError(
        "unavailable",
        "no font with Chinese characters was found for the PDF report: install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set ATTUNE_PDF_FONT to a .ttf/.otf/.ttc file",
      );
    const period = resolvePeriod(q, q.utcOffsetMinutes, new Date());
    const t = key.tenantId;
    const [trend, causeRows, examples, satisfaction, followUps, corrections] = await Promise.all([
      ctx.store.analyticsTrend(t, period, "channel"),
      ctx.store.analyticsCauses(t, period),
      ctx.store.analyticsCauseExamples(t, period, 8),
      ctx.store.analyticsSatisfaction(t, period),
      ctx.store.analyticsFollowUps(t, period),
      ctx.store.analyticsCorrections(t, period),
    ]);
    const series = foldTrend(trend, period, "day", q.utcOffsetMinutes);
    const days: TrendPoint[] = (series[0]?.points ?? []).map((p, i) => {
      const all = series.map((s) => s.points[i] as TrendPoint);
      const messages = all.reduce((n, x) => n + x.messages, 0);
      return {
        t: new Date(Date.parse(p.t) + q.utcOffsetMinutes * 60_000).toISOString(),
        messages,
        negative: all.reduce((n, x) => n + x.negative, 0),
        avgScore: messages ? all.reduce((n, x) => n + x.avgScore * x.messages, 0) / messages : 0,
        avgIntensity: messages ? all.reduce((n, x) => n + x.avgIntensity * x.messages, 0) / messages : 0,
      };
    });
    const messages = trend.reduce((n, r) => n + r.messages, 0);
    const strings = REPORT_STRINGS[q.locale];
    const data: ReportData = {
      period: {
        from: localDate(period.from, q.utcOffsetMinutes),
        to: localDate(new Date(Date.parse(period.to) - 1).toISOString(), q.utcOffsetMinutes),
      },
      generatedAt: new Date(Date.now() + q.utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace("T", " "),
      filters: [q.channel, q.lang].filter((f): f is NonNullable<typeof f> => Boolean(f)),
      totals: {
        messages,
        negative: trend.reduce((n, r) => n + r.negative, 0),
        avgScore: messages ? trend.reduce((n, r) => n + r.sumScore, 0) / messages : null,
      },
      avgCsat: presentSatisfaction(satisfaction.rows, satisfaction.correlation).avgCsat,
      accuracy: presentAccuracy(corrections).overall.accuracy,
      days,
      causes: presentRootCauses(causeRows, examples, 2),
      followUps: presentFollowUps(followUps),
    };
    const pdf = await renderManagementReport(data, strings, { path: font.path, face: faceFor(font, q.locale) });
    return reply
      .header("content-type", "application/pdf")
      .header(
        "content-disposition",
        `attachment; filename="attune-report-${q.locale}-${data.period.from}_${data.period.to}.pdf"`,
      )
      .send(pdf);
  });
}
