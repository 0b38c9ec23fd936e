import { z } from "zod";

/**
 * The analytics, supervisor and report API's request and response shapes, shared with the web app.
 * This file imports zod only, so the browser can use it without pulling in the engine; a test checks the
 * label lists below against the engine's.
 *
 * - `GET /api/v1/analytics/trends?bucket&by` → {@link TrendsResponse}
 * - `GET /api/v1/analytics/root-causes` → {@link RootCausesResponse}
 * - `GET /api/v1/analytics/satisfaction` → {@link SatisfactionResponse}
 * - `GET /api/v1/analytics/followups` → {@link FollowUpsResponse}
 * - `GET /api/v1/analytics/accuracy` → {@link AccuracyResponse}
 * - `GET /api/v1/analytics/heatmap?dim` → {@link HeatmapResponse}
 *   (all six take {@link AnalyticsQuery}; `format=csv` answers CSV with a BOM)
 * - `GET /api/v1/supervisor/overview` → {@link SupervisorOverviewResponse}
 * - `GET /api/v1/supervisor/wellbeing` → {@link WellbeingResponse}
 * - `POST /api/v1/agents/:agent/break` ({@link BreakInput}) → {@link BreakResponse}
 * - `GET /api/v1/agents` → {@link AgentsResponse}; `PUT /api/v1/agents/:agent` ({@link AgentInput}) → {@link AgentRecord}
 * - `GET /api/v1/reports/management.pdf` ({@link ReportQuery}) → application/pdf
 */

/** The engine's eleven emotion labels (kept equal to `EMOTIONS` in @attune/engine by a test). */
export const EMOTION_LABELS = [
  "anger",
  "frustration",
  "disappointment",
  "anxiety",
  "sadness",
  "confusion",
  "surprise",
  "neutral",
  "satisfaction",
  "gratitude",
  "joy",
] as const;
export type EmotionLabel = (typeof EMOTION_LABELS)[number];

/** Message channels (kept equal to `CHANNELS` in @attune/core by a test). */
export const ANALYTICS_CHANNELS = ["chat", "email", "social", "review", "call", "survey"] as const;
/** Languages the engine reports. */
export const ANALYTICS_LANGS = ["zh-Hans", "zh-Hant", "yue", "en", "mixed", "unknown"] as const;

const isoDateOrTime = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)),
    "expected an ISO-8601 date (2026-03-01) or date-time (2026-03-01T08:00:00Z)",
  );

/**
 * Query parameters every analytics endpoint takes. `from`/`to` default to the last 30 days (`to` = now);
 * a bare date as `to` means the end of that day (UTC). `format=csv` answers CSV instead of JSON.
 */
