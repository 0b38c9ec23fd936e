import { ANALYTICS_MIGRATION } from "./analytics-migration.js";
import type { SqlDriver } from "./driver.js";

/** One schema change, written for both databases. Never edit a shipped migration: add a new one. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const schema = (eventId: string) => `
CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), role TEXT NOT NULL,
  name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE customers (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), external_id TEXT NOT NULL,
  consent TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (tenant_id, external_id));
CREATE TABLE conversations (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), external_id TEXT,
  customer_id TEXT REFERENCES customers(id), channel TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',
  assigned_to TEXT, priority DOUBLE PRECISION NOT NULL DEFAULT 0, state TEXT,
  last_message_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (tenant_id, external_id));
CREATE INDEX conversations_queue ON conversations (tenant_id, status, priority DESC);
CREATE TABLE messages (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
  conversation_id TEXT NOT NULL REFERENCES conversations(id), customer_id TEXT REFERENCES customers(id),
  external_id TEXT, channel TEXT NOT NULL, speaker TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL,
  lang TEXT, meta TEXT NOT NULL, analysis_status TEXT NOT NULL, skip_reason TEXT, analysis TEXT,
  created_at TEXT NOT NULL, UNIQUE (tenant_id, external_id));
CREATE INDEX messages_conversation ON messages (tenant_id, conversation_id, at);
CREATE INDEX messages_pending ON messages (analysis_status, created_at);
CREATE TABLE events (
  id ${eventId}, tenant_id TEXT NOT NULL REFERENCES tenants(id), topic TEXT NOT NULL,
  type TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX events_topic ON events (tenant_id, topic, id);
`;

const feedback = `
CREATE TABLE corrections (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), message_id TEXT NOT NULL REFERENCES messages(id),
  emotion TEXT NOT NULL, polarity TEXT, corrected_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX corrections_tenant ON corrections (tenant_id, created_at);
CREATE TABLE followups (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),
  conversation_id TEXT NOT NULL REFERENCES conversations(id), customer_id TEXT REFERENCES customers(id),
  status TEXT NOT NULL, reason TEXT NOT NULL, before_score DOUBLE PRECISION NOT NULL, outcome TEXT,
  created_at TEXT NOT NULL, closed_at TEXT);
CREATE INDEX followups_customer ON followups (tenant_id, customer_id, status);
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, details TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX audit_tenant ON audit_log (tenant_id, created_at);
`;

const webhooks = `
CREATE TABLE webhooks (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), url TEXT NOT NULL, secret TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), webhook_id TEXT NOT NULL REFERENCES webhooks(id),
  event_type TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
`;

const settings = `
CREATE TABLE settings (
  tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, name));
`;

/** The schema, in order. JSON is kept as TEXT in both databases, so rows read back identically. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "tenants, keys, customers, conversations, messages, events",
    // events.id is the live stream's resume point: it must only grow.
    sqlite: schema("INTEGER PRIMARY KEY AUTOINCREMENT"),
    postgres: schema("BIGSERIAL PRIMARY KEY"),
  },
  {
    version: 2,
    name: "corrections, follow-ups, audit log",
    sqlite: feedback,
    postgres: feedback,
  },
  {
    version: 3,
    name: "webhooks and their deliveries",
    sqlite: webhooks,
    postgres: webhooks,
  },
  {
    version: 4,
    name: "tenant settings (alert rules)",
    sqlite: settings,
    postgres: settings,
  },
  {
    version: 5,
    name: "index messages by customer (history, repeat contacts, erasure)",
    sqlite: "CREATE INDEX messages_customer ON messages (tenant_id, customer_id, at);",
    postgres: "CREATE INDEX messages_customer ON messages (tenant_id, customer_id, at);",
  },
  ANALYTICS_MIGRATION,
  {
    version: 7,
    name: "index follow-ups by conversation (one open follow-up per conversation is checked on every close)",
    sqlite: "CREATE INDEX followups_conversation ON followups (tenant_id, conversation_id, status);",
    postgres: "CREATE INDEX followups_conversation ON followups (tenant_id, conversation_id, status);",
  },
];

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await driver.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set(
    (await driver.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version)),
  );
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await driver.transaction(async (tx) => {
      await tx.exec(driver.dialect === "sqlite" ? m.sqlite : m.postgres);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    });
    applied.push(m.version);
  }
  return applied;
}
