import { AttuneError, describeType } from "../errors.js";
import { type Emotion, NEGATIVE_EMOTIONS, type Signal } from "../labels.js";
import type { EmotionResult } from "../types.js";
import type { AgentCue } from "./agent-cues.js";
import { type AgentContext, scoreAgentTurn } from "./agent-quality.js";
import { readInContext } from "./context.js";
import { computePriority, DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights, slaMinutesFor } from "./priority.js";
import { expressedScores, scoreSatisfaction } from "./satisfaction.js";
import { serviceCues } from "./service-cues.js";
import { classifyTrajectory, customerScores, findTurningPoints } from "./trajectory.js";
import {
  type ContextualState,
  type ConversationAnalysis,
  type Scored,
  SPEAKERS,
  type Turn,
  type TurnAnalysis,
} from "./types.js";

/** Options for `analyzeConversation`. */
export interface ConversationOptions {
  /** The time to measure waiting against (ISO-8601 or epoch ms); default: the last turn's time. */
  now?: string | number;
  /** Contacts this customer already made this week (from the service's history). */
  contactsThisWeek?: number;
  /** Operator weights for the queue priority (missing ones keep their defaults). */
  priorityWeights?: Partial<PriorityWeights>;
}

type AnalyzeFn = (text: string) => EmotionResult;

const MAX_TURNS = 2000;
const NUMBER_WORDS: Record<string, number> = {
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};

function toMillis(at: string | number | undefined, where: string): number | undefined {
  if (at === undefined) return undefined;
  const t = typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(t))
    throw new AttuneError(
      "invalid_input",
      `${where}: expected an ISO-8601 time or epoch milliseconds, found ${JSON.stringify(at)}`,
    );
  return t;
}

/** Checks the turns and says exactly which one is wrong and how. */
export function validateTurns(turns: unknown): asserts turns is Turn[] {
  if (!Array.isArray(turns))
    throw new AttuneError("invalid_input", `expected turns to be an array, found ${describeType(turns)}`);
  if (turns.length > MAX_TURNS)
    throw new AttuneError("invalid_input", `expected at most ${MAX_TURNS} turns, found ${turns.length}`);
  turns.forEach((t, i) => {
    if (typeof t !== "object" || t === null)
      throw new AttuneError("invalid_input", `turns[${i}]: expected an object, found ${describeType(t)}`);
    const turn = t as Record<string, unknown>;
    if (!SPEAKERS.includes(turn.speaker as Turn["speaker"])) {
      throw new AttuneError(
        "invalid_input",
        `turns[${i}].speaker: expected one of ${SPEAKERS.join(", ")}, found ${JSON.stringify(turn.speaker)}`,
      );
    }
    if (typeof turn.text !== "string")
      throw new AttuneError("invalid_input", `turns[${i}].text: expected a string, found ${describeType(turn.text)}`);
    if (turn.at !== undefined && typeof turn.at !== "string" && typeof turn.at !== "number") {
      throw new AttuneError(
        "invalid_input",
        `turns[${i}].at: expected an ISO-8601 time or epoch milliseconds, found ${describeType(turn.at)}`,
      );
    }
  });
}

function strongest(results: readonly EmotionResult[], signal: Signal): { score: number; text?: string } {
  let best: { score: number; text?: string } = { score: 0 };
  for (const r of results) {
    const s = r.signals[signal];
    if (s.score > best.score) {
      const top = [...s.evidence].sort((a, b) => b.text.length - a.text.length)[0];
      best = top ? { score: s.score, text: top.text } : { score: s.score };
    }
  }
  return best;
}

function contactsMentioned(results: readonly EmotionResult[]): number {
  let n = 0;
  for (const r of results) {
    if (!r.signals.repeatContact.present) continue;
    n = Math.max(n, 1);
    for (const e of r.signals.repeatContact.evidence) {
      const digit = /(\d+)/.exec(e.text);
      const word = Object.keys(NUMBER_WORDS).find((w) => e.text.toLowerCase().includes(w));
      const count = digit ? Number(digit[1]) : word ? (NUMBER_WORDS[word] as number) : 0;
      if (count >= 2 && count <= 20) n = Math.max(n, count - 1);
    }
  }
  return n;
}

const emotionIntensity = (r: EmotionResult | undefined, label: Emotion) =>
  r?.emotions.find((e) => e.label === label)?.intensity ?? 0;

