import {
  type AgentBreak,
  type AgentRecord,
  assessWellbeing,
  type ConversationSummary,
  type ExposureRow,
  type OpenConversationRow,
  slaMinutesForState,
} from "@attune/core";
import { type AgentWellbeing, EMOTION_LABELS, type SupervisorOverviewResponse } from "./schemas.js";

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const AT_RISK = 20;

/**
 * The supervisor's view of the open queue: conversations at risk (escalation risk ≥ 0.5, past their
 * emotion-dependent SLA, or priority ≥ 50; riskiest first) and the queue per customer emotion.
 */
export function presentOverview(
  open: readonly OpenConversationRow[],
  alertsToday: number,
  now: Date,
): SupervisorOverviewResponse {
  const rows = open.map((c) => {
    const state = c.state as ConversationSummary | null;
    const waiting =
      state?.lastSpeaker === "customer" ? Math.max(0, (now.getTime() - Date.parse(c.lastMessageAt)) / 60_000) : 0;
    const sla = state ? slaMinutesForState(state.final) : null;
    return {
      conversationId: c.id,
      customer: c.customer,
      channel: c.channel,
      escalationRisk: state?.escalationRisk.score ?? 0,
      priority: c.priority,
      emotion: state?.final.emotion ?? "unknown",
      intensity: state?.final.intensity ?? 0,
      reasons: [...new Set([...(state?.escalationRisk.reasons ?? []), ...(state?.priority.reasons ?? [])])].slice(0, 5),
      waitingMinutes: round(waiting),
      slaMinutes: sla,
      overSla: sla !== null && waiting > sla,
      assignedTo: c.assignedTo,
      lastMessageAt: c.lastMessageAt,
    };
  });
  const atRisk = rows
    .filter((r) => r.escalationRisk >= 0.5 || r.overSla || r.priority >= 50)
    .sort((a, b) => b.escalationRisk - a.escalationRisk || b.priority - a.priority)
    .slice(0, AT_RISK);
  const byEmotion = new Map<string, { emotion: string; open: number; overSla: number; oldestWaitingMinutes: number }>();
  for (const r of rows) {
    const e = byEmotion.get(r.emotion) ?? { emotion: r.emotion, open: 0, overSla: 0, oldestWaitingMinutes: 0 };
    e.open++;
    if (r.overSla) e.overSla++;
    e.oldestWaitingMinutes = Math.max(e.oldestWaitingMinutes, r.waitingMinutes);
    byEmotion.set(r.emotion, e);
  }
  const order = (e: string) => {
    const i = (EMOTION_LABELS as readonly string[]).indexOf(e);
    return i < 0 ? EMOTION_LABELS.length : i;
  };
  return {
    atRisk,
    queueByEmotion: [...byEmotion.values()].sort((a, b) => order(a.emotion) - order(b.emotion)),
    alertsToday,
    openConversations: open.length,
  };
}

/**
 * Each agent's wellbeing today, from workload and exposure only (assignments, the customers' anger and
 * abuse, breaks); never from the agent's own words, voice or face. Agents on the roster come first, then
 * anyone else conversations were assigned to.
 */
export function presentWellbeing(
  roster: readonly AgentRecord[],
  exposure: readonly ExposureRow[],
  breaks: readonly AgentBreak[],
  dayStart: Date,
  now: Date,
): AgentWellbeing[] {
  const agents = [...roster];
  for (const e of exposure)
    if (!agents.some((a) => a.id === e.agent)) agents.push({ id: e.agent, name: e.agent, team: null });
  return agents.map((a) => {
    const b = breaks.find((x) => x.agentId === a.id);
    const assessment = assessWellbeing({
      handled: exposure
        .filter((e) => e.agent === a.id)
        .map((e) => ({ conversationId: e.conversationId, at: e.lastAt, maxAnger: e.maxAnger, abusive: e.abusive })),
      lastBreak: b ? { at: b.at, minutes: b.minutes } : null,
      dayStart,
      now,
    });
    return { agent: a.id, name: a.name, team: a.team, ...assessment };
  });
}
