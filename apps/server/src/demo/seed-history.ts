import { followUpOnClose, type IncomingMessage, type IngestDeps, ingestMessages } from "@attune/core";
import { DEMO_AGENTS, planHistory } from "./history.js";

/** Plausible second opinions for corrections that disagree with the engine. */
const OTHER_LABEL: Record<string, string> = {
  anger: "frustration",
  frustration: "anger",
  disappointment: "sadness",
  anxiety: "confusion",
  sadness: "disappointment",
  confusion: "anxiety",
  surprise: "confusion",
  neutral: "confusion",
  satisfaction: "gratitude",
  gratitude: "satisfaction",
  joy: "satisfaction",
};

async function ingestAll(deps: IngestDeps, tenantId: string, messages: readonly IncomingMessage[]) {
  const ids: string[] = [];
  let stored = 0;
  for (let i = 0; i < messages.length; i += 500) {
    const acks = await ingestMessages(deps, tenantId, messages.slice(i, i + 500));
    stored += acks.filter((a) => !a.duplicate).length;
    ids.push(...acks.map((a) => a.id));
  }
  return { ids, stored };
}

/**
 * A month of demo history, so every analytics chart has something on first start: the agent roster (six
 * agents, three teams), conversations over 30 days (assigned, most closed, follow-ups for those that ended
 * negative), CSAT answers, customers writing again, reviewers' corrections and two breaks today.
 * Idempotent like the rest of the seed. Returns how many messages were stored.
 */
export async function seedHistory(
  deps: IngestDeps,
  tenantId: string,
  now = new Date(),
  conversations = 900,
): Promise<number> {
  const { store } = deps;
  const stamp = now.toISOString();
  for (const a of DEMO_AGENTS) await store.upsertAgent(tenantId, { id: a.id, name: a.name, team: a.team }, stamp);
  const plans = planHistory({ now, days: 30, conversations, seed: 2026, prefix: "demo-history:" });
  const first = await ingestAll(
    deps,
    tenantId,
    plans.flatMap((p) => p.messages),
  );

  const conversationOf = new Map<string, string>();
  const acks = await store.getMessages(tenantId, first.ids);
  for (const m of acks) if (m.externalId) conversationOf.set(m.externalId, m.conversationId);
  for (const p of plans) {
    const id = conversationOf.get(`${p.key}:0`);
    if (!id) continue;
    await store.assignConversation(tenantId, id, p.agent, p.messages[0]?.at ?? stamp);
    if (p.closedAt) {
      await store.setConversationStatus(tenantId, id, "closed", p.closedAt);
      await followUpOnClose(store, tenantId, id, p.closedAt);
    }
  }
  // Customers write again after their follow-up was created: recovered or not.
  const returns = plans.flatMap((p) => (p.returnVisit ? [p.returnVisit] : []));
  const second = await ingestAll(deps, tenantId, returns);
  const returned = await store.getMessages(tenantId, second.ids);
  for (const m of returned) {
    const plan = plans.find((p) => p.returnVisit?.externalId === m.externalId);
    if (!plan) continue;
    await store.assignConversation(tenantId, m.conversationId, plan.agent, m.at);
    // A return visit from before today was answered and closed; only today's are still in the queue.
    const closedAt = Date.parse(m.at) + 45 * 60_000;
    if (closedAt < now.getTime() - 12 * 3_600_000) {
      await store.setConversationStatus(tenantId, m.conversationId, "closed", new Date(closedAt).toISOString());
    }
  }

  // Reviewers looked at every twelfth customer message: most agree with the engine, some do not.
  const customerTurns = acks.filter((m) => m.speaker === "customer" && m.channel !== "survey" && m.analysis);
  for (const [i, m] of customerTurns.entries()) {
    if (i % 12 !== 0) continue;
    const engine = (m.analysis as { emotion: string }).emotion;
    const label = i % 48 === 0 ? (OTHER_LABEL[engine] ?? "neutral") : engine;
    const reviewer = DEMO_AGENTS[i % DEMO_AGENTS.length]?.id ?? "demo supervisor";
    const at = new Date(Math.min(Date.parse(m.at) + 2 * 3_600_000, now.getTime())).toISOString();
    await store.addCorrection(tenantId, m.id, label, null, reviewer, at);
  }
  const hour = 3_600_000;
  await store.recordBreak(tenantId, "wang.lei", new Date(now.getTime() - 1.5 * hour).toISOString(), 15);
  await store.recordBreak(tenantId, "lin.yating", new Date(now.getTime() - 0.5 * hour).toISOString(), 10);
  return first.stored + second.stored;
}