/**
 * Analyzes a conversation so far: each customer turn read in context, the trajectory and its turning
 * points, escalation risk and satisfaction with reasons, the queue priority with every factor's
 * share, and each agent turn's empathy and helpfulness. Pure and deterministic.
 *
 * @throws AttuneError `invalid_input` naming the turn and field that is wrong
 */
export function analyzeConversationWith(
  analyze: AnalyzeFn,
  turns: Turn[],
  options: ConversationOptions = {},
): ConversationAnalysis {
  validateTurns(turns);
  const analyzed: TurnAnalysis[] = [];
  const results: EmotionResult[] = [];
  let previous: ContextualState | undefined;
  let lastAgentText: string | undefined;
  let lastAgentCues: readonly AgentCue[] = [];
  let transfers = 0;
  let wasNegative = false;
  let badAgentTurns = 0;
  const languages = new Map<string, number>();

  turns.forEach((turn, index) => {
    if (turn.speaker === "customer") {
      const result = analyze(turn.text);
      results.push(result);
      languages.set(result.lang, (languages.get(result.lang) ?? 0) + 1);
      const state = readInContext(turn.text, result, {
        previous,
        lastAgentText,
        lastAgentCues,
        transfers,
        wasNegative,
      });
      analyzed.push({ index, speaker: "customer", text: turn.text, result, state });
      previous = state;
      if (state.polarity === "negative") wasNegative = true;
      lastAgentText = undefined;
      lastAgentCues = [];
      return;
    }
    const prevResult = results[results.length - 1];
    const context: AgentContext = {
      customerEmotion: previous?.emotion ?? "neutral",
      customerNegative: previous?.polarity === "negative",
      companyAtFault:
        previous?.polarity === "negative" &&
        (NEGATIVE_EMOTIONS.has(previous.emotion) && previous.emotion !== "anxiety"
          ? true
          : (prevResult?.causes.length ?? 0) > 0),
      hasProblem:
        previous !== undefined &&
        (previous.polarity === "negative" ||
          previous.emotion === "confusion" ||
          /[?？]/.test(turns[index - 1]?.text ?? "")),
    };
    const quality = scoreAgentTurn(turn.text, context);
    analyzed.push({ index, speaker: turn.speaker, text: turn.text, quality });
    if (turn.speaker === "bot" || quality.cues.some((c) => c.kind === "transfer")) transfers++;
    if (quality.cues.some((c) => c.kind === "absolute_refusal" || c.kind === "blame" || c.kind === "dismissal"))
      badAgentTurns++;
    lastAgentText = turn.text;
    lastAgentCues = quality.cues;
  });

  const final = previous ?? { emotion: "neutral" as Emotion, intensity: 0, polarity: "neutral" as const, score: 0 };
  const trajectory = classifyTrajectory(analyzed);
  const turningPoints = findTurningPoints(analyzed);
  const scores = customerScores(analyzed);
  const lastResult = results[results.length - 1];

  const negativeIntensity =
    final.polarity === "negative"
      ? Math.max(final.intensity, -final.score * 0.8)
      : final.score < -0.2
        ? -final.score * 0.5
        : 0;
  const anger =
    final.polarity === "negative"
      ? Math.max(emotionIntensity(lastResult, "anger"), final.emotion === "anger" ? final.intensity : 0)
      : 0;
  const recent = scores.slice(-3);
  const rising =
    trajectory === "escalating" ||
    (recent.length >= 2 &&
      (recent[recent.length - 1]?.score ?? 0) < (recent[0]?.score ?? 0) - 0.2 &&
      final.polarity === "negative");
  const threat = strongest(results, "escalationThreat");
  const abuse = strongest(results, "abuse");
  const churn = strongest(results, "churnIntent");
  const urgency = strongest(results.slice(-3), "urgency");
  const contacts = Math.max(options.contactsThisWeek ?? 0, contactsMentioned(results));

  // Waiting: from the first customer turn nobody has answered yet until now (or the last turn).
  const times = turns.map((t, i) => toMillis(t.at, `turns[${i}].at`));
  const now =
    toMillis(options.now, "options.now") ??
    times.filter((t): t is number => t !== undefined).reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  let waitingSince: number | undefined;
  for (let i = turns.length - 1; i >= 0 && turns[i]?.speaker === "customer"; i--)
    waitingSince = times[i] ?? waitingSince;
  const waitingMinutes =
    waitingSince !== undefined && Number.isFinite(now) ? Math.max(0, (now - waitingSince) / 60000) : 0;
  const slaMinutes = slaMinutesFor(negativeIntensity, anger);

  const weights = { ...DEFAULT_PRIORITY_WEIGHTS, ...(options.priorityWeights ?? {}) };
  const priority = computePriority(
    {
      negativeIntensity,
      anger,
      rising,
      escalationThreat: threat,
      abuse,
      churnIntent: churn,
      urgency,
      contacts,
      waitingMinutes,
      slaMinutes,
    },
    weights,
  );

  const escalationRisk = scoreEscalationRisk({
    negativeIntensity,
    anger,
    rising,
    threat: threat.score,
    threatText: threat.text,
    abuse: abuse.score,
    churn: churn.score,
    contacts,
    badAgentTurns,
    waitingMinutes,
    slaMinutes,
    positiveNow: final.polarity === "positive",
  });
  const expressed = expressedScores(analyzed);
  const satisfaction = scoreSatisfaction(expressed, trajectory, badAgentTurns, final.emotion, serviceCues(turns));

  const agentTurns = analyzed.filter((t) => t.speaker === "agent" && t.quality);
  const agentQuality = agentTurns.length
    ? {
        empathy: Math.round(agentTurns.reduce((a, t) => a + (t.quality?.empathy ?? 0), 0) / agentTurns.length),
        helpfulness: Math.round(agentTurns.reduce((a, t) => a + (t.quality?.helpfulness ?? 0), 0) / agentTurns.length),
        turns: agentTurns.length,
      }
    : null;

  return {
    turns: analyzed,
    final: { emotion: final.emotion, intensity: final.intensity, polarity: final.polarity, score: final.score },
    trajectory,
    turningPoints,
    escalationRisk,
    satisfaction,
    priority,
    agentQuality,
    languages: [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l),
  };
}

