import type { EmotionResult } from "@attune/engine";
import type { Store } from "../ports/store.js";
import type { ConversationSummary } from "./conversation-summary.js";

/** Alert rules an operator can change. */
export interface AlertRules {
  /** Raise when a customer message is negative at or above this intensity. */
  highIntensity: number;
  escalationThreat: boolean;
  abuse: boolean;
  /** Raise when escalation risk rises past this value. */
  riskAbove: number;
  /** Raise when a negative customer waits past their emotion-dependent SLA. */
  waitingPastSla: boolean;
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  highIntensity: 0.8,
  escalationThreat: true,
  abuse: true,
  riskAbove: 0.7,
  waitingPastSla: true,
};

/** The tenant's rules: its stored setting over the defaults. */
export async function alertRulesFor(store: Store, tenantId: string): Promise<AlertRules> {
  const stored = (await store.getSetting(tenantId, "alertRules")) as Partial<AlertRules> | null;
  return { ...DEFAULT_ALERT_RULES, ...(stored ?? {}) };
}

/** An alert for supervisors, with why it was raised. */
export interface Alert {
  kind: "high_intensity" | "escalation_threat" | "abuse" | "rising_risk" | "waiting_past_sla";
  conversationId: string;
  messageId: string;
  reason: string;
  severity: "warning" | "critical";
  /** The reason's parts, for a UI to say it in its own language (`reason` says it in English). */
  facts?: AlertFacts;
}

/** What an alert is about, as data: the customer's words, emotion, risk or wait. */
export interface AlertFacts {
  words?: string[];
  emotion?: string;
  intensity?: number;
  riskBefore?: number;
  riskAfter?: number;
  waitingMinutes?: number;
  slaMinutes?: number;
}

/** Which alerts one analyzed customer message raises, given the conversation before and after it. */
export function evaluateAlerts(
  rules: AlertRules,
  ids: { conversationId: string; messageId: string },
  result: EmotionResult,
  before: ConversationSummary | null,
  after: ConversationSummary,
): Alert[] {
  const alerts: Alert[] = [];
  const base = { conversationId: ids.conversationId, messageId: ids.messageId };
  const threat = result.signals.escalationThreat;
  if (rules.escalationThreat && threat.present) {
    const words = threat.evidence.map((e) => e.text).join(", ");
    alerts.push({
      ...base,
      kind: "escalation_threat",
      reason: `threatened to escalate (“${words}”)`,
      severity: "critical",
      facts: { words: threat.evidence.map((e) => e.text) },
    });
  }
  if (rules.abuse && result.signals.abuse.present) {
    alerts.push({
      ...base,
      kind: "abuse",
      reason: "abusive language towards staff",
      severity: "warning",
      facts: { words: result.signals.abuse.evidence.map((e) => e.text) },
    });
  }
  if (result.polarity === "negative" && result.intensity >= rules.highIntensity) {
    alerts.push({
      ...base,
      kind: "high_intensity",
      reason: `${result.emotion} at ${result.intensity.toFixed(2)}`,
      severity: "warning",
      facts: { emotion: result.emotion, intensity: result.intensity },
    });
  }
  const was = before?.escalationRisk.score ?? 0;
  if (after.escalationRisk.score >= rules.riskAbove && was < rules.riskAbove) {
    alerts.push({
      ...base,
      kind: "rising_risk",
      reason: `escalation risk ${was.toFixed(2)} → ${after.escalationRisk.score.toFixed(2)}: ${after.escalationRisk.reasons.slice(0, 3).join("; ")}`,
      severity: "critical",
      facts: { riskBefore: was, riskAfter: after.escalationRisk.score },
    });
  }
  return alerts;
}
