import type { Emotion, Polarity } from "../labels.js";
import type { EmotionResult } from "../types.js";
import type { AgentTurnQuality } from "./agent-quality.js";

/** Who spoke a turn. */
export type Speaker = "customer" | "agent" | "bot";
export const SPEAKERS: readonly Speaker[] = ["customer", "agent", "bot"];

/** One turn of a conversation. `at` is an ISO-8601 time or epoch milliseconds. */
export interface Turn {
  speaker: Speaker;
  text: string;
  at?: string | number;
}

/** How the customer feels after reading a turn in its context. */
export interface ContextualState {
  emotion: Emotion;
  intensity: number;
  polarity: Polarity;
  /** -1 … 1 */
  score: number;
  /** Why context changed the reading, e.g. `"好的" after a fix reads as relief`. */
  note?: string;
}

/** One analyzed turn: customer turns carry the emotion result, agent and bot turns their quality. */
export interface TurnAnalysis {
  index: number;
  speaker: Speaker;
  text: string;
  /** The message on its own (customer turns). */
  result?: EmotionResult;
  /** The customer's state in context (customer turns). */
  state?: ContextualState;
  /** Empathy and helpfulness (agent and bot turns). */
  quality?: AgentTurnQuality;
}

export type Trajectory = "escalating" | "de-escalating" | "steady" | "recovered";

/** An agent (or bot) turn after which the customer's feeling clearly changed. */
export interface TurningPoint {
  /** Index of the agent or bot turn. */
  turn: number;
  direction: "better" | "worse";
  /** Change in the customer's score from the customer turn before to the one after. */
  delta: number;
  why: string;
}

/** A score with the reasons behind it. */
export interface Scored {
  score: number;
  reasons: string[];
}

/** One factor of the queue priority and its part of the score. */
export interface PriorityFactor {
  factor: PriorityFactorName;
  /** The factor's input (0..1, or minutes, or a count), before weighting. */
  value: number;
  weight: number;
  /** weight × normalized value: what it added to the score. */
  contribution: number;
  /** contribution / score. */
  share: number;
  reason: string;
}

export type PriorityFactorName =
  | "negativeIntensity"
  | "anger"
  | "rising"
  | "escalationThreat"
  | "abuse"
  | "churnIntent"
  | "urgency"
  | "repeatContact"
  | "waiting";

/** The queue priority: a score (0..100 with default weights) and the factors behind it, largest first. */
export interface Priority {
  score: number;
  reasons: string[];
  factors: PriorityFactor[];
}

/** Everything said about a conversation so far. */
export interface ConversationAnalysis {
  turns: TurnAnalysis[];
  /** The customer's latest state. */
  final: { emotion: Emotion; intensity: number; polarity: Polarity; score: number };
  trajectory: Trajectory;
  turningPoints: TurningPoint[];
  escalationRisk: Scored;
  satisfaction: Scored;
  priority: Priority;
  /** Mean agent empathy and helpfulness over the agent's turns (null when the agent has not spoken). */
  agentQuality: { empathy: number; helpfulness: number; turns: number } | null;
  /** The languages of the customer's turns, most frequent first. */
  languages: string[];
}
