import type { Migration } from "./migrations.js";

const tables = `
CREATE TABLE message_facts (
  message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE, tenant_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL, customer_id TEXT, at TEXT NOT NULL, hour INTEGER NOT NULL, channel TEXT NOT NULL,
  lang TEXT NOT NULL, speaker TEXT NOT NULL, emotion TEXT, polarity TEXT, score DOUBLE PRECISION,
  intensity DOUBLE PRECISION, abuse INTEGER NOT NULL DEFAULT 0, cause TEXT, product TEXT, csat DOUBLE PRECISION);
CREATE INDEX message_facts_time ON message_facts (tenant_id, speaker, at);
CREATE INDEX message_facts_conversation ON message_facts (tenant_id, conversation_id, at);
CREATE TABLE agents (
  tenant_id TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, name TEXT NOT NULL, team TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE agent_breaks (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agent_id TEXT NOT NULL, at TEXT NOT NULL,
  minutes INTEGER, created_at TEXT NOT NULL);
CREATE INDEX agent_breaks_agent ON agent_breaks (tenant_id, agent_id, at);
CREATE INDEX conversations_assigned ON conversations (tenant_id, assigned_to);
CREATE INDEX events_type ON events (tenant_id, type, created_at);
CREATE INDEX followups_created ON followups (tenant_id, created_at);
`;

// The backfill reads each analyzed message's JSON once, here, so queries never have to.
const sqliteBackfill = `
INSERT INTO message_facts (message_id, tenant_id, conversation_id, customer_id, at, hour, channel, lang, speaker,
  emotion, polarity, score, intensity, abuse, cause, product, csat)
SELECT m.id, m.tenant_id, m.conversation_id, m.customer_id, strftime('%Y-%m-%dT%H:%M:%fZ', m.at),
  CAST(strftime('%H', m.at) AS INTEGER), m.channel,
  COALESCE(json_extract(m.analysis, '$.lang'), m.lang, 'unknown'), m.speaker,
  json_extract(m.analysis, '$.emotion'), json_extract(m.analysis, '$.polarity'), json_extract(m.analysis, '$.score'),
  json_extract(m.analysis, '$.intensity'), COALESCE(json_extract(m.analysis, '$.signals.abuse.present'), 0),
  json_extract(m.analysis, '$.causes[0].aspect'),
  CASE WHEN json_type(m.meta, '$.product') IN ('text', 'integer') THEN CAST(json_extract(m.meta, '$.product') AS TEXT) END,
  CASE WHEN json_type(m.meta, '$.csat') IN ('integer', 'real') AND json_extract(m.meta, '$.csat') BETWEEN 1 AND 5
    THEN json_extract(m.meta, '$.csat') END
FROM messages m WHERE m.analysis_status = 'done' AND strftime('%H', m.at) IS NOT NULL;
`;

const postgresBackfill = `
INSERT INTO message_facts (message_id, tenant_id, conversation_id, customer_id, at, hour, channel, lang, speaker,
  emotion, polarity, score, intensity, abuse, cause, product, csat)
SELECT m.id, m.tenant_id, m.conversation_id, m.customer_id,
  to_char(m.at::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  EXTRACT(HOUR FROM m.at::timestamptz AT TIME ZONE 'UTC')::int, m.channel,
  COALESCE(a.j->>'lang', m.lang, 'unknown'), m.speaker, a.j->>'emotion', a.j->>'polarity',
  (a.j->>'score')::double precision, (a.j->>'intensity')::double precision,
  CASE WHEN a.j#>>'{signals,abuse,present}' = 'true' THEN 1 ELSE 0 END, a.j#>>'{causes,0,aspect}',
  CASE WHEN jsonb_typeof(t.meta->'product') IN ('string', 'number') THEN t.meta->>'product' END,
  CASE WHEN jsonb_typeof(t.meta->'csat') = 'number' AND (t.meta->>'csat')::double precision BETWEEN 1 AND 5
    THEN (t.meta->>'csat')::double precision END
FROM messages m
CROSS JOIN LATERAL (SELECT m.analysis::jsonb AS j) a
CROSS JOIN LATERAL (SELECT m.meta::jsonb AS meta) t
WHERE m.analysis_status = 'done';
`;

/** Migration 6: per-message analytics facts (backfilled from stored analyses), the agent roster and breaks. */
export const ANALYTICS_MIGRATION: Migration = {
  version: 6,
  name: "message facts for analytics, agent roster and breaks",
  sqlite: tables + sqliteBackfill,
  postgres: tables + postgresBackfill,
};
