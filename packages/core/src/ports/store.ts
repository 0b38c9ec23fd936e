import type { Channel, IncomingMessage, Speaker } from "../domain/message.js";
import type { AnalyticsStore } from "./analytics-store.js";

/** What a user of the API may do. */
export const ROLES = ["admin", "supervisor", "agent", "ingest"] as const;
export type Role = (typeof ROLES)[number];

/** Why a message was not analyzed (stored all the same). */
export type SkipReason = "consent_withdrawn" | "retention_expired";

/** A stored message. */
export interface StoredMessage {
  id: string;
  tenantId: string;
  conversationId: string;
  customerId: string | null;
  externalId: string | null;
  channel: Channel;
  speaker: Speaker;
  text: string;
  at: string;
  lang: string | null;
  meta: Record<string, unknown>;
  analysisStatus: "pending" | "done" | "skipped";
  skipReason: SkipReason | null;
  analysis: unknown | null;
  createdAt: string;
}

/**
 * A stored message as conversation analysis reads it: who said what and when, and its analysis. Reading
 * only these columns keeps a batch that touches a thousand conversations from decoding every message's
 * metadata and ids.
 */
export type StoredTurn = Pick<StoredMessage, "id" | "speaker" | "text" | "at" | "analysisStatus" | "analysis">;

/** A stored conversation with its latest computed state. */
export interface StoredConversation {
  id: string;
  tenantId: string;
  externalId: string | null;
  customerId: string | null;
  channel: Channel;
  status: "open" | "closed";
  assignedTo: string | null;
  priority: number;
  state: unknown | null;
  lastMessageAt: string;
  updatedAt: string;
}

/** A stored customer and their consent per modality. */
export interface StoredCustomer {
  id: string;
  tenantId: string;
  externalId: string;
  consent: { text: boolean; voice: boolean; face: boolean };
  createdAt: string;
}

/** One event of the live stream; `id` grows monotonically per store, so clients resume after it. */
export interface StreamEvent {
  id: number;
  tenantId: string;
  topic: string;
  type: string;
  payload: unknown;
  createdAt: string;
}

/** An API key's identity (the key itself is only ever stored hashed). */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  role: Role;
  name: string;
}

/** An agent's or supervisor's correction of a message's emotion label. */
export interface Correction {
  id: string;
  tenantId: string;
  messageId: string;
  emotion: string;
  polarity: string | null;
  correctedBy: string;
  createdAt: string;
}

/** A follow-up task: a conversation ended negative; when the customer writes again, did the feeling recover? */
export interface FollowUp {
  id: string;
  tenantId: string;
  conversationId: string;
  customerId: string | null;
  status: "open" | "done";
  reason: string;
  /** The customer's score when the follow-up was created (-1..1). */
  beforeScore: number;
  outcome: { recovered: boolean; afterScore: number; messageId: string | null; note: string } | null;
  createdAt: string;
  closedAt: string | null;
}

/** One line of the audit log: who exported or erased what, when. */
export interface AuditEntry {
  id: string;
  tenantId: string;
  actor: string;
  action: "export_corrections" | "erase_customer" | "expire_emotion_data" | "export_conversation";
  subject: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** An operator's endpoint for alerts, signed with its secret (HMAC-SHA256). */
export interface Webhook {
  id: string;
  tenantId: string;
  url: string;
  secret: string;
  createdAt: string;
}

/** One alert on its way to one webhook: retried with backoff, dead after too many failures. */
export interface Delivery {
  id: string;
  tenantId: string;
  webhookId: string;
  url: string;
  secret: string;
  eventType: string;
  payload: unknown;
  status: "pending" | "delivered" | "dead";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
}

/** The result of storing one incoming message: its id, and whether the idempotency key had been seen. */
export interface InsertOutcome {
  id: string;
  conversationId: string;
  customerId: string | null;
  duplicate: boolean;
}

/**
 * Everything Attune keeps. Every method is scoped to a tenant: no method returns another tenant's rows.
 * Implementations: SQLite (default) and PostgreSQL, held to one contract test suite.
 */
export interface Store extends AnalyticsStore {
  readonly dialect: "sqlite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;

