import type {
  AnalyticsFilter,
  CauseEmotionRow,
  CauseExampleRow,
  CorrectionRow,
  CorrelationSums,
  FollowUpRow,
  HeatmapDimension,
  HeatmapRow,
  SatisfactionRow,
  TrendDimension,
  TrendRow,
} from "@attune/core";
import type { SqlDriver } from "./driver.js";

// Every query reads `message_facts` (narrow columns, indexed by tenant, speaker and time), never the JSON.
// PostgreSQL returns COUNT and integer SUM as strings: every number goes through Number().

/** The customer messages a filter selects, as a WHERE clause on `message_facts` aliased `f`. */
function customerMessages(tenantId: string, f: AnalyticsFilter, opts: { channel?: boolean } = {}) {
  let sql = "f.tenant_id = ? AND f.speaker = 'customer' AND f.at >= ? AND f.at < ?";
  const params: unknown[] = [tenantId, f.from, f.to];
  if (f.channel && opts.channel !== false) {
    sql += " AND f.channel = ?";
    params.push(f.channel);
  }
  if (f.lang) {
    sql += " AND f.lang = ?";
    params.push(f.lang);
  }
  return { sql, params };
}

const NEGATIVE = "SUM(CASE WHEN f.polarity = 'negative' THEN 1 ELSE 0 END)";

const TREND_KEYS: Record<TrendDimension, string> = {
  channel: "f.channel",
  lang: "f.lang",
  cause: "COALESCE(f.cause, 'none')",
  product: "COALESCE(f.product, 'unknown')",
  emotion: "f.emotion",
};

/** Customer messages per key and UTC hour. */
export async function trendRows(
  db: SqlDriver,
  tenantId: string,
  filter: AnalyticsFilter,
  by: TrendDimension,
): Promise<TrendRow[]> {
  const w = customerMessages(tenantId, filter);
  const rows = await db.all<{
    trend_key: string;
    hour: string;
    messages: number | string;
    negative: number | string;
    sum_score: number | string | null;
    sum_intensity: number | string | null;
  }>(
    `SELECT ${TREND_KEYS[by]} AS trend_key, substr(f.at, 1, 13) AS hour, COUNT(*) AS messages, ${NEGATIVE} AS negative,
       SUM(f.score) AS sum_score, SUM(f.intensity) AS sum_intensity
     FROM message_facts f WHERE ${w.sql} GROUP BY ${TREND_KEYS[by]}, substr(f.at, 1, 13) ORDER BY 1, 2`,
    w.params,
  );
  return rows.map((r) => ({
    key: r.trend_key,
    hour: r.hour,
    messages: Number(r.messages),
    negative: Number(r.negative),
    sumScore: Number(r.sum_score ?? 0),
    sumIntensity: Number(r.sum_intensity ?? 0),
  }));
}

/** Customer messages with a cause, per cause and emotion. */
export async function causeRows(db: SqlDriver, tenantId: string, filter: AnalyticsFilter): Promise<CauseEmotionRow[]> {
  const w = customerMessages(tenantId, filter);
  const rows = await db.all<{ cause: string; emotion: string; total: number | string; negative: number | string }>(
    `SELECT f.cause AS cause, f.emotion AS emotion, COUNT(*) AS total, ${NEGATIVE} AS negative
     FROM message_facts f WHERE ${w.sql} AND f.cause IS NOT NULL GROUP BY f.cause, f.emotion`,
    w.params,
  );
  return rows.map((r) => ({
    cause: r.cause,
    emotion: r.emotion,
    total: Number(r.total),
    negative: Number(r.negative),
  }));
}

