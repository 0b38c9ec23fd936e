import { randomUUID } from "node:crypto";
import type {
  AgentRecord,
  AnalyticsFilter,
  ApiKeyRecord,
  AuditEntry,
  Correction,
  Delivery,
  FollowUp,
  IncomingMessage,
  InsertOutcome,
  Role,
  SkipReason,
  Store,
  StoredConversation,
  StoredCustomer,
  StoredMessage,
  StoredTurn,
  StreamEvent,
  TrendDimension,
  Webhook,
} from "@attune/core";
import * as analytics from "./analytics-queries.js";
import { type SqlDriver, TENANT_OF_IDS } from "./driver.js";
import { writeFacts } from "./message-facts.js";
import { migrate } from "./migrations.js";
import * as team from "./team-queries.js";

interface MessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  customer_id: string | null;
  external_id: string | null;
  channel: string;
  speaker: string;
  text: string;
  at: string;
  lang: string | null;
  meta: string;
  analysis_status: string;
  skip_reason: string | null;
  analysis: string | null;
  created_at: string;
}
type TurnRow = Pick<MessageRow, "id" | "conversation_id" | "speaker" | "text" | "at" | "analysis_status" | "analysis">;
interface ConversationRow {
  id: string;
  tenant_id: string;
  external_id: string | null;
  customer_id: string | null;
  channel: string;
  status: string;
  assigned_to: string | null;
  priority: number | string;
  state: string | null;
  last_message_at: string;
  updated_at: string;
}
interface CustomerRow {
  id: string;
  tenant_id: string;
  external_id: string;
  consent: string;
  created_at: string;
}
interface EventRow {
  id: number | string;
  tenant_id: string;
  topic: string;
  type: string;
  payload: string;
  created_at: string;
}

const DEFAULT_CONSENT = { text: true, voice: true, face: false };

const toMessage = (r: MessageRow): StoredMessage => ({
  id: r.id,
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  customerId: r.customer_id,
  externalId: r.external_id,
  channel: r.channel as StoredMessage["channel"],
  speaker: r.speaker as StoredMessage["speaker"],
  text: r.text,
  at: r.at,
  lang: r.lang,
  meta: JSON.parse(r.meta) as Record<string, unknown>,
  analysisStatus: r.analysis_status as StoredMessage["analysisStatus"],
  skipReason: r.skip_reason as SkipReason | null,
  analysis: r.analysis === null ? null : (JSON.parse(r.analysis) as unknown),
  createdAt: r.created_at,
});
const toConversation = (r: ConversationRow): StoredConversation => ({
  id: r.id,
  tenantId: r.tenant_id,
  externalId: r.external_id,
  customerId: r.customer_id,
  channel: r.channel as StoredConversation["channel"],
  status: r.status as StoredConversation["status"],
  assignedTo: r.assigned_to,
  priority: Number(r.priority),
  state: r.state === null ? null : (JSON.parse(r.state) as unknown),
  lastMessageAt: r.last_message_at,
  updatedAt: r.updated_at,
});
const toCustomer = (r: CustomerRow): StoredCustomer => ({
  id: r.id,
  tenantId: r.tenant_id,
  externalId: r.external_id,
  consent: { ...DEFAULT_CONSENT, ...(JSON.parse(r.consent) as Partial<StoredCustomer["consent"]>) },
  createdAt: r.created_at,
});
const toEvent = (r: EventRow): StreamEvent => ({
  id: Number(r.id),
  tenantId: r.tenant_id,
  topic: r.topic,
  type: r.type,
  payload: JSON.parse(r.payload) as unknown,
  createdAt: r.created_at,
});

interface FollowUpRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  customer_id: string | null;
  status: string;
  reason: string;
  before_score: number | string;
  outcome: string | null;
  created_at: string;
  closed_at: string | null;
}
const toFollowUp = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  customerId: r.customer_id,
  status: r.status as FollowUp["status"],
  reason: r.reason,
  beforeScore: Number(r.before_score),
  outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as FollowUp["outcome"]),
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The Store over any SqlDriver: the same SQL for SQLite and PostgreSQL. */
export class SqlStore implements Store {
  readonly dialect: "sqlite" | "postgres";

  constructor(private readonly db: SqlDriver) {
    this.dialect = db.dialect;
  }

