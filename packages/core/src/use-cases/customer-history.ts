import type { EmotionResult } from "@attune/engine";
import type { FollowUp, StoredMessage } from "../ports/store.js";

/** A customer's emotional history across channels, as an agent needs it at a glance. */
export interface CustomerHistory {
  /** Recent state: scores weighted by recency (half-life 3 days), -1..1, and the latest emotion. */
  recent: { score: number; emotion: string | null; at: string | null };
  /** Distinct conversations in the 7 days before `now`. */
  contactsThisWeek: number;
  /** What keeps coming up, most frequent first. */
  recurringCauses: Array<{ aspect: string; count: number }>;
  channels: Array<{ channel: string; messages: number }>;
  /** How the last follow-up ended. */
  lastResolution: FollowUp["outcome"] | null;
  /** Each analyzed customer message: when, where, how they felt. */
  timeline: Array<{
    at: string;
    channel: string;
    conversationId: string;
    emotion: string;
    score: number;
    intensity: number;
  }>;
}

const HALF_LIFE_DAYS = 3;
const DAY = 86_400_000;

/** Builds the history from the customer's stored messages and follow-ups (pure). */
export function customerHistory(
  messages: readonly StoredMessage[],
  followUps: readonly FollowUp[],
  now: Date,
): CustomerHistory {
  const timeline: CustomerHistory["timeline"] = [];
  const causes = new Map<string, number>();
  const channels = new Map<string, number>();
  let weighted = 0;
  let weights = 0;
  const weekAgo = now.getTime() - 7 * DAY;
  const recentConversations = new Set<string>();
  for (const m of messages) {
    if (m.speaker !== "customer") continue;
    channels.set(m.channel, (channels.get(m.channel) ?? 0) + 1);
    const at = Date.parse(m.at);
    if (at >= weekAgo && at <= now.getTime()) recentConversations.add(m.conversationId);
    const r = m.analysis as EmotionResult | null;
    if (!r) continue;
    timeline.push({
      at: m.at,
      channel: m.channel,
      conversationId: m.conversationId,
      emotion: r.emotion,
      score: r.score,
      intensity: r.intensity,
    });
    const age = Math.max(0, (now.getTime() - at) / DAY);
    const w = 0.5 ** (age / HALF_LIFE_DAYS);
    weighted += w * r.score;
    weights += w;
    for (const c of new Set(r.causes.map((x) => x.aspect))) causes.set(c, (causes.get(c) ?? 0) + 1);
  }
  const last = timeline[timeline.length - 1];
  const closed = followUps
    .filter((f) => f.status === "done" && f.outcome)
    .sort((a, b) => (a.closedAt ?? "").localeCompare(b.closedAt ?? ""));
  return {
    recent: {
      score: weights ? Math.round((weighted / weights) * 1000) / 1000 : 0,
      emotion: last?.emotion ?? null,
      at: last?.at ?? null,
    },
    contactsThisWeek: recentConversations.size,
    recurringCauses: [...causes.entries()]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([aspect, count]) => ({ aspect, count })),
    channels: [...channels.entries()].sort((a, b) => b[1] - a[1]).map(([channel, n]) => ({ channel, messages: n })),
    lastResolution: closed[closed.length - 1]?.outcome ?? null,
    timeline,
  };
}
