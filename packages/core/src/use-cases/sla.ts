import { slaMinutesFor } from "@attune/engine";
import type { Store } from "../ports/store.js";
import { alertRulesFor } from "./alerts.js";
import type { ConversationSummary } from "./conversation-summary.js";

/**
 * The answer SLA in minutes for a customer in this state (5 when angry … 20 when mildly negative), or null
 * when the customer is not negative.
 */
export function slaMinutesForState(final: ConversationSummary["final"]): number | null {
  if (final.polarity !== "negative") return null;
  return slaMinutesFor(final.intensity, final.emotion === "anger" ? final.intensity : 0);
}

/**
 * Raises a `waiting_past_sla` alert for each open conversation whose negative customer has waited for
 * an answer longer than their emotion-dependent SLA (5 min when angry … 20 min when mildly negative),
 * once per wait. Returns the tenants that got an alert (to wake their streams).
 */
export async function checkWaitingSla(store: Store, now: Date): Promise<string[]> {
  // The shortest SLA is 5 minutes: nothing newer can be late.
  const waiting = await store.listWaitingConversations(new Date(now.getTime() - 5 * 60_000).toISOString(), 500);
  const tenants = new Set<string>();
  for (const c of waiting) {
    const state = c.state as ConversationSummary | null;
    if (state?.lastSpeaker !== "customer" || state.final.polarity !== "negative") continue;
    if (state.slaAlertedFor === c.lastMessageAt) continue;
    const sla = slaMinutesForState(state.final) as number;
    const minutes = (now.getTime() - Date.parse(c.lastMessageAt)) / 60_000;
    if (minutes <= sla) continue;
    const rules = await alertRulesFor(store, c.tenantId);
    if (!rules.waitingPastSla) continue;
    const alert = {
      kind: "waiting_past_sla",
      conversationId: c.id,
      messageId: null,
      reason: `${state.final.emotion} customer waiting ${Math.round(minutes)} min (SLA ${sla} min)`,
      severity: minutes > 2 * sla ? "critical" : "warning",
      facts: { emotion: state.final.emotion, waitingMinutes: Math.round(minutes), slaMinutes: sla },
    };
    await store.saveConversationUpdates(
      c.tenantId,
      [{ id: c.id, state: { ...state, slaAlertedFor: c.lastMessageAt }, priority: c.priority }],
      [{ topic: "supervisor", type: "alert", payload: alert }],
      now.toISOString(),
    );
    tenants.add(c.tenantId);
  }
  return [...tenants];
}
