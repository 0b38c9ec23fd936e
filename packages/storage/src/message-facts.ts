import type { SkipReason } from "@attune/core";
import { type SqlDriver, TENANT_OF_IDS } from "./driver.js";

/** One row of `message_facts`: what analytics needs of a message and its analysis, in plain columns. */
export interface MessageFact {
  messageId: string;
  tenantId: string;
  conversationId: string;
  customerId: string | null;
  at: string;
  hour: number;
  channel: string;
  lang: string;
  speaker: string;
  emotion: string | null;
  polarity: string | null;
  score: number | null;
  intensity: number | null;
  abuse: number;
  cause: string | null;
  product: string | null;
  csat: number | null;
}

interface FactSource {
  id: string;
  tenant_id: string;
  conversation_id: string;
  customer_id: string | null;
  channel: string;
  speaker: string;
  at: string;
  lang: string | null;
  meta: string;
}

interface AnalysisShape {
  lang?: unknown;
  emotion?: unknown;
  polarity?: unknown;
  score?: unknown;
  intensity?: unknown;
  signals?: { abuse?: { present?: unknown } };
  causes?: Array<{ aspect?: unknown }>;
}

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The fact row for a stored message and its analysis (null for agent and bot turns), or null when the
 * message's time cannot be read. Times are normalized to UTC so ranges and buckets compare as strings.
 */
export function factOf(m: FactSource, analysis: unknown): MessageFact | null {
  const time = Date.parse(m.at);
  if (Number.isNaN(time)) return null;
  const at = new Date(time).toISOString();
  const a = (analysis ?? {}) as AnalysisShape;
  const meta = JSON.parse(m.meta) as Record<string, unknown>;
  const product =
    typeof meta.product === "string" && meta.product.trim()
      ? meta.product.trim()
      : typeof meta.product === "number"
        ? String(meta.product)
        : null;
  const csat = num(meta.csat);
  return {
    messageId: m.id,
    tenantId: m.tenant_id,
    conversationId: m.conversation_id,
    customerId: m.customer_id,
    at,
    hour: new Date(time).getUTCHours(),
    channel: m.channel,
    lang: str(a.lang) ?? m.lang ?? "unknown",
    speaker: m.speaker,
    emotion: str(a.emotion),
    polarity: str(a.polarity),
    score: num(a.score),
    intensity: num(a.intensity),
    abuse: a.signals?.abuse?.present === true ? 1 : 0,
    cause: str(a.causes?.[0]?.aspect),
    product,
    csat: csat !== null && csat >= 1 && csat <= 5 ? csat : null,
  };
}

const COLUMNS =
  "message_id, tenant_id, conversation_id, customer_id, at, hour, channel, lang, speaker, emotion, polarity, score, intensity, abuse, cause, product, csat";
const UPDATE = COLUMNS.split(", ")
  .slice(1)
  .map((c) => `${c} = excluded.${c}`)
  .join(", ");

/**
 * Keeps `message_facts` in step with saved analyses, inside the caller's transaction: analyzed messages get
 * (or replace) their row, skipped ones lose it (consent withdrawn or retention: no emotion data is kept).
 */
export async function writeFacts(
  tx: SqlDriver,
  tenantId: string,
  items: ReadonlyArray<{ id: string; status: "done" | "skipped"; analysis: unknown; skipReason: SkipReason | null }>,
): Promise<void> {
  const skipped = items.filter((i) => i.status === "skipped").map((i) => i.id);
  if (skipped.length) {
    await tx.run(
      `DELETE FROM message_facts WHERE ${TENANT_OF_IDS} AND message_id IN (${skipped.map(() => "?").join(", ")})`,
      [tenantId, ...skipped],
    );
  }
  const done = items.filter((i) => i.status === "done");
  if (done.length === 0) return;
  const sources = await tx.all<FactSource>(
    `SELECT id, tenant_id, conversation_id, customer_id, channel, speaker, at, lang, meta FROM messages
     WHERE ${TENANT_OF_IDS} AND id IN (${done.map(() => "?").join(", ")})`,
    [tenantId, ...done.map((i) => i.id)],
  );
  const analysisOf = new Map(done.map((i) => [i.id, i.analysis]));
  const facts = sources.map((s) => factOf(s, analysisOf.get(s.id))).filter((f): f is MessageFact => f !== null);
  if (facts.length === 0) return;
  const values: unknown[] = [];
  for (const f of facts) {
    values.push(
      f.messageId,
      f.tenantId,
      f.conversationId,
      f.customerId,
      f.at,
      f.hour,
      f.channel,
      f.lang,
      f.speaker,
      f.emotion,
      f.polarity,
      f.score,
      f.intensity,
      f.abuse,
      f.cause,
      f.product,
      f.csat,
    );
  }
  const row = `(${Array.from({ length: 17 }, () => "?").join(", ")})`;
  await tx.run(
    `INSERT INTO message_facts (${COLUMNS}) VALUES ${facts.map(() => row).join(", ")}
     ON CONFLICT (message_id) DO UPDATE SET ${UPDATE}`,
    values,
  );
}