export const AnalyticsQuery = z.strictObject({
  from: isoDateOrTime.optional().describe("start, ISO-8601 date or date-time (default: 30 days before `to`)"),
  to: isoDateOrTime.optional().describe("end, ISO-8601 date or date-time (default: now)"),
  channel: z.enum(ANALYTICS_CHANNELS).optional(),
  lang: z.enum(ANALYTICS_LANGS).optional(),
  utcOffsetMinutes: z.coerce
    .number()
    .int()
    .min(-840)
    .max(840)
    .default(0)
    .describe(
      "the viewer's time zone, minutes east of UTC (480 for Beijing): days, weeks and hours of day start there",
    ),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

export const TREND_BUCKETS = ["hour", "day", "week"] as const;
export const TREND_DIMENSIONS = ["channel", "lang", "cause", "product", "emotion"] as const;

export const TrendsQuery = AnalyticsQuery.extend({
  bucket: z.enum(TREND_BUCKETS).default("day"),
  by: z.enum(TREND_DIMENSIONS).default("channel"),
});
export type TrendsQuery = z.infer<typeof TrendsQuery>;

export const HEATMAP_DIMENSIONS = ["team", "channel", "hour"] as const;
export const HeatmapQuery = AnalyticsQuery.extend({ dim: z.enum(HEATMAP_DIMENSIONS).default("channel") });
export type HeatmapQuery = z.infer<typeof HeatmapQuery>;

export const REPORT_LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export const ReportQuery = z.strictObject({
  from: AnalyticsQuery.shape.from,
  to: AnalyticsQuery.shape.to,
  channel: AnalyticsQuery.shape.channel,
  lang: AnalyticsQuery.shape.lang,
  utcOffsetMinutes: AnalyticsQuery.shape.utcOffsetMinutes,
  locale: z.enum(REPORT_LOCALES).default("zh-CN"),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The period an answer covers, as resolved from `from`/`to`. */
const Period = { from: z.string(), to: z.string() };

/** One point of a trend: customer messages in the bucket starting at `t`. */
export const TrendPoint = z.object({
  t: z.string().describe("bucket start, ISO-8601 UTC"),
  messages: z.number().int(),
  negative: z.number().int(),
  avgScore: z.number().describe("-1 … 1"),
  avgIntensity: z.number().describe("0 … 1"),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const TrendsResponse = z.object({
  ...Period,
  bucket: z.enum(TREND_BUCKETS),
  by: z.enum(TREND_DIMENSIONS),
  series: z.array(z.object({ key: z.string(), points: z.array(TrendPoint) })),
});
export type TrendsResponse = z.infer<typeof TrendsResponse>;

/** A customer message quoted as an example, PII-redacted and at most 160 characters. */
export const CauseExample = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  text: z.string(),
  emotion: z.string(),
  intensity: z.number(),
  at: z.string(),
});
export type CauseExample = z.infer<typeof CauseExample>;

export const RootCause = z.object({
  cause: z.string(),
  total: z.number().int(),
  negative: z.number().int(),
  negativeShare: z.number().describe("0 … 1"),
  emotions: z.record(z.string(), z.number().int()),
  examples: z.array(CauseExample),
});
export type RootCause = z.infer<typeof RootCause>;

export const RootCausesResponse = z.object({ ...Period, causes: z.array(RootCause) });
export type RootCausesResponse = z.infer<typeof RootCausesResponse>;

export const SatisfactionPoint = z.object({
  emotion: z.string().describe("the customer's dominant emotion in the conversation"),
  conversations: z.number().int(),
  surveyed: z.number().int().describe("conversations with a CSAT answer"),
  avgCsat: z.number().nullable().describe("1 … 5, null when no conversation with this emotion was surveyed"),
  avgScore: z.number(),
});
export type SatisfactionPoint = z.infer<typeof SatisfactionPoint>;

export const SatisfactionResponse = z.object({
  ...Period,
  points: z.array(SatisfactionPoint),
  surveyed: z.number().int(),
  avgCsat: z.number().nullable(),
  correlation: z
    .number()
    .nullable()
    .describe("Pearson r between a conversation's mean emotion score and its CSAT; null under 3 surveyed"),
});
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

const FollowUpCounts = {
  created: z.number().int(),
  open: z.number().int(),
  done: z.number().int(),
  recovered: z.number().int(),
  recoveryRate: z.number().nullable().describe("recovered / done, null when none is done"),
};
export const FollowUpsResponse = z.object({
  ...Period,
  ...FollowUpCounts,
  byCause: z.array(z.object({ cause: z.string(), ...FollowUpCounts })),
});
export type FollowUpsResponse = z.infer<typeof FollowUpsResponse>;

const Agreement = { reviewed: z.number().int(), agreed: z.number().int(), accuracy: z.number().nullable() };
export const AccuracyResponse = z.object({
  ...Period,
  overall: z.object(Agreement),
  byLang: z.array(z.object({ lang: z.string(), ...Agreement })),
  confusion: z.array(z.object({ predicted: z.string(), corrected: z.string(), count: z.number().int() })),
});
export type AccuracyResponse = z.infer<typeof AccuracyResponse>;

export const HeatmapResponse = z.object({
  ...Period,
  dim: z.enum(HEATMAP_DIMENSIONS),
  rows: z.array(z.string()),
  emotions: z.array(z.string()),
  cells: z.array(z.object({ row: z.string(), emotion: z.string(), count: z.number().int() })),
});
export type HeatmapResponse = z.infer<typeof HeatmapResponse>;

export const AtRiskConversation = z.object({
  conversationId: z.string(),
  customer: z.string().nullable().describe("the customer's external id"),
  channel: z.string(),
  escalationRisk: z.number().describe("0 … 1"),
  priority: z.number(),
  emotion: z.string(),
  intensity: z.number(),
  reasons: z.array(z.string()),
  waitingMinutes: z.number().describe("minutes since the customer's last unanswered message; 0 when answered"),
  slaMinutes: z.number().nullable(),
  overSla: z.boolean(),
  assignedTo: z.string().nullable(),
  lastMessageAt: z.string(),
});
export type AtRiskConversation = z.infer<typeof AtRiskConversation>;

export const SupervisorOverviewResponse = z.object({
  atRisk: z.array(AtRiskConversation),
  queueByEmotion: z.array(
    z.object({
      emotion: z.string(),
      open: z.number().int(),
      overSla: z.number().int(),
      oldestWaitingMinutes: z.number(),
    }),
  ),
  alertsToday: z.number().int(),
  openConversations: z.number().int(),
});
export type SupervisorOverviewResponse = z.infer<typeof SupervisorOverviewResponse>;

export const WELLBEING_SUGGESTIONS = ["ok", "rotate", "pause"] as const;
export const AgentWellbeing = z.object({
  agent: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  handledToday: z.number().int(),
  hardInARow: z.number().int(),
  abusiveToday: z.number().int(),
  minutesSinceBreak: z.number().nullable().describe("null when no break and no work today"),
  suggestion: z.enum(WELLBEING_SUGGESTIONS),
  reasons: z.array(z.string()),
  why: z
    .array(
      z.object({
        code: z.enum(["hard_in_a_row", "abusive_today", "last_abusive", "no_break"]),
        value: z.number().int(),
      }),
    )
    .describe("the reasons as codes and numbers, for a UI to say in its language"),
});
export type AgentWellbeing = z.infer<typeof AgentWellbeing>;

export const WellbeingResponse = z.object({ agents: z.array(AgentWellbeing) });
export type WellbeingResponse = z.infer<typeof WellbeingResponse>;

/** The supervisor views take the viewer's time zone (where "today" starts). */
export const SupervisorQuery = z.strictObject({
  utcOffsetMinutes: AnalyticsQuery.shape.utcOffsetMinutes,
  format: AnalyticsQuery.shape.format,
});
export type SupervisorQuery = z.infer<typeof SupervisorQuery>;

export const AgentParams = z.strictObject({ agent: z.string().min(1).max(200) });
export const BreakInput = z
  .strictObject({
    at: z.iso.datetime({ offset: true }).optional(),
    minutes: z.number().int().min(1).max(240).optional(),
  })
  .optional();
export const BreakResponse = z.object({ agent: z.string(), at: z.string(), minutes: z.number().int().nullable() });
export type BreakResponse = z.infer<typeof BreakResponse>;

export const AgentRecord = z.object({ id: z.string(), name: z.string(), team: z.string().nullable() });
export type AgentRecord = z.infer<typeof AgentRecord>;
export const AgentsResponse = z.object({ agents: z.array(AgentRecord) });
export type AgentsResponse = z.infer<typeof AgentsResponse>;
export const AgentInput = z.strictObject({
  name: z.string().min(1).max(200),
  team: z.string().min(1).max(200).nullable().optional(),
});
