import type { Channel, IncomingMessage, Speaker } from "../domain/message.js";

/** What a user of the API may do. */
export const ROLES = ["admin", "supervisor", "agent", "ingest"] as const;
export type Role = (typeof ROLES)[number];

/** Why a message was not analyzed (stored all the same). */
export type SkipReason = "consent_withdrawn";

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
export interface Store {
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
  /** Conversation states and the events announcing them, in one transaction. Returns the events. */
  saveConversationUpdates(
    tenantId: string,
    states: ReadonlyArray<{ id: string; state: unknown; priority: number }>,
    events: ReadonlyArray<{ topic: string; type: string; payload: unknown }>,
    now: string,
  ): Promise<StreamEvent[]>;
  /** Messages still waiting for analysis (after a crash, on start), oldest first, across tenants. */
  listPendingMessages(limit: number): Promise<StoredMessage[]>;

  getConversation(tenantId: string, id: string): Promise<StoredConversation | null>;
  setConversationState(tenantId: string, id: string, state: unknown, priority: number, now: string): Promise<void>;
  assignConversation(tenantId: string, id: string, agent: string | null, now: string): Promise<boolean>;
  setConversationStatus(tenantId: string, id: string, status: "open" | "closed", now: string): Promise<boolean>;
  /** Open conversations, highest priority first. */
  listQueue(tenantId: string, limit: number): Promise<StoredConversation[]>;

  getCustomer(tenantId: string, id: string): Promise<StoredCustomer | null>;
  setConsent(
    tenantId: string,
    customerExternalId: string,
    consent: Partial<StoredCustomer["consent"]>,
    now: string,
  ): Promise<StoredCustomer>;

  appendEvent(tenantId: string, topic: string, type: string, payload: unknown, now: string): Promise<StreamEvent>;
  /** Events after `afterId` on any of `topics`, oldest first. */
  listEvents(tenantId: string, topics: readonly string[], afterId: number, limit: number): Promise<StreamEvent[]>;
}
