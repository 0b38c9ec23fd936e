import { join } from "node:path";
import { type IncomingMessage, type IngestDeps, ingestMessages } from "@attune/core";
import { ENGINE_DATA_DIR, readJsonlFolder } from "@attune/engine/node";
import { DEMO_AGENTS } from "./demo/history.js";
import { seedHistory } from "./demo/seed-history.js";

interface WrittenConversation {
  id: string;
  lang: string;
  channel: "chat" | "email" | "call";
  turns: Array<{ speaker: "customer" | "agent" | "bot"; text: string; at?: string }>;
}

/**
 * Demo data: the team's written conversations (zh-Hans, zh-Hant, Cantonese, English; chat, e-mail,
 * calls), moved to the last few hours so the queue and stream look alive, two in three assigned to the demo
 * agents; then a month of history for the analytics (see `seedHistory`). Idempotent: each message has an
 * idempotency key, so seeding twice stores nothing new.
 */
export async function seedDemo(deps: IngestDeps, tenantId: string, now = new Date(), limit = 60): Promise<number> {
  const dir = join(ENGINE_DATA_DIR, "..", "test-data", "conversations");
  const conversations = readJsonlFolder<WrittenConversation>(dir);
  // Take every fourth, for a mix of languages, channels and tiers.
  const chosen = conversations.filter((_, i) => i % 4 === 0).slice(0, limit);
  const messages: IncomingMessage[] = [];
  chosen.forEach((c, n) => {
    const first = Date.parse(c.turns[0]?.at ?? "") || 0;
    const start = now.getTime() - (chosen.length - n) * 60_000;
    c.turns.forEach((t, i) => {
      const offset = t.at && first ? Date.parse(t.at) - first : i * 60_000;
      messages.push({
        externalId: `demo:${c.id}:${i}`,
        conversationId: `demo:${c.id}`,
        customerId: `demo-customer:${c.id}`,
        channel: c.channel,
        speaker: t.speaker,
        text: t.text,
        at: new Date(start + offset).toISOString(),
      });
    });
  });
  let stored = 0;
  const conversationIds = new Map<string, string>();
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500);
    const acks = await ingestMessages(deps, tenantId, batch);
    stored += acks.filter((a) => !a.duplicate).length;
    for (const [j, a] of acks.entries()) conversationIds.set(batch[j]?.conversationId ?? "", a.conversationId);
  }
  const at = now.toISOString();
  for (const [n, c] of chosen.entries()) {
    const id = conversationIds.get(`demo:${c.id}`);
    const agent = DEMO_AGENTS[n % DEMO_AGENTS.length];
    if (id && agent && n % 3 !== 2) await deps.store.assignConversation(tenantId, id, agent.id, at);
  }
  return stored + (await seedHistory(deps, tenantId, now));
}
