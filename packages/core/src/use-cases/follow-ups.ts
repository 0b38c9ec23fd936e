import type { EmotionResult } from "@attune/engine";
import type { Store } from "../ports/store.js";
import type { ConversationSummary } from "./conversation-summary.js";

/** A conversation that ends negative needs a follow-up: created when it is closed. */
export async function followUpOnClose(
  store: Store,
  tenantId: string,
  conversationId: string,
  now: string,
): Promise<boolean> {
  const conversation = await store.getConversation(tenantId, conversationId);
  const state = conversation?.state as ConversationSummary | null | undefined;
  if (!conversation || !state || state.final.polarity !== "negative") return false;
  const reason = `closed while the customer felt ${state.final.emotion} (${state.final.score.toFixed(2)})`;
  return (
    (await store.createFollowUp(tenantId, conversationId, conversation.customerId, reason, state.final.score, now)) !==
    null
  );
}

/** How much better the customer must feel for the feeling to count as recovered. */
const RECOVERY = 0.4;

/**
 * When a customer with open follow-ups writes again, their new message says whether the feeling
 * recovered: the follow-ups close with the outcome.
 */
export async function recordRecovery(
  store: Store,
  tenantId: string,
  customerId: string,
  conversationId: string,
  messageId: string,
  result: EmotionResult,
  now: string,
): Promise<number> {
  let closed = 0;
  for (const f of await store.openFollowUpsForCustomer(tenantId, customerId)) {
    if (f.conversationId === conversationId) continue; // the same conversation is not "writing again"
    const recovered = result.polarity !== "negative" && result.score >= f.beforeScore + RECOVERY;
    const note = recovered
      ? `recovered: ${f.beforeScore.toFixed(2)} → ${result.score.toFixed(2)} (${result.emotion})`
      : `not recovered: ${f.beforeScore.toFixed(2)} → ${result.score.toFixed(2)} (${result.emotion})`;
    if (await store.closeFollowUp(tenantId, f.id, { recovered, afterScore: result.score, messageId, note }, now))
      closed++;
  }
  return closed;
}