/** The most intense customer messages per cause (negative ones first), with their text. */
export async function causeExampleRows(
  db: SqlDriver,
  tenantId: string,
  filter: AnalyticsFilter,
  perCause: number,
): Promise<CauseExampleRow[]> {
  const w = customerMessages(tenantId, filter);
  const rows = await db.all<{
    cause: string;
    message_id: string;
    conversation_id: string;
    text: string;
    emotion: string;
    intensity: number | string;
    at: string;
  }>(
    `SELECT r.cause, r.message_id, r.conversation_id, m.text, r.emotion, r.intensity, r.at FROM (
       SELECT f.cause, f.message_id, f.conversation_id, f.emotion, f.intensity, f.at,
         ROW_NUMBER() OVER (PARTITION BY f.cause
           ORDER BY CASE WHEN f.polarity = 'negative' THEN 0 ELSE 1 END, f.intensity DESC, f.at DESC, f.message_id) AS rn
       FROM message_facts f WHERE ${w.sql} AND f.cause IS NOT NULL
     ) r JOIN messages m ON m.id = r.message_id WHERE r.rn <= ? ORDER BY r.cause, r.rn`,
    [...w.params, perCause],
  );
  return rows.map((r) => ({
    cause: r.cause,
    messageId: r.message_id,
    conversationId: r.conversation_id,
    text: r.text,
    emotion: r.emotion,
    intensity: Number(r.intensity),
    at: r.at,
  }));
}

/**
 * Conversations by the customer's peak emotion, with CSAT. CSAT comes from every survey answer in the
 * conversation (the channel filter picks the messages whose feeling counts, not the survey).
 */
export async function satisfactionRows(
  db: SqlDriver,
  tenantId: string,
  filter: AnalyticsFilter,
): Promise<{ rows: SatisfactionRow[]; correlation: CorrelationSums }> {
  const all = customerMessages(tenantId, filter, { channel: false });
  const picked = customerMessages(tenantId, filter);
  const rows = await db.all<{
    emotion: string;
    conversations: number | string;
    surveyed: number | string;
    sum_csat: number | string | null;
    sum_score: number | string | null;
    sx: number | string | null;
    sxy: number | string | null;
    sxx: number | string | null;
    syy: number | string | null;
  }>(
    `WITH conv AS (
       SELECT f.conversation_id, AVG(f.csat) AS csat, SUM(CASE WHEN f.channel <> 'survey' THEN 1 ELSE 0 END) AS others
       FROM message_facts f WHERE ${all.sql} GROUP BY f.conversation_id
     ), peak AS (
       SELECT f.conversation_id, f.emotion,
         ROW_NUMBER() OVER (PARTITION BY f.conversation_id
           ORDER BY CASE WHEN f.emotion = 'neutral' THEN 1 ELSE 0 END, f.intensity DESC, f.at, f.message_id) AS rn,
         AVG(f.score) OVER (PARTITION BY f.conversation_id) AS mean_score
       FROM message_facts f JOIN conv c ON c.conversation_id = f.conversation_id
       WHERE ${picked.sql} AND (f.channel <> 'survey' OR c.others = 0)
     )
     SELECT p.emotion AS emotion, COUNT(*) AS conversations, COUNT(c.csat) AS surveyed, SUM(c.csat) AS sum_csat,
       SUM(p.mean_score) AS sum_score,
       SUM(CASE WHEN c.csat IS NOT NULL THEN p.mean_score END) AS sx, SUM(p.mean_score * c.csat) AS sxy,
       SUM(CASE WHEN c.csat IS NOT NULL THEN p.mean_score * p.mean_score END) AS sxx, SUM(c.csat * c.csat) AS syy
     FROM peak p JOIN conv c ON c.conversation_id = p.conversation_id WHERE p.rn = 1 GROUP BY p.emotion`,
    [...all.params, ...picked.params],
  );
  const correlation: CorrelationSums = { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 };
  const out = rows.map((r) => {
    correlation.n += Number(r.surveyed);
    correlation.sx += Number(r.sx ?? 0);
    correlation.sy += Number(r.sum_csat ?? 0);
    correlation.sxy += Number(r.sxy ?? 0);
    correlation.sxx += Number(r.sxx ?? 0);
    correlation.syy += Number(r.syy ?? 0);
    return {
      emotion: r.emotion,
      conversations: Number(r.conversations),
      surveyed: Number(r.surveyed),
      sumCsat: Number(r.sum_csat ?? 0),
      sumScore: Number(r.sum_score ?? 0),
    };
  });
  return { rows: out, correlation };
}

