import type { Trajectory, TurnAnalysis, TurningPoint } from "./types.js";

/** How clearly the customer's score must move for a turn to count as a turning point. */
const TURN_DELTA = 0.35;

/** The customer's score sequence, with the index of each customer turn. */
export function customerScores(
  turns: readonly TurnAnalysis[],
): Array<{ index: number; score: number; intensity: number }> {
  return turns
    .filter((t) => t.speaker === "customer" && t.state)
    .map((t) => ({ index: t.index, score: t.state?.score ?? 0, intensity: t.state?.intensity ?? 0 }));
}

/**
 * How upset a customer turn reads, 0..1: negativity, its strength, agitation, and threats or abuse,
 * so "angry" and "angry and now threatening" differ even when both scores sit at -1.
 */
export function distressOf(t: TurnAnalysis): number {
  const s = t.state;
  if (s?.polarity !== "negative") return s && s.score < -0.2 ? -s.score * 0.3 : 0;
  const r = t.result;
  const threat =
    r && (r.signals.escalationThreat.present || r.signals.abuse.present || r.signals.churnIntent.present) ? 0.2 : 0;
  return Math.min(1, 0.35 * -s.score + 0.3 * s.intensity + 0.15 * (r?.arousal ?? 0) + threat);
}

/**
 * Classifies the customer's path: recovered (clearly upset, then positive), escalating (more upset
 * by the end), de-escalating (clearly less upset, not yet okay), or steady.
 */
export function classifyTrajectory(turns: readonly TurnAnalysis[]): Trajectory {
  const customer = turns.filter((t) => t.speaker === "customer" && t.state);
  if (customer.length < 2) return "steady";
  const scores = customer.map((t) => t.state?.score ?? 0);
  const distress = customer.map(distressOf);
  const last = scores[scores.length - 1] as number;
  const lowest = Math.min(...scores);
  const firstDistress = distress[0] as number;
  const lastDistress = distress[distress.length - 1] as number;
  const peak = Math.max(...distress);
  if (lowest <= -0.3 && last >= 0.2 && last - lowest >= 0.5) return "recovered";
  if (lastDistress >= 0.3 && lastDistress >= firstDistress + 0.12) return "escalating";
  if (peak >= 0.3 && lastDistress <= peak - 0.2) return "de-escalating";
  return "steady";
}

function summarize(t: TurnAnalysis): string {
  const q = t.quality;
  if (!q) return "";
  const good = q.breakdown.filter((b) => b.met === true).map((b) => b.check);
  const faults = q.breakdown.filter((b) => b.fault).map((b) => b.check);
  const missed = q.breakdown.filter((b) => b.met === false && !b.fault && b.points < 0).map((b) => b.check);
  return [...faults, ...good, ...(missed.length ? [`did not: ${missed.join(", ")}`] : [])].join("; ");
}

/** The agent or bot turns after which the customer's score moved by at least 0.35, with why. */
export function findTurningPoints(turns: readonly TurnAnalysis[]): TurningPoint[] {
  const s = customerScores(turns);
  const points: TurningPoint[] = [];
  for (let k = 1; k < s.length; k++) {
    const before = s[k - 1] as { index: number; score: number };
    const after = s[k] as { index: number; score: number };
    const delta = after.score - before.score;
    if (Math.abs(delta) < TURN_DELTA) continue;
    // The agent's last word before the customer answered is the one the customer answered.
    let agent = -1;
    for (let i = after.index - 1; i > before.index; i--) {
      if (turns[i]?.speaker !== "customer") {
        agent = i;
        break;
      }
    }
    if (agent < 0) continue;
    const who = turns[agent]?.speaker === "bot" ? "bot" : "agent";
    const detail = summarize(turns[agent] as TurnAnalysis);
    points.push({
      turn: agent,
      direction: delta > 0 ? "better" : "worse",
      delta: Math.round(delta * 1000) / 1000,
      why: `${who} turn ${agent} ${delta > 0 ? "calmed the customer" : "upset the customer"}${detail ? `: ${detail}` : ""}`,
    });
  }
  return points;
}