  async migrate(): Promise<void> {
    await migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async createTenant(name: string) {
    const id = randomUUID();
    await this.db.run("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)", [
      id,
      name,
      new Date().toISOString(),
    ]);
    return { id, name };
  }

  async createApiKey(tenantId: string, role: Role, name: string, keyHash: string): Promise<ApiKeyRecord> {
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO api_keys (id, tenant_id, role, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      [id, tenantId, role, name, keyHash, new Date().toISOString()],
    );
    return { id, tenantId, role, name };
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | null> {
    const r = await this.db.get<{ id: string; tenant_id: string; role: string; name: string }>(
      "SELECT id, tenant_id, role, name FROM api_keys WHERE key_hash = ?",
      [keyHash],
    );
    return r ? { id: r.id, tenantId: r.tenant_id, role: r.role as Role, name: r.name } : null;
  }

  insertMessages(tenantId: string, messages: readonly IncomingMessage[], now: string): Promise<InsertOutcome[]> {
    // Set-based: a handful of statements per batch instead of several per message (PostgreSQL pays a
    // network round trip for each).
    return this.db.transaction(async (tx) => {
      const keys = [...new Set(messages.map((m) => m.externalId).filter((k): k is string => Boolean(k)))];
      const seen = new Map<string, { id: string; conversation_id: string; customer_id: string | null }>();
      for (const chunk of chunks(keys, 400)) {
        const rows = await tx.all<{
          id: string;
          external_id: string;
          conversation_id: string;
          customer_id: string | null;
        }>(
          `SELECT id, external_id, conversation_id, customer_id FROM messages WHERE tenant_id = ? AND external_id IN (${marks(chunk.length)})`,
          [tenantId, ...chunk],
        );
        for (const r of rows) seen.set(r.external_id, r);
      }

      const customerIds = await this.upsertCustomers(tx, tenantId, messages, now);
      const fresh: Array<{ m: IncomingMessage; id: string; at: string; customerId: string | null }> = [];
      const out: InsertOutcome[] = [];
      const inBatch = new Map<string, number>(); // externalId → index in out of its first occurrence
      const convByKey = new Map<string, string>();
      const pendingConv: Array<{
        key: string | null;
        id: string;
        customerId: string | null;
        channel: string;
        at: string;
      }> = [];
      for (const m of messages) {
        const prior = m.externalId ? seen.get(m.externalId) : undefined;
        if (prior) {
          out.push({
            id: prior.id,
            conversationId: prior.conversation_id,
            customerId: prior.customer_id,
            duplicate: true,
          });
          continue;
        }
        const first = m.externalId ? inBatch.get(m.externalId) : undefined;
        if (first !== undefined) {
          out.push({ ...(out[first] as InsertOutcome), duplicate: true });
          continue;
        }
        const at = m.at ?? now;
        const customerId = m.customerId ? (customerIds.get(m.customerId) ?? null) : null;
        let conversationId = m.conversationId ? convByKey.get(m.conversationId) : undefined;
        if (!conversationId) {
          conversationId = randomUUID();
          pendingConv.push({ key: m.conversationId ?? null, id: conversationId, customerId, channel: m.channel, at });
          if (m.conversationId) convByKey.set(m.conversationId, conversationId);
        }
        const id = randomUUID();
        if (m.externalId) inBatch.set(m.externalId, out.length);
        out.push({ id, conversationId, customerId, duplicate: false });
        fresh.push({ m, id, at, customerId });
      }

      // Conversations: insert the new keys, then read back the ids of keys that already existed.
      const resolved = await this.upsertConversations(tx, tenantId, pendingConv, now);
      for (const o of out) if (!o.duplicate) o.conversationId = resolved.get(o.conversationId) ?? o.conversationId;
      const conversationOf = new Map(out.filter((o) => !o.duplicate).map((o) => [o.id, o.conversationId]));

      for (const chunk of chunks(fresh, 200)) {
        const values: unknown[] = [];
        for (const f of chunk) {
          const conversationId = conversationOf.get(f.id) as string;
          values.push(
            f.id,
            tenantId,
            conversationId,
            f.customerId,
            f.m.externalId ?? null,
            f.m.channel,
            f.m.speaker,
            f.m.text,
            f.at,
            f.m.lang ?? null,
            JSON.stringify(f.m.meta ?? {}),
            now,
          );
        }
        await tx.run(
          `INSERT INTO messages (id, tenant_id, conversation_id, customer_id, external_id, channel, speaker, text, at, lang, meta, analysis_status, created_at)
           VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)").join(", ")}`,
          values,
        );
      }
      // Each touched conversation: latest message time, reopened.
      const latest = new Map<string, string>();
      for (const f of fresh) {
        const c = conversationOf.get(f.id) as string;
        if ((latest.get(c) ?? "") < f.at) latest.set(c, f.at);
      }
      for (const chunk of chunks([...latest], 200)) {
        await tx.run(
          `WITH v (id, at) AS (VALUES ${chunk.map(() => "(?, ?)").join(", ")})
           UPDATE conversations SET last_message_at = CASE WHEN last_message_at < v.at THEN v.at ELSE last_message_at END,
             updated_at = ?, status = 'open'
           FROM v WHERE conversations.id = v.id`,
          [...chunk.flat(), now],
        );
      }
      return out;
    });
  }

  private async upsertCustomers(
    tx: SqlDriver,
    tenantId: string,
    messages: readonly IncomingMessage[],
    now: string,
  ): Promise<Map<string, string>> {
    const keys = [...new Set(messages.map((m) => m.customerId).filter((k): k is string => Boolean(k)))];
    const ids = new Map<string, string>();
    for (const chunk of chunks(keys, 300)) {
      const values: unknown[] = [];
      for (const k of chunk) values.push(randomUUID(), tenantId, k, JSON.stringify(DEFAULT_CONSENT), now);
      await tx.run(
        `INSERT INTO customers (id, tenant_id, external_id, consent, created_at) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")} ON CONFLICT (tenant_id, external_id) DO NOTHING`,
        values,
      );
      const rows = await tx.all<{ id: string; external_id: string }>(
        `SELECT id, external_id FROM customers WHERE tenant_id = ? AND external_id IN (${marks(chunk.length)})`,
        [tenantId, ...chunk],
      );
      for (const r of rows) ids.set(r.external_id, r.id);
    }
    return ids;
  }

  /** Inserts new conversations; returns provisional id → stored id (different when the key already existed). */
  private async upsertConversations(
    tx: SqlDriver,
    tenantId: string,
    pending: ReadonlyArray<{ key: string | null; id: string; customerId: string | null; channel: string; at: string }>,
    now: string,
  ): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const chunk of chunks(pending, 200)) {
      const values: unknown[] = [];
      for (const p of chunk) values.push(p.id, tenantId, p.key, p.customerId, p.channel, p.at, now);
      await tx.run(
        `INSERT INTO conversations (id, tenant_id, external_id, customer_id, channel, last_message_at, updated_at)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")} ON CONFLICT (tenant_id, external_id) DO NOTHING`,
        values,
      );
      const keyed = chunk.filter((p) => p.key !== null);
      if (keyed.length) {
        const rows = await tx.all<{ id: string; external_id: string }>(
          `SELECT id, external_id FROM conversations WHERE tenant_id = ? AND external_id IN (${marks(keyed.length)})`,
          [tenantId, ...keyed.map((p) => p.key)],
        );
        const byKey = new Map(rows.map((r) => [r.external_id, r.id]));
        for (const p of keyed) map.set(p.id, byKey.get(p.key as string) ?? p.id);
      }
    }
    return map;
  }

