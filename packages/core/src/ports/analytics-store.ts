/**
 * What the analytics, supervisor and wellbeing views read from the store. Every figure comes from the
 * narrow per-message facts kept beside each analysis (never from JSON blobs at query time), so a month of
 * 100,000 messages answers in well under a second.
 */

/** Which customer messages count: `at` in [from, to) (ISO-8601 UTC), optionally one channel and one language. */
export interface AnalyticsFilter {
  from: string;
  to: string;
  channel?: string;
  lang?: string;
}

/** What a trend is split by. `cause` is the message's first cause (else "none"), `product` its `meta.product` (else "unknown"). */
export type TrendDimension = "channel" | "lang" | "cause" | "product" | "emotion";

/** Customer messages of one key in one UTC hour (`hour` = "2026-03-01T08"); sums, so callers can fold hours into days or weeks. */
export interface TrendRow {
  key: string;
  hour: string;
  messages: number;
  negative: number;
  sumScore: number;
  sumIntensity: number;
}

/** Customer messages with one primary cause and one emotion. */
export interface CauseEmotionRow {
  cause: string;
  emotion: string;
  total: number;
  negative: number;
}

/** One of the most intense customer messages of a cause (text as stored; redact before showing). */
export interface CauseExampleRow {
  cause: string;
  messageId: string;
  conversationId: string;
  text: string;
  emotion: string;
  intensity: number;
  at: string;
}

/**
 * Conversations grouped by the customer's peak emotion (the strongest non-neutral customer message, survey
 * answers left out unless the conversation has nothing else), with their CSAT answers.
 */
export interface SatisfactionRow {
  emotion: string;
  conversations: number;
  surveyed: number;
  sumCsat: number;
  sumScore: number;
}

/** Sums over surveyed conversations of x = mean emotion score and y = CSAT, for a Pearson correlation. */
export interface CorrelationSums {
  n: number;
  sx: number;
  sy: number;
  sxy: number;
  sxx: number;
  syy: number;
}

/** Follow-ups created in the period, by the conversation's main cause, status and outcome. */
export interface FollowUpRow {
  cause: string;
  status: "open" | "done";
  recovered: boolean;
  count: number;
}

/** Reviewed messages (latest correction each, made in the period) by language, engine label and human label. */
export interface CorrectionRow {
  lang: string;
  predicted: string;
  corrected: string;
  count: number;
}

/** What a heatmap is split by: the team of the assigned agent, the channel, or the hour of day (UTC). */
export type HeatmapDimension = "team" | "channel" | "hour";

/** Customer messages in one heatmap row with one emotion. */
export interface HeatmapRow {
  row: string;
  emotion: string;
  count: number;
}

/** An agent on the roster. `id` is what conversations are assigned to (and an agent key's name). */
export interface AgentRecord {
  id: string;
  name: string;
  team: string | null;
}

/** A break an agent took (or was sent on). */
export interface AgentBreak {
  agentId: string;
  at: string;
  minutes: number | null;
}

/** One conversation an agent handled since a time: when they last worked on it, and what it exposed them to. */
export interface ExposureRow {
  agent: string;
  conversationId: string;
  /** The agent's last turn in it, else the conversation's last message in the period. */
  lastAt: string;
  agentTurns: number;
  /** The strongest anger among the customer's messages (0 when none). */
  maxAnger: number;
  abusive: boolean;
}

/** An open conversation as the supervisor overview needs it. */
export interface OpenConversationRow {
  id: string;
  customer: string | null;
  channel: string;
  assignedTo: string | null;
  priority: number;
  state: unknown | null;
  lastMessageAt: string;
}

/** The store's read side for analytics, and the agent roster. Scoped to a tenant like every Store method. */
export interface AnalyticsStore {
  analyticsTrend(tenantId: string, filter: AnalyticsFilter, by: TrendDimension): Promise<TrendRow[]>;
  analyticsCauses(tenantId: string, filter: AnalyticsFilter): Promise<CauseEmotionRow[]>;
  /** The `perCause` most intense customer messages of each cause, most intense first. */
  analyticsCauseExamples(tenantId: string, filter: AnalyticsFilter, perCause: number): Promise<CauseExampleRow[]>;
  analyticsSatisfaction(
    tenantId: string,
    filter: AnalyticsFilter,
  ): Promise<{ rows: SatisfactionRow[]; correlation: CorrelationSums }>;
  analyticsFollowUps(tenantId: string, filter: AnalyticsFilter): Promise<FollowUpRow[]>;
  analyticsCorrections(tenantId: string, filter: AnalyticsFilter): Promise<CorrectionRow[]>;
  analyticsHeatmap(tenantId: string, filter: AnalyticsFilter, dim: HeatmapDimension): Promise<HeatmapRow[]>;
  /** Events of one type created at or after `since` (e.g. alerts today). */
  countEvents(tenantId: string, type: string, since: string): Promise<number>;
  /** Open conversations, highest priority first, with the customer's external id. */
  listOpenConversations(tenantId: string, limit: number): Promise<OpenConversationRow[]>;
  /** Per agent and conversation: what each assigned agent handled since `since`. */
  agentExposure(tenantId: string, since: string): Promise<ExposureRow[]>;

  upsertAgent(tenantId: string, agent: AgentRecord, now: string): Promise<AgentRecord>;
  listAgents(tenantId: string): Promise<AgentRecord[]>;
  /** Records a break; null when the agent is not on the roster. */
  recordBreak(tenantId: string, agentId: string, at: string, minutes: number | null): Promise<AgentBreak | null>;
  /** Each agent's latest break. */
  lastBreaks(tenantId: string): Promise<AgentBreak[]>;
}