interface RiskInputs {
  negativeIntensity: number;
  anger: number;
  rising: boolean;
  threat: number;
  threatText: string | undefined;
  abuse: number;
  churn: number;
  contacts: number;
  badAgentTurns: number;
  waitingMinutes: number;
  slaMinutes: number;
  positiveNow: boolean;
}

/** Probability-like risk that the conversation escalates (complaint, supervisor, churn), with reasons. */
export function scoreEscalationRisk(x: RiskInputs): Scored {
  const parts: Array<[number, string]> = [];
  if (x.negativeIntensity > 0)
    parts.push([0.45 * x.negativeIntensity, `negative at ${x.negativeIntensity.toFixed(2)}`]);
  if (x.anger > 0.2) parts.push([0.35 * x.anger, `anger ${x.anger.toFixed(2)}`]);
  if (x.rising) parts.push([0.25, "getting worse"]);
  if (x.threat >= 0.5)
    parts.push([0.6 * x.threat, x.threatText ? `threatened: “${x.threatText}”` : "threatened to escalate"]);
  if (x.abuse >= 0.5) parts.push([0.35 * x.abuse, "abusive language"]);
  if (x.churn >= 0.5) parts.push([0.3 * x.churn, "wants to leave"]);
  if (x.contacts >= 1)
    parts.push([Math.min(0.1 * x.contacts, 0.3), `${x.contacts} earlier contact${x.contacts > 1 ? "s" : ""}`]);
  if (x.badAgentTurns > 0)
    parts.push([
      Math.min(0.15 * x.badAgentTurns, 0.3),
      `${x.badAgentTurns} agent turn${x.badAgentTurns > 1 ? "s" : ""} refused, blamed or dismissed`,
    ]);
  if (x.waitingMinutes > x.slaMinutes)
    parts.push([0.2, `waiting ${Math.round(x.waitingMinutes)} min, over the ${x.slaMinutes} min SLA`]);
  let keep = 1;
  for (const [p] of parts) keep *= 1 - Math.min(p, 0.95);
  let score = 1 - keep;
  const reasons = parts.sort((a, b) => b[0] - a[0]).map(([, r]) => r);
  if (x.positiveNow) {
    score *= 0.5;
    reasons.push("customer is positive now");
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