  private async upsertCustomer(tx: SqlDriver, tenantId: string, externalId: string, now: string): Promise<string> {
    await tx.run(
      "INSERT INTO customers (id, tenant_id, external_id, consent, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, external_id) DO NOTHING",
      [randomUUID(), tenantId, externalId, JSON.stringify(DEFAULT_CONSENT), now],
    );
    const r = await tx.get<{ id: string }>("SELECT id FROM customers WHERE tenant_id = ? AND external_id = ?", [
      tenantId,
      externalId,
    ]);
    return (r as { id: string }).id;
  }

  async getMessage(tenantId: string, id: string) {
    const r = await this.db.get<MessageRow>("SELECT * FROM messages WHERE tenant_id = ? AND id = ?", [tenantId, id]);
    return r ? toMessage(r) : null;
  }

  async listConversationMessages(tenantId: string, conversationId: string) {
    const rows = await this.db.all<MessageRow>(
      "SELECT * FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY at, created_at, id",
      [tenantId, conversationId],
    );
    return rows.map(toMessage);
  }

  /**
   * Rows for a list of keys, in chunks of 500 (under SQLite's parameter limit), keys deduplicated: `query`
   * gets one chunk's `?, ?, …` list, and `before` / `after` are the parameters around it.
   */
  private async allIn<T>(
    keys: readonly string[],
    query: (marks: string) => string,
    before: readonly unknown[],
    after: readonly unknown[] = [],
  ): Promise<T[]> {
    const rows: T[] = [];
    for (const chunk of chunks([...new Set(keys)], 500)) {
      rows.push(...(await this.db.all<T>(query(chunk.map(() => "?").join(", ")), [...before, ...chunk, ...after])));
    }
    return rows;
  }

  async listMessagesOfConversations(tenantId: string, conversationIds: readonly string[]) {
    const out = new Map<string, StoredTurn[]>();
    // A conversation falls in one chunk, and each chunk comes back ordered by conversation and time.
    const rows = await this.allIn<TurnRow>(
      conversationIds,
      (marks) =>
        `SELECT id, conversation_id, speaker, text, at, analysis_status, analysis FROM messages WHERE tenant_id = ? AND conversation_id IN (${marks}) ORDER BY conversation_id, at, created_at, id`,
      [tenantId],
    );
    for (const row of rows) {
      const turn: StoredTurn = {
        id: row.id,
        speaker: row.speaker as StoredTurn["speaker"],
        text: row.text,
        at: row.at,
        analysisStatus: row.analysis_status as StoredTurn["analysisStatus"],
        analysis: row.analysis === null ? null : (JSON.parse(row.analysis) as unknown),
      };
      const list = out.get(row.conversation_id);
      if (list) list.push(turn);
      else out.set(row.conversation_id, [turn]);
    }
    return out;
  }

