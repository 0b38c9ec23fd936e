// The shapes the web app reads from the Attune API (`/api/v1/openapi.json` documents the requests).
import { LABEL_NAMES } from "@attune/core/label-names";

/** The engine's eleven emotion labels, in its order (the shared vocabulary lists them, with their names). */
export type Emotion = keyof typeof LABEL_NAMES.en.emotion;
export const EMOTIONS = Object.keys(LABEL_NAMES.en.emotion) as Emotion[];

/** Message channels (the shared vocabulary names them all, and "unknown"). */
export const CHANNELS = Object.keys(LABEL_NAMES.en.channel).filter((c) => c !== "unknown");

export type Role = "admin" | "supervisor" | "agent" | "ingest";
export interface Session {
  role: Role;
  name: string;
  tenantId: string;
}

export interface PriorityFactor {
  factor: string;
  value: number;
  weight: number;
  contribution: number;
  share: number;
  reason: string;
}

export interface QueueItem {
  position: number;
  id: string;
  externalId: string | null;
  channel: string;
  assignedTo: string | null;
  priority: number;
  reasons: string[];
  factors: PriorityFactor[];
  trajectory: string | null;
  final: { emotion: Emotion; intensity: number; polarity: string; score: number } | null;
  lastMessageAt: string;
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
  cue: string;
  effect: string;
}

export interface EmotionResult {
  lang: string;
  polarity: "positive" | "neutral" | "negative";
  score: number;
  emotion: Emotion;
  intensity: number;
  emotions: Array<{ label: Emotion; intensity: number }>;
  signals: Record<string, { score: number; present: boolean; evidence: Evidence[] }>;
  causes: Array<{ aspect: string; span?: { start: number; end: number; text: string } }>;
  evidence: Evidence[];
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  channel: string;
  speaker: "customer" | "agent" | "bot";
  text: string;
  at: string;
  lang: string | null;
  analysisStatus: "pending" | "done" | "skipped";
  skipReason: string | null;
  analysis: EmotionResult | null;
}

export interface FollowUp {
  id: string;
  conversationId: string;
  status: "open" | "done";
  reason: string;
  beforeScore: number;
  outcome: { recovered: boolean; afterScore: number; note: string } | null;
  createdAt: string;
}

export interface ConversationState {
  final: { emotion: Emotion; intensity: number; polarity: string; score: number };
  trajectory: string;
  turningPoints: Array<{ turn: number; direction: "better" | "worse"; delta: number; why: string }>;
  escalationRisk: { score: number; reasons: string[] };
  satisfaction: { score: number; reasons: string[] };
  priority: { score: number; reasons: string[]; factors: PriorityFactor[] };
}

export interface Conversation {
  id: string;
  externalId: string | null;
  channel: string;
  status: "open" | "closed";
  assignedTo: string | null;
  priority: number;
  state: ConversationState | null;
  customer: { externalId: string; consent: Record<string, boolean> } | null;
  followUps: FollowUp[];
  messages: StoredMessage[];
}

export interface CustomerHistory {
  customer: { externalId: string };
  recent: { score: number; emotion: string | null; at: string | null };
  contactsThisWeek: number;
  recurringCauses: Array<{ aspect: string; count: number }>;
  channels: Array<{ channel: string; messages: number }>;
  lastResolution: { recovered: boolean; note: string } | null;
  timeline: Array<{ at: string; channel: string; conversationId: string; emotion: Emotion; score: number }>;
}

export interface SuggestedReply {
  text: string;
  style: "warm" | "concise" | "options";
  parts: string[];
  /** Slots left blank for the agent to fill (name, order, time, ...). */
  blanks: string[];
}
export interface Suggestions {
  replies: SuggestedReply[];
  context: { locale: string; emotion: Emotion; intensity: number; cause: string | null; boundary: boolean };
}

export interface ToneFlag {
  type: string;
  start: number;
  end: number;
  text: string;
  reason: string;
}
export interface DraftCheck {
  flags: ToneFlag[];
  empathy: { score: number; breakdown: Array<{ item: string; points: number }> };
  rewrite: string;
  locale: string;
}

export interface Alert {
  kind: "high_intensity" | "escalation_threat" | "abuse" | "rising_risk" | "waiting_past_sla";
  conversationId: string;
  messageId: string;
  reason: string;
  severity: "warning" | "critical";
  at?: string;
  /** The reason's parts, so it can be said in the reader's language. */
  facts?: {
    words?: string[];
    emotion?: Emotion;
    intensity?: number;
    riskBefore?: number;
    riskAfter?: number;
    waitingMinutes?: number;
    slaMinutes?: number;
  };
}

// The analytics, supervisor and report responses: the server's own zod-inferred types (type-only, so
// nothing of the server reaches the bundle).
export type {
  AccuracyResponse,
  AgentWellbeing,
  AtRiskConversation,
  FollowUpsResponse,
  HeatmapResponse,
  RootCausesResponse,
  SatisfactionResponse,
  SupervisorOverviewResponse,
  TrendsResponse,
  WellbeingResponse,
} from "../../../server/src/routes/analytics/schemas.js";
