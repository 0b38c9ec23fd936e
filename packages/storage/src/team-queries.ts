import { randomUUID } from "node:crypto";
import type { AgentBreak, AgentRecord, ExposureRow, OpenConversationRow } from "@attune/core";
import type { SqlDriver } from "./driver.js";

/** Events of one type since a time (alerts today). */
export async function countEvents(db: SqlDriver, tenantId: string, type: string, since: string): Promise<number> {
  const r = await db.get<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM events WHERE tenant_id = ? AND type = ? AND created_at >= ?",
    [tenantId, type, since],
  );
  return Number(r?.n ?? 0);
}

/** Open conversations, highest priority first, with the customer's external id. */
export async function openConversationRows(
  db: SqlDriver,
  tenantId: string,
  limit: number,
): Promise<OpenConversationRow[]> {
  const rows = await db.all<{
    id: string;
    customer: string | null;
    channel: string;
    assigned_to: string | null;
    priority: number | string;
    state: string | null;
    last_message_at: string;
  }>(
    `SELECT c.id, cu.external_id AS customer, c.channel, c.assigned_to, c.priority, c.state, c.last_message_at
     FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
     WHERE c.tenant_id = ? AND c.status = 'open' ORDER BY c.priority DESC, c.last_message_at, c.id LIMIT ?`,
    [tenantId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    customer: r.customer,
    channel: r.channel,
    assignedTo: r.assigned_to,
    priority: Number(r.priority),
    state: r.state === null ? null : (JSON.parse(r.state) as unknown),
    lastMessageAt: r.last_message_at,
  }));
}

/** What each assigned agent handled since a time, per conversation: turns, anger and abuse it exposed them to. */
export async function exposureRows(db: SqlDriver, tenantId: string, since: string): Promise<ExposureRow[]> {
  const rows = await db.all<{
    agent: string;
    conversation_id: string;
    last_agent_at: string | null;
    last_at: string;
    agent_turns: number | string;
    max_anger: number | string | null;
    abusive: number | string | null;
  }>(
    `SELECT c.assigned_to AS agent, f.conversation_id, MAX(CASE WHEN f.speaker = 'agent' THEN f.at END) AS last_agent_at,
       MAX(f.at) AS last_at, SUM(CASE WHEN f.speaker = 'agent' THEN 1 ELSE 0 END) AS agent_turns,
       MAX(CASE WHEN f.speaker = 'customer' AND f.emotion = 'anger' THEN f.intensity ELSE 0 END) AS max_anger,
       MAX(CASE WHEN f.speaker = 'customer' THEN f.abuse ELSE 0 END) AS abusive
     FROM message_facts f JOIN conversations c ON c.id = f.conversation_id
     WHERE f.tenant_id = ? AND f.speaker IN ('customer', 'agent', 'bot') AND f.at >= ? AND c.assigned_to IS NOT NULL
     GROUP BY c.assigned_to, f.conversation_id`,
    [tenantId, since],
  );
  return rows.map((r) => ({
    agent: r.agent,
    conversationId: r.conversation_id,
    lastAt: r.last_agent_at ?? r.last_at,
    agentTurns: Number(r.agent_turns),
    maxAnger: Number(r.max_anger ?? 0),
    abusive: Number(r.abusive ?? 0) > 0,
  }));
}

/** Adds an agent to the roster or changes their name and team. */
export async function upsertAgent(
  db: SqlDriver,
  tenantId: string,
  agent: AgentRecord,
  now: string,
): Promise<AgentRecord> {
  await db.run(
    `INSERT INTO agents (tenant_id, id, name, team, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, team = excluded.team, updated_at = excluded.updated_at`,
    [tenantId, agent.id, agent.name, agent.team, now, now],
  );
  return { id: agent.id, name: agent.name, team: agent.team };
}

/** The roster, by team then id. */
export async function listAgents(db: SqlDriver, tenantId: string): Promise<AgentRecord[]> {
  const rows = await db.all<{ id: string; name: string; team: string | null }>(
    "SELECT id, name, team FROM agents WHERE tenant_id = ? ORDER BY COALESCE(team, ''), id",
    [tenantId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, team: r.team }));
}

/** Records a break for an agent on the roster; null when there is no such agent. */
export async function recordBreak(
  db: SqlDriver,
  tenantId: string,
  agentId: string,
  at: string,
  minutes: number | null,
): Promise<AgentBreak | null> {
  const known = await db.get<{ id: string }>("SELECT id FROM agents WHERE tenant_id = ? AND id = ?", [
    tenantId,
    agentId,
  ]);
  if (!known) return null;
  await db.run(
    "INSERT INTO agent_breaks (id, tenant_id, agent_id, at, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    [randomUUID(), tenantId, agentId, at, minutes, new Date().toISOString()],
  );
  return { agentId, at, minutes };
}

/** Each agent's latest break. */
export async function lastBreaks(db: SqlDriver, tenantId: string): Promise<AgentBreak[]> {
  const rows = await db.all<{ agent_id: string; at: string; minutes: number | string | null }>(
    `SELECT b.agent_id, b.at, b.minutes FROM agent_breaks b
     WHERE b.tenant_id = ? AND b.at = (SELECT MAX(x.at) FROM agent_breaks x WHERE x.tenant_id = b.tenant_id AND x.agent_id = b.agent_id)`,
    [tenantId],
  );
  const seen = new Map<string, AgentBreak>();
  for (const r of rows)
    seen.set(r.agent_id, { agentId: r.agent_id, at: r.at, minutes: r.minutes === null ? null : Number(r.minutes) });
  return [...seen.values()];
}
