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
 * Classifies the customer's path: recovered (clearly upset, then positive), escalating (more upset
 * by the end), de-escalating (less upset, not yet okay), or steady.
 */
export function classifyTrajectory(turns: readonly TurnAnalysis[]): Trajectory {
  const s = customerScores(turns);
  if (s.length < 2) return "steady";
  const first = (s[0] as { score: number }).score;
  const last = (s[s.length - 1] as { score: number }).score;
  const lowest = Math.min(...s.map((x) => x.score));
  const peakDistress = Math.max(...s.map((x) => (x.score < 0 ? -x.score * (0.5 + x.intensity / 2) : 0)));
  const lastDistress = last < 0 ? -last * (0.5 + (s[s.length - 1] as { intensity: number }).intensity / 2) : 0;
  const firstDistress = first < 0 ? -first * (0.5 + (s[0] as { intensity: number }).intensity / 2) : 0;
  if (lowest <= -0.3 && last >= 0.2 && last - lowest >= 0.5) return "recovered";
  if (last <= -0.2 && (last < first - 0.2 || lastDistress > firstDistress + 0.15)) return "escalating";
  if (first <= -0.2 && (last > first + 0.25 || lastDistress < peakDistress - 0.25)) return "de-escalating";
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