/** Follow-ups created in the period, by the conversation's main cause (its most intense negative message's). */
export async function followUpRows(db: SqlDriver, tenantId: string, filter: AnalyticsFilter): Promise<FollowUpRow[]> {
  let extra = "";
  const extraParams: unknown[] = [];
  if (filter.channel) {
    extra += " AND EXISTS (SELECT 1 FROM conversations cv WHERE cv.id = fu.conversation_id AND cv.channel = ?)";
    extraParams.push(filter.channel);
  }
  if (filter.lang) {
    extra +=
      " AND EXISTS (SELECT 1 FROM message_facts x WHERE x.tenant_id = fu.tenant_id AND x.conversation_id = fu.conversation_id AND x.speaker = 'customer' AND x.lang = ?)";
    extraParams.push(filter.lang);
  }
  // The cause is looked up per follow-up through the (tenant, conversation) index: joining a windowed CTE
  // instead made SQLite compare every follow-up with every conversation (seconds at 100,000 messages).
  const rows = await db.all<{ cause: string; status: string; recovered: number | string; n: number | string }>(
    `SELECT k.cause, k.status, k.recovered, COUNT(*) AS n FROM (
       SELECT COALESCE((
           SELECT f.cause FROM message_facts f
           WHERE f.tenant_id = fu.tenant_id AND f.conversation_id = fu.conversation_id AND f.speaker = 'customer'
             AND f.cause IS NOT NULL
           ORDER BY CASE WHEN f.polarity = 'negative' THEN 0 ELSE 1 END, f.intensity DESC, f.at DESC LIMIT 1
         ), 'none') AS cause,
         fu.status, CASE WHEN fu.outcome LIKE '%"recovered":true%' THEN 1 ELSE 0 END AS recovered
       FROM followups fu WHERE fu.tenant_id = ? AND fu.created_at >= ? AND fu.created_at < ?${extra}
     ) k GROUP BY k.cause, k.status, k.recovered`,
    [tenantId, filter.from, filter.to, ...extraParams],
  );
  return rows.map((r) => ({
    cause: r.cause,
    status: r.status as FollowUpRow["status"],
    recovered: Number(r.recovered) === 1,
    count: Number(r.n),
  }));
}

/** Each corrected message's latest correction made in the period, against the engine's label. */
export async function correctionRows(
  db: SqlDriver,
  tenantId: string,
  filter: AnalyticsFilter,
): Promise<CorrectionRow[]> {
  let extra = "";
  const params: unknown[] = [tenantId, filter.from, filter.to];
  if (filter.channel) {
    extra += " AND f.channel = ?";
    params.push(filter.channel);
  }
  if (filter.lang) {
    extra += " AND f.lang = ?";
    params.push(filter.lang);
  }
  const rows = await db.all<{ lang: string; predicted: string; corrected: string; n: number | string }>(
    `SELECT f.lang AS lang, f.emotion AS predicted, c.emotion AS corrected, COUNT(*) AS n FROM (
       SELECT message_id, emotion, ROW_NUMBER() OVER (PARTITION BY message_id ORDER BY created_at DESC, id DESC) AS rn
       FROM corrections WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
     ) c JOIN message_facts f ON f.message_id = c.message_id
     WHERE c.rn = 1 AND f.emotion IS NOT NULL${extra} GROUP BY f.lang, f.emotion, c.emotion`,
    params,
  );
  return rows.map((r) => ({ lang: r.lang, predicted: r.predicted, corrected: r.corrected, count: Number(r.n) }));
}

/** Customer messages per row (team of the assigned agent, channel, or UTC hour) and emotion. */
export async function heatmapRows(
  db: SqlDriver,
  tenantId: string,
  filter: AnalyticsFilter,
  dim: HeatmapDimension,
): Promise<HeatmapRow[]> {
  const w = customerMessages(tenantId, filter);
  const row =
    dim === "channel"
      ? "f.channel"
      : dim === "hour"
        ? "CAST(f.hour AS TEXT)"
        : "CASE WHEN cv.assigned_to IS NULL THEN 'unassigned' ELSE COALESCE(a.team, 'no team') END";
  const join =
    dim === "team"
      ? "JOIN conversations cv ON cv.id = f.conversation_id LEFT JOIN agents a ON a.tenant_id = cv.tenant_id AND a.id = cv.assigned_to"
      : "";
  const rows = await db.all<{ row_key: string; emotion: string; n: number | string }>(
    `SELECT ${row} AS row_key, f.emotion AS emotion, COUNT(*) AS n FROM message_facts f ${join}
     WHERE ${w.sql} GROUP BY ${row}, f.emotion`,
    w.params,
  );
  return rows.map((r) => ({ row: String(r.row_key), emotion: r.emotion, count: Number(r.n) }));
}
