import type { ConversationAnalysis } from "@attune/engine";

/** What is kept of a conversation analysis on the conversation row and sent to the queue and stream. */
export interface ConversationSummary {
  final: ConversationAnalysis["final"];
  trajectory: ConversationAnalysis["trajectory"];
  turningPoints: ConversationAnalysis["turningPoints"];
  escalationRisk: ConversationAnalysis["escalationRisk"];
  satisfaction: ConversationAnalysis["satisfaction"];
  priority: { score: number; reasons: string[]; factors: ConversationAnalysis["priority"]["factors"] };
  agentQuality: ConversationAnalysis["agentQuality"];
  languages: string[];
  turns: number;
  /** Who spoke last: a customer waiting for an answer is "customer". */
  lastSpeaker: "customer" | "agent" | "bot" | null;
  /** Set once an SLA alert was raised for the current wait (the time of the message that waited). */
  slaAlertedFor?: string;
}

/** The summary of an analysis (the per-turn details stay with the messages). */
export function summarize(a: ConversationAnalysis): ConversationSummary {
  return {
    final: a.final,
    trajectory: a.trajectory,
    turningPoints: a.turningPoints,
    escalationRisk: a.escalationRisk,
    satisfaction: a.satisfaction,
    priority: { score: a.priority.score, reasons: a.priority.reasons, factors: a.priority.factors },
    agentQuality: a.agentQuality,
    languages: a.languages,
    turns: a.turns.length,
    lastSpeaker: a.turns[a.turns.length - 1]?.speaker ?? null,
  };
}