  async setAnalysis(
    tenantId: string,
    messageId: string,
    status: "done" | "skipped",
    analysis: unknown,
    skipReason: SkipReason | null,
  ) {
    await this.db.transaction(async (tx) => {
      await tx.run(
        "UPDATE messages SET analysis_status = ?, analysis = ?, skip_reason = ? WHERE tenant_id = ? AND id = ?",
        [status, analysis === null ? null : JSON.stringify(analysis), skipReason, tenantId, messageId],
      );
      await writeFacts(tx, tenantId, [{ id: messageId, status, analysis, skipReason }]);
    });
  }

  async getMessages(tenantId: string, ids: readonly string[]) {
    const rows = await this.allIn<MessageRow>(
      ids,
      (marks) => `SELECT * FROM messages WHERE ${TENANT_OF_IDS} AND id IN (${marks})`,
      [tenantId],
    );
    const out = rows.map(toMessage);
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  setAnalyses(
    tenantId: string,
    items: ReadonlyArray<{ id: string; status: "done" | "skipped"; analysis: unknown; skipReason: SkipReason | null }>,
  ): Promise<void> {
    // One UPDATE per 200 rows (UPDATE … FROM a VALUES list works in both SQLite ≥ 3.33 and PostgreSQL).
    return this.db.transaction(async (tx) => {
      for (const chunk of chunks(items, 200)) {
        const values: unknown[] = [];
        for (const it of chunk)
          values.push(it.id, it.status, it.analysis === null ? null : JSON.stringify(it.analysis), it.skipReason);
        await tx.run(
          `WITH v (id, status, analysis, skip) AS (VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")})
           UPDATE messages SET analysis_status = v.status, analysis = v.analysis, skip_reason = v.skip
           FROM v WHERE messages.id = v.id AND messages.tenant_id = ?`,
          [...values, tenantId],
        );
        await writeFacts(tx, tenantId, chunk);
      }
    });
  }

  saveConversationUpdates(
    tenantId: string,
    states: ReadonlyArray<{ id: string; state: unknown; priority: number }>,
    events: ReadonlyArray<{ topic: string; type: string; payload: unknown }>,
    now: string,
  ): Promise<StreamEvent[]> {
    return this.db.transaction(async (tx) => {
      // One UPDATE per 200 conversations (a batch of chats touches hundreds); the cast types the VALUES
      // column for PostgreSQL, which would otherwise read the parameter as text.
      for (const chunk of chunks(states, 200)) {
        const values: unknown[] = [];
        for (const s of chunk) values.push(s.id, JSON.stringify(s.state), s.priority);
        await tx.run(
          `WITH v (id, state, priority) AS (VALUES ${chunk.map(() => "(?, ?, CAST(? AS DOUBLE PRECISION))").join(", ")})
           UPDATE conversations SET state = v.state, priority = v.priority, updated_at = ?
           FROM v WHERE conversations.id = v.id AND conversations.tenant_id = ?`,
          [...values, now, tenantId],
        );
      }
      // Events go in a few multi-row statements; RETURNING gives their ids in insertion order, and the ids
      // grow with it, so they are sorted to be sure. Only the ids come back: a batch writes thousands of
      // events, and reading each payload back to parse it again cost more than writing it.
      const out: StreamEvent[] = [];
      for (const chunk of chunks(events, 200)) {
        const values: unknown[] = [];
        for (const e of chunk) values.push(tenantId, e.topic, e.type, JSON.stringify(e.payload), now);
        const rows = await tx.all<{ id: number | string }>(
          `INSERT INTO events (tenant_id, topic, type, payload, created_at) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")} RETURNING id`,
          values,
        );
        rows.sort((a, b) => Number(a.id) - Number(b.id));
        for (const [i, r] of rows.entries()) {
          const e = chunk[i] as (typeof chunk)[number];
          out.push({
            id: Number(r.id),
            tenantId,
            topic: e.topic,
            type: e.type,
            payload: e.payload,
            createdAt: now,
          });
          if (e.type !== "alert") continue;
          await tx.run(
            `INSERT INTO deliveries (id, tenant_id, webhook_id, event_type, payload, status, attempts, next_attempt_at, created_at)
             SELECT ? || '-' || id, tenant_id, id, ?, ?, 'pending', 0, ?, ? FROM webhooks WHERE tenant_id = ?`,
            [
              String(r.id),
              e.type,
              JSON.stringify({ ...(e.payload as object), eventId: Number(r.id) }),
              now,
              now,
              tenantId,
            ],
          );
        }
      }
      return out;
    });
  }

  async listPendingMessages(limit: number) {
    const rows = await this.db.all<MessageRow>(
      "SELECT * FROM messages WHERE analysis_status = 'pending' ORDER BY created_at, id LIMIT ?",
      [limit],
    );
    return rows.map(toMessage);
  }

  async getConversation(tenantId: string, id: string) {
    const r = await this.db.get<ConversationRow>("SELECT * FROM conversations WHERE tenant_id = ? AND id = ?", [
      tenantId,
      id,
    ]);
    return r ? toConversation(r) : null;
  }

  async getConversations(tenantId: string, ids: readonly string[]) {
    const rows = await this.allIn<ConversationRow>(
      ids,
      (marks) => `SELECT * FROM conversations WHERE ${TENANT_OF_IDS} AND id IN (${marks})`,
      [tenantId],
    );
    return rows.map(toConversation);
  }

  async setConversationState(tenantId: string, id: string, state: unknown, priority: number, now: string) {
    await this.db.run(
      "UPDATE conversations SET state = ?, priority = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      [JSON.stringify(state), priority, now, tenantId, id],
    );
  }

  async assignConversation(tenantId: string, id: string, agent: string | null, now: string) {
    return (
      (await this.db.run("UPDATE conversations SET assigned_to = ?, updated_at = ? WHERE tenant_id = ? AND id = ?", [
        agent,
        now,
        tenantId,
        id,
      ])) > 0
    );
  }

  async setConversationStatus(tenantId: string, id: string, status: "open" | "closed", now: string) {
    return (
      (await this.db.run("UPDATE conversations SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?", [
        status,
        now,
        tenantId,
        id,
      ])) > 0
    );
  }

  async listQueue(tenantId: string, limit: number) {
    const rows = await this.db.all<ConversationRow>(
      "SELECT * FROM conversations WHERE tenant_id = ? AND status = 'open' ORDER BY priority DESC, last_message_at ASC, id LIMIT ?",
      [tenantId, limit],
    );
    return rows.map(toConversation);
  }

  async getCustomer(tenantId: string, id: string) {
    const r = await this.db.get<CustomerRow>("SELECT * FROM customers WHERE tenant_id = ? AND id = ?", [tenantId, id]);
    return r ? toCustomer(r) : null;
  }

  async getCustomers(tenantId: string, ids: readonly string[]) {
    const rows = await this.allIn<CustomerRow>(
      ids,
      (marks) => `SELECT * FROM customers WHERE ${TENANT_OF_IDS} AND id IN (${marks})`,
      [tenantId],
    );
    return rows.map(toCustomer);
  }

  async setConsent(tenantId: string, externalId: string, consent: Partial<StoredCustomer["consent"]>, now: string) {
    return this.db.transaction(async (tx) => {
      const id = await this.upsertCustomer(tx, tenantId, externalId, now);
      const r = (await tx.get<CustomerRow>("SELECT * FROM customers WHERE id = ?", [id])) as CustomerRow;
      const merged = { ...toCustomer(r).consent, ...consent };
      await tx.run("UPDATE customers SET consent = ? WHERE id = ?", [JSON.stringify(merged), id]);
      return { ...toCustomer(r), consent: merged };
    });
  }

  async findCustomer(tenantId: string, externalId: string) {
    const r = await this.db.get<CustomerRow>("SELECT * FROM customers WHERE tenant_id = ? AND external_id = ?", [
      tenantId,
      externalId,
    ]);
    return r ? toCustomer(r) : null;
  }

  async countCustomerConversations(tenantId: string, customerId: string, since: string, exceptConversationId: string) {
    const r = await this.db.get<{ n: number | string }>(
      "SELECT COUNT(DISTINCT conversation_id) AS n FROM messages WHERE tenant_id = ? AND customer_id = ? AND speaker = 'customer' AND at >= ? AND conversation_id <> ?",
      [tenantId, customerId, since, exceptConversationId],
    );
    return Number(r?.n ?? 0);
  }

  async listCustomerConversationsSince(tenantId: string, customerIds: readonly string[], since: string) {
    const out = new Map<string, Set<string>>();
    const rows = await this.allIn<{ customer_id: string; conversation_id: string }>(
      customerIds,
      (marks) => `SELECT DISTINCT customer_id, conversation_id FROM messages
         WHERE tenant_id = ? AND customer_id IN (${marks}) AND speaker = 'customer' AND at >= ?`,
      [tenantId],
      [since],
    );
    for (const r of rows) {
      const set = out.get(r.customer_id);
      if (set) set.add(r.conversation_id);
      else out.set(r.customer_id, new Set([r.conversation_id]));
    }
    return out;
  }

  async listCustomerMessages(tenantId: string, customerId: string) {
    const rows = await this.db.all<MessageRow>(
      "SELECT * FROM messages WHERE tenant_id = ? AND customer_id = ? ORDER BY at, created_at, id",
      [tenantId, customerId],
    );
    return rows.map(toMessage);
  }

  eraseCustomer(tenantId: string, externalId: string) {
    return this.db.transaction(async (tx) => {
      const customer = await tx.get<{ id: string }>(
        "SELECT id FROM customers WHERE tenant_id = ? AND external_id = ?",
        [tenantId, externalId],
      );
      if (!customer) return null;
      const conversations = await tx.all<{ id: string }>(
        "SELECT DISTINCT conversation_id AS id FROM messages WHERE tenant_id = ? AND customer_id = ? UNION SELECT id FROM conversations WHERE tenant_id = ? AND customer_id = ?",
        [tenantId, customer.id, tenantId, customer.id],
      );
      let messages = 0;
      for (const c of conversations) {
        await tx.run(
          "DELETE FROM corrections WHERE tenant_id = ? AND message_id IN (SELECT id FROM messages WHERE conversation_id = ?)",
          [tenantId, c.id],
        );
        await tx.run("DELETE FROM followups WHERE tenant_id = ? AND conversation_id = ?", [tenantId, c.id]);
        messages += await tx.run("DELETE FROM messages WHERE tenant_id = ? AND conversation_id = ?", [tenantId, c.id]);
        await tx.run("DELETE FROM events WHERE tenant_id = ? AND (topic = ? OR payload LIKE ?)", [
          tenantId,
          `conversation:${c.id}`,
          `%${c.id}%`,
        ]);
        // Alert deliveries quote the customer's words and name the conversation.
        await tx.run("DELETE FROM deliveries WHERE tenant_id = ? AND payload LIKE ?", [tenantId, `%${c.id}%`]);
        await tx.run("DELETE FROM conversations WHERE tenant_id = ? AND id = ?", [tenantId, c.id]);
      }
      messages += await tx.run("DELETE FROM messages WHERE tenant_id = ? AND customer_id = ?", [tenantId, customer.id]);
      await tx.run("DELETE FROM followups WHERE tenant_id = ? AND customer_id = ?", [tenantId, customer.id]);
      await tx.run("DELETE FROM customers WHERE tenant_id = ? AND id = ?", [tenantId, customer.id]);
      return { messages, conversations: conversations.length };
    });
  }

  async expireAnalyses(tenantId: string, before: string) {
    await this.db.run(
      "DELETE FROM message_facts WHERE tenant_id = ? AND message_id IN (SELECT id FROM messages WHERE tenant_id = ? AND at < ?)",
      [tenantId, tenantId, before],
    );
    const n = await this.db.run(
      "UPDATE messages SET analysis = NULL, analysis_status = 'skipped', skip_reason = 'retention_expired' WHERE tenant_id = ? AND at < ? AND analysis IS NOT NULL",
      [tenantId, before],
    );
    await this.db.run("UPDATE conversations SET state = NULL WHERE tenant_id = ? AND last_message_at < ?", [
      tenantId,
      before,
    ]);
    return n;
  }

  async addCorrection(
    tenantId: string,
    messageId: string,
    emotion: string,
    polarity: string | null,
    by: string,
    now: string,
  ) {
    const message = await this.db.get<{ id: string }>("SELECT id FROM messages WHERE tenant_id = ? AND id = ?", [
      tenantId,
      messageId,
    ]);
    if (!message) return null;
    const c: Correction = { id: randomUUID(), tenantId, messageId, emotion, polarity, correctedBy: by, createdAt: now };
    await this.db.run(
      "INSERT INTO corrections (id, tenant_id, message_id, emotion, polarity, corrected_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [c.id, tenantId, messageId, emotion, polarity, by, now],
    );
    return c;
  }

  async listCorrections(tenantId: string) {
    const rows = await this.db.all<{
      id: string;
      message_id: string;
      emotion: string;
      polarity: string | null;
      corrected_by: string;
      created_at: string;
      text: string;
      lang: string | null;
    }>(
      `SELECT c.id, c.message_id, c.emotion, c.polarity, c.corrected_by, c.created_at, m.text, m.lang
       FROM corrections c JOIN messages m ON m.id = c.message_id WHERE c.tenant_id = ? ORDER BY c.created_at, c.id`,
      [tenantId],
    );
    return rows.map((r) => ({
      id: r.id,
      tenantId,
      messageId: r.message_id,
      emotion: r.emotion,
      polarity: r.polarity,
      correctedBy: r.corrected_by,
      createdAt: r.created_at,
      text: r.text,
      lang: r.lang,
    }));
  }

  async createFollowUp(
    tenantId: string,
    conversationId: string,
    customerId: string | null,
    reason: string,
    beforeScore: number,
    now: string,
  ) {
    return this.db.transaction(async (tx) => {
      const open = await tx.get<FollowUpRow>(
        "SELECT * FROM followups WHERE tenant_id = ? AND conversation_id = ? AND status = 'open'",
        [tenantId, conversationId],
      );
      if (open) return null;
      const id = randomUUID();
      await tx.run(
        "INSERT INTO followups (id, tenant_id, conversation_id, customer_id, status, reason, before_score, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
        [id, tenantId, conversationId, customerId, reason, beforeScore, now],
      );
      return toFollowUp((await tx.get<FollowUpRow>("SELECT * FROM followups WHERE id = ?", [id])) as FollowUpRow);
    });
  }

  async listFollowUps(tenantId: string, status?: FollowUp["status"]) {
    const rows = status
      ? await this.db.all<FollowUpRow>(
          "SELECT * FROM followups WHERE tenant_id = ? AND status = ? ORDER BY created_at, id",
          [tenantId, status],
        )
      : await this.db.all<FollowUpRow>("SELECT * FROM followups WHERE tenant_id = ? ORDER BY created_at, id", [
          tenantId,
        ]);
    return rows.map(toFollowUp);
  }

  async openFollowUpsForCustomer(tenantId: string, customerId: string) {
    const rows = await this.db.all<FollowUpRow>(
      "SELECT * FROM followups WHERE tenant_id = ? AND customer_id = ? AND status = 'open' ORDER BY created_at",
      [tenantId, customerId],
    );
    return rows.map(toFollowUp);
  }

  async customersWithOpenFollowUps(tenantId: string, customerIds: readonly string[]) {
    const rows = await this.allIn<{ customer_id: string }>(
      customerIds,
      (marks) =>
        `SELECT DISTINCT customer_id FROM followups WHERE tenant_id = ? AND status = 'open' AND customer_id IN (${marks})`,
      [tenantId],
    );
    return new Set(rows.map((r) => r.customer_id));
  }

  async closeFollowUp(tenantId: string, id: string, outcome: NonNullable<FollowUp["outcome"]>, now: string) {
    const n = await this.db.run(
      "UPDATE followups SET status = 'done', outcome = ?, closed_at = ? WHERE tenant_id = ? AND id = ? AND status = 'open'",
      [JSON.stringify(outcome), now, tenantId, id],
    );
    return n > 0;
  }

  async appendAudit(tenantId: string, entry: Omit<AuditEntry, "id" | "tenantId" | "createdAt">, now: string) {
    const e: AuditEntry = { id: randomUUID(), tenantId, createdAt: now, ...entry };
    await this.db.run(
      "INSERT INTO audit_log (id, tenant_id, actor, action, subject, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [e.id, tenantId, e.actor, e.action, e.subject, JSON.stringify(e.details), now],
    );
    return e;
  }

  async listAudit(tenantId: string) {
    const rows = await this.db.all<{
      id: string;
      actor: string;
      action: string;
      subject: string;
      details: string;
      created_at: string;
    }>("SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY created_at, id", [tenantId]);
    return rows.map((r) => ({
      id: r.id,
      tenantId,
      actor: r.actor,
      action: r.action as AuditEntry["action"],
      subject: r.subject,
      details: JSON.parse(r.details) as Record<string, unknown>,
      createdAt: r.created_at,
    }));
  }

  async getSetting(tenantId: string, name: string) {
    const r = await this.db.get<{ value: string }>("SELECT value FROM settings WHERE tenant_id = ? AND name = ?", [
      tenantId,
      name,
    ]);
    return r ? (JSON.parse(r.value) as unknown) : null;
  }

  async putSetting(tenantId: string, name: string, value: unknown, now: string) {
    await this.db.run(
      "INSERT INTO settings (tenant_id, name, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      [tenantId, name, JSON.stringify(value), now],
    );
  }

  async listWaitingConversations(before: string, limit: number) {
    const rows = await this.db.all<ConversationRow>(
      "SELECT * FROM conversations WHERE status = 'open' AND state IS NOT NULL AND last_message_at < ? ORDER BY last_message_at LIMIT ?",
      [before, limit],
    );
    return rows.map(toConversation);
  }

  async addWebhook(tenantId: string, url: string, secret: string, now: string): Promise<Webhook> {
    const w = { id: randomUUID(), tenantId, url, secret, createdAt: now };
    await this.db.run("INSERT INTO webhooks (id, tenant_id, url, secret, created_at) VALUES (?, ?, ?, ?, ?)", [
      w.id,
      tenantId,
      url,
      secret,
      now,
    ]);
    return w;
  }

  async listWebhooks(tenantId: string): Promise<Webhook[]> {
    const rows = await this.db.all<{ id: string; url: string; secret: string; created_at: string }>(
      "SELECT * FROM webhooks WHERE tenant_id = ? ORDER BY created_at, id",
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, tenantId, url: r.url, secret: r.secret, createdAt: r.created_at }));
  }

  private async deliveries(where: string, params: unknown[]): Promise<Delivery[]> {
    const rows = await this.db.all<{
      id: string;
      tenant_id: string;
      webhook_id: string;
      url: string;
      secret: string;
      event_type: string;
      payload: string;
      status: string;
      attempts: number | string;
      next_attempt_at: string;
      last_error: string | null;
      created_at: string;
    }>(`SELECT d.*, w.url, w.secret FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE ${where}`, params);
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      webhookId: r.webhook_id,
      url: r.url,
      secret: r.secret,
      eventType: r.event_type,
      payload: JSON.parse(r.payload) as unknown,
      status: r.status as Delivery["status"],
      attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      createdAt: r.created_at,
    }));
  }

  listDueDeliveries(now: string, limit: number) {
    return this.deliveries("d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?", [
      now,
      limit,
    ]);
  }

  async markDelivered(id: string, now: string) {
    await this.db.run(
      "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ?",
      [now, id],
    );
  }

  async markFailed(id: string, error: string, nextAttemptAt: string | null) {
    if (nextAttemptAt === null) {
      await this.db.run("UPDATE deliveries SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?", [
        error,
        id,
      ]);
    } else {
      await this.db.run(
        "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
        [error, nextAttemptAt, id],
      );
    }
  }

  listDeadDeliveries(tenantId: string) {
    return this.deliveries("d.tenant_id = ? AND d.status = 'dead' ORDER BY d.created_at, d.id", [tenantId]);
  }

  async replayDelivery(tenantId: string, id: string, now: string) {
    const n = await this.db.run(
      "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE tenant_id = ? AND id = ? AND status = 'dead'",
      [now, tenantId, id],
    );
    return n > 0;
  }

  async appendEvent(tenantId: string, topic: string, type: string, payload: unknown, now: string) {
    const r = await this.db.get<EventRow>(
      "INSERT INTO events (tenant_id, topic, type, payload, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
      [tenantId, topic, type, JSON.stringify(payload), now],
    );
    return toEvent(r as EventRow);
  }

  async latestEventId(tenantId: string) {
    const row = await this.db.get<{ id: number | string | null }>(
      "SELECT MAX(id) AS id FROM events WHERE tenant_id = ?",
      [tenantId],
    );
    return Number(row?.id ?? 0);
  }

  async listEvents(tenantId: string, topics: readonly string[], afterId: number, limit: number) {
    if (topics.length === 0) return [];
    const marks = topics.map(() => "?").join(", ");
    const rows = await this.db.all<EventRow>(
      `SELECT * FROM events WHERE tenant_id = ? AND topic IN (${marks}) AND id > ? ORDER BY id LIMIT ?`,
      [tenantId, ...topics, afterId, limit],
    );
    return rows.map(toEvent);
  }

  analyticsTrend(tenantId: string, filter: AnalyticsFilter, by: TrendDimension) {
    return analytics.trendRows(this.db, tenantId, filter, by);
  }

  analyticsCauses(tenantId: string, filter: AnalyticsFilter) {
    return analytics.causeRows(this.db, tenantId, filter);
  }

  analyticsCauseExamples(tenantId: string, filter: AnalyticsFilter, perCause: number) {
    return analytics.causeExampleRows(this.db, tenantId, filter, perCause);
  }

  analyticsSatisfaction(tenantId: string, filter: AnalyticsFilter) {
    return analytics.satisfactionRows(this.db, tenantId, filter);
  }

  analyticsFollowUps(tenantId: string, filter: AnalyticsFilter) {
    return analytics.followUpRows(this.db, tenantId, filter);
  }

  analyticsCorrections(tenantId: string, filter: AnalyticsFilter) {
    return analytics.correctionRows(this.db, tenantId, filter);
  }

  analyticsHeatmap(tenantId: string, filter: AnalyticsFilter, dim: "team" | "channel" | "hour") {
    return analytics.heatmapRows(this.db, tenantId, filter, dim);
  }

  countEvents(tenantId: string, type: string, since: string) {
    return team.countEvents(this.db, tenantId, type, since);
  }

  listOpenConversations(tenantId: string, limit: number) {
    return team.openConversationRows(this.db, tenantId, limit);
  }

  agentExposure(tenantId: string, since: string) {
    return team.exposureRows(this.db, tenantId, since);
  }

  upsertAgent(tenantId: string, agent: AgentRecord, now: string) {
    return team.upsertAgent(this.db, tenantId, agent, now);
  }

  listAgents(tenantId: string) {
    return team.listAgents(this.db, tenantId);
  }

  recordBreak(tenantId: string, agentId: string, at: string, minutes: number | null) {
    return team.recordBreak(this.db, tenantId, agentId, at, minutes);
  }

  lastBreaks(tenantId: string) {
    return team.lastBreaks(this.db, tenantId);
  }
}
