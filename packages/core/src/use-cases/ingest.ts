import type { AnalyzeOptions, Analyzer, EmotionResult, Turn } from "@attune/engine";
import { analyzeConversationWith } from "@attune/engine";
import type { IncomingMessage } from "../domain/message.js";
import type { InsertOutcome, Store, StoredMessage, StoredTurn } from "../ports/store.js";
import { type AlertRules, alertRulesFor, evaluateAlerts } from "./alerts.js";
import { type ConversationSummary, summarize } from "./conversation-summary.js";
import { recordRecovery } from "./follow-ups.js";

/** What the ingest use case needs. */
export interface IngestDeps {
  store: Store;
  analyzer: Analyzer;
  now: () => Date;
  /** PII redaction applied before anything is stored, when the operator enabled it. */
  redact?: (text: string) => string;
  alertRules?: AlertRules;
}

/** One stored message, as acknowledged to the sender. */
export interface IngestAck extends InsertOutcome {
  index: number;
}

/**
 * Stores messages (one transaction: acknowledged only once committed; retried idempotency keys are
 * not stored twice), then analyzes what is new. Analysis happens after the commit, so a crash between
 * the two leaves messages `pending`, and `resumePending` finishes them on the next start.
 */
export async function ingestMessages(
  deps: IngestDeps,
  tenantId: string,
  messages: readonly IncomingMessage[],
): Promise<IngestAck[]> {
  const now = deps.now().toISOString();
  const cleaned = deps.redact ? messages.map((m) => ({ ...m, text: deps.redact?.(m.text) ?? m.text })) : messages;
  const outcomes = await deps.store.insertMessages(tenantId, cleaned, now);
  const fresh = outcomes.filter((o) => !o.duplicate);
  await analyzeStored(
    deps,
    tenantId,
    fresh.map((o) => o.id),
  );
  return outcomes.map((o, index) => ({ ...o, index }));
}

/** Analyzes messages left pending (after a crash or restart), a batch at a time. Returns how many. */
export async function resumePending(deps: IngestDeps, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const pending = await deps.store.listPendingMessages(batch);
    if (pending.length === 0) return total;
    const byTenant = new Map<string, string[]>();
    for (const m of pending) byTenant.set(m.tenantId, [...(byTenant.get(m.tenantId) ?? []), m.id]);
    for (const [tenantId, ids] of byTenant) await analyzeStored(deps, tenantId, ids);
    total += pending.length;
  }
}

const toTurn = (m: StoredTurn): Turn => ({ speaker: m.speaker, text: m.text, at: m.at });

/**
 * Analyzes stored messages (respecting consent), then recomputes each touched conversation's state
 * once, raises alerts and publishes stream events.
 */
export async function analyzeStored(deps: IngestDeps, tenantId: string, messageIds: readonly string[]): Promise<void> {
  const { store, analyzer } = deps;
  const now = deps.now().toISOString();
  const messages = (await store.getMessages(tenantId, messageIds)).filter((m) => m.analysisStatus === "pending");
  if (messages.length === 0) return;
  // Consent and open follow-ups of every customer in the batch, read once (not once per message).
  const customerIds = [
    ...new Set(messages.flatMap((m) => (m.speaker === "customer" && m.customerId ? [m.customerId] : []))),
  ];
  const consent = new Map<string, boolean>(
    customerIds.length
      ? (await store.getCustomers(tenantId, customerIds)).map((c) => [c.id, c.consent.text ?? true])
      : [],
  );
  const withFollowUps = customerIds.length
    ? await store.customersWithOpenFollowUps(tenantId, customerIds)
    : new Set<string>();
  const updates: Array<{
    id: string;
    status: "done" | "skipped";
    analysis: unknown;
    skipReason: "consent_withdrawn" | null;
  }> = [];
  const touched = new Map<string, Array<{ message: StoredMessage; result: EmotionResult }>>();
  for (const message of messages) {
    let result: EmotionResult | null = null;
    if (message.speaker === "customer") {
      if (message.customerId && consent.get(message.customerId) === false) {
        updates.push({ id: message.id, status: "skipped", analysis: null, skipReason: "consent_withdrawn" });
        continue;
      }
      const options: AnalyzeOptions = { channel: message.channel };
      if (message.lang) options.lang = message.lang as AnalyzeOptions["lang"];
      result = analyzer.analyze(message.text, options);
    }
    updates.push({ id: message.id, status: "done", analysis: result, skipReason: null });
    const list = touched.get(message.conversationId) ?? [];
    if (result) list.push({ message, result });
    touched.set(message.conversationId, list);
  }
  await store.setAnalyses(tenantId, updates);
  for (const [conversationId, added] of touched) {
    for (const { message, result } of added) {
      if (message.customerId && withFollowUps.has(message.customerId))
        await recordRecovery(store, tenantId, message.customerId, conversationId, message.id, result, now);
    }
  }

  const rules = deps.alertRules ?? (await alertRulesFor(store, tenantId));
  const states: Array<{ id: string; state: ConversationSummary; priority: number }> = [];
  const events: Array<{ topic: string; type: string; payload: unknown }> = [];
  // Everything the touched conversations need is read in a few queries, not three per conversation: a batch
  // of chat messages usually touches as many conversations as it has messages.
  const ids = [...touched.keys()];
  const conversations = new Map((await store.getConversations(tenantId, ids)).map((c) => [c.id, c]));
  const messagesOf = await store.listMessagesOfConversations(tenantId, ids);
  const customers = [...new Set([...conversations.values()].flatMap((c) => (c.customerId ? [c.customerId] : [])))];
  // Repeat contacts this week come from the customer's history, across conversations and channels.
  const weekAgo = new Date(Date.parse(now) - 7 * 86_400_000).toISOString();
  const contactsSince = customers.length
    ? await store.listCustomerConversationsSince(tenantId, customers, weekAgo)
    : new Map<string, Set<string>>();
  for (const [conversationId, added] of touched) {
    const conversation = conversations.get(conversationId);
    if (!conversation) continue;
    const before = (conversation.state as ConversationSummary | null) ?? null;
    const stored = messagesOf.get(conversationId) ?? [];
    // Customer turns withdrawn from analysis are left out; stored analyses are reused, not recomputed.
    const usable = stored.filter((m) => m.speaker !== "customer" || m.analysisStatus === "done");
    const byText = new Map(usable.map((m) => [m.text, m.analysis as EmotionResult | null]));
    const analyzeText = (text: string) => byText.get(text) ?? analyzer.analyze(text);
    const others = conversation.customerId ? contactsSince.get(conversation.customerId) : undefined;
    const contactsThisWeek = others ? others.size - (others.has(conversationId) ? 1 : 0) : 0;
    const summary = summarize(analyzeConversationWith(analyzeText, usable.map(toTurn), { now, contactsThisWeek }));
    states.push({ id: conversationId, state: summary, priority: summary.priority.score });
    events.push({
      topic: `conversation:${conversationId}`,
      type: "conversation.updated",
      payload: { conversationId, summary, messages: added.map((a) => a.message.id) },
    });
    events.push({
      topic: "supervisor",
      type: "queue.updated",
      payload: { conversationId, priority: summary.priority },
    });
    for (const { message, result } of added) {
      for (const alert of evaluateAlerts(rules, { conversationId, messageId: message.id }, result, before, summary)) {
        events.push({ topic: "supervisor", type: "alert", payload: alert });
      }
    }
  }
  await store.saveConversationUpdates(tenantId, states, events, now);
}