  createTenant(name: string): Promise<{ id: string; name: string }>;
  createApiKey(tenantId: string, role: Role, name: string, keyHash: string): Promise<ApiKeyRecord>;
  findApiKey(keyHash: string): Promise<ApiKeyRecord | null>;

  /**
   * Stores messages in one transaction, creating customers and conversations as needed. A message whose
   * `externalId` was already stored for the tenant is not stored again (`duplicate: true`).
   */
  insertMessages(tenantId: string, messages: readonly IncomingMessage[], now: string): Promise<InsertOutcome[]>;
  getMessage(tenantId: string, id: string): Promise<StoredMessage | null>;
  listConversationMessages(tenantId: string, conversationId: string): Promise<StoredMessage[]>;
  /**
   * The turns of many conversations at once (a batch touches hundreds), each list oldest first as in
   * `listConversationMessages`; conversations with no messages (or of another tenant) are absent.
   */
  listMessagesOfConversations(tenantId: string, conversationIds: readonly string[]): Promise<Map<string, StoredTurn[]>>;
  setAnalysis(
    tenantId: string,
    messageId: string,
    status: "done" | "skipped",
    analysis: unknown,
    skipReason: SkipReason | null,
  ): Promise<void>;
  /** Messages by id (missing ones left out), in one query. */
  getMessages(tenantId: string, ids: readonly string[]): Promise<StoredMessage[]>;
  /** Analyses of many messages, in one transaction. */
  setAnalyses(
    tenantId: string,
    items: ReadonlyArray<{ id: string; status: "done" | "skipped"; analysis: unknown; skipReason: SkipReason | null }>,
  ): Promise<void>;
  /**
   * Conversation states and the events announcing them, in one transaction; every `alert` event is also
   * queued for each of the tenant's webhooks in that transaction. Returns the events with their ids (each payload is the
   * object passed in, not a copy read back).
   */
  saveConversationUpdates(
    tenantId: string,
    states: ReadonlyArray<{ id: string; state: unknown; priority: number }>,
    events: ReadonlyArray<{ topic: string; type: string; payload: unknown }>,
    now: string,
  ): Promise<StreamEvent[]>;
  /** Messages still waiting for analysis (after a crash, on start), oldest first, across tenants. */
  listPendingMessages(limit: number): Promise<StoredMessage[]>;

  getConversation(tenantId: string, id: string): Promise<StoredConversation | null>;
  /** Conversations by id, in as few queries as the database allows; missing ones are left out. */
  getConversations(tenantId: string, ids: readonly string[]): Promise<StoredConversation[]>;
  setConversationState(tenantId: string, id: string, state: unknown, priority: number, now: string): Promise<void>;
  assignConversation(tenantId: string, id: string, agent: string | null, now: string): Promise<boolean>;
  setConversationStatus(tenantId: string, id: string, status: "open" | "closed", now: string): Promise<boolean>;
  /** Open conversations, highest priority first. */
  listQueue(tenantId: string, limit: number): Promise<StoredConversation[]>;

  getCustomer(tenantId: string, id: string): Promise<StoredCustomer | null>;
  /** Customers by id, in as few queries as the database allows; missing ones are left out. */
  getCustomers(tenantId: string, ids: readonly string[]): Promise<StoredCustomer[]>;
  setConsent(
    tenantId: string,
    customerExternalId: string,
    consent: Partial<StoredCustomer["consent"]>,
    now: string,
  ): Promise<StoredCustomer>;

  findCustomer(tenantId: string, externalId: string): Promise<StoredCustomer | null>;
  /** How many other conversations the customer wrote in since `since` (repeat contacts). */
  countCustomerConversations(
    tenantId: string,
    customerId: string,
    since: string,
    exceptConversationId: string,
  ): Promise<number>;
  /**
   * For each customer, the conversations they wrote in since `since` (customer turns only): what
   * `countCustomerConversations` counts, for many customers in one query.
   */
  listCustomerConversationsSince(
    tenantId: string,
    customerIds: readonly string[],
    since: string,
  ): Promise<Map<string, Set<string>>>;
  /** A customer's messages across all channels and conversations, oldest first. */
  listCustomerMessages(tenantId: string, customerId: string): Promise<StoredMessage[]>;
  /**
   * Removes everything about one customer: messages, conversations, follow-ups, corrections, their
   * stream events and the customer row. Returns what was removed, or null when there is no such customer.
   */
  eraseCustomer(tenantId: string, externalId: string): Promise<{ messages: number; conversations: number } | null>;
  /** Retention for emotion data: analyses of messages older than `before` are removed (messages stay). */
  expireAnalyses(tenantId: string, before: string): Promise<number>;

  addCorrection(
    tenantId: string,
    messageId: string,
    emotion: string,
    polarity: string | null,
    by: string,
    now: string,
  ): Promise<Correction | null>;
  /** Corrections with their message text, for the gold-set export. */
  listCorrections(tenantId: string): Promise<Array<Correction & { text: string; lang: string | null }>>;

  /** Creates a follow-up unless the conversation already has an open one. */
  createFollowUp(
    tenantId: string,
    conversationId: string,
    customerId: string | null,
    reason: string,
    beforeScore: number,
    now: string,
  ): Promise<FollowUp | null>;
  listFollowUps(tenantId: string, status?: FollowUp["status"]): Promise<FollowUp[]>;
  openFollowUpsForCustomer(tenantId: string, customerId: string): Promise<FollowUp[]>;
  /** Which of these customers have an open follow-up (so a batch reads follow-ups only for them). */
  customersWithOpenFollowUps(tenantId: string, customerIds: readonly string[]): Promise<Set<string>>;
  closeFollowUp(tenantId: string, id: string, outcome: NonNullable<FollowUp["outcome"]>, now: string): Promise<boolean>;

  appendAudit(
    tenantId: string,
    entry: Omit<AuditEntry, "id" | "tenantId" | "createdAt">,
    now: string,
  ): Promise<AuditEntry>;
  listAudit(tenantId: string): Promise<AuditEntry[]>;

  /** A tenant's setting (JSON), or null when it was never set. */
  getSetting(tenantId: string, name: string): Promise<unknown | null>;
  putSetting(tenantId: string, name: string, value: unknown, now: string): Promise<void>;
  /** Open conversations whose last message was written before `before`, across tenants (for SLA checks). */
  listWaitingConversations(before: string, limit: number): Promise<StoredConversation[]>;

  addWebhook(tenantId: string, url: string, secret: string, now: string): Promise<Webhook>;
  listWebhooks(tenantId: string): Promise<Webhook[]>;
  /** Deliveries whose time has come, across tenants, oldest first. */
  listDueDeliveries(now: string, limit: number): Promise<Delivery[]>;
  markDelivered(id: string, now: string): Promise<void>;
  /** Records a failed attempt: retried at `nextAttemptAt`, or dead when that is null. */
  markFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  listDeadDeliveries(tenantId: string): Promise<Delivery[]>;
  /** Puts a dead delivery back in line (an operator's replay). */
  replayDelivery(tenantId: string, id: string, now: string): Promise<boolean>;

  appendEvent(tenantId: string, topic: string, type: string, payload: unknown, now: string): Promise<StreamEvent>;
  /** Events after `afterId` on any of `topics`, oldest first. */
  listEvents(tenantId: string, topics: readonly string[], afterId: number, limit: number): Promise<StreamEvent[]>;
  /** The id of the tenant's newest event (0 when none), so a new client can start from now. */
  latestEventId(tenantId: string): Promise<number>;
}
