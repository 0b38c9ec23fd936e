/** Where a message came from (the engine's list). `survey` answers carry a CSAT score in `meta.csat`. */
import type { Channel } from "@attune/engine";

export { CHANNELS, type Channel } from "@attune/engine";

/** Who wrote a message. */
export type Speaker = "customer" | "agent" | "bot";

/**
 * A message as it arrives at Attune, from any channel, before it is stored or analyzed.
 * Keys are the sender's own identifiers; Attune maps them to its records.
 */
export interface IncomingMessage {
  /** Idempotency key (unique per tenant): a retried delivery with the same key is not stored twice. */
  externalId?: string;
  /** The thread this message belongs to (chat session, e-mail thread, call id, post id). */
  conversationId?: string;
  /** Who the customer is (e-mail address, phone, handle, CRM id). */
  customerId?: string;
  channel: Channel;
  speaker: Speaker;
  /** The sender's own new words (quoted e-mail history and signatures belong in `meta`). */
  text: string;
  /** ISO-8601 time the message was written. */
  at?: string;
  /** Language hint: zh-Hans, zh-Hant, yue, en, mixed. */
  lang?: string;
  /** Channel details: subject, quoted history, signature, rating, csat, platform, speaker label, … */
  meta?: Record<string, unknown>;
}

/** What a bulk import produced: the messages, and every item it skipped with the reason. */
export interface ImportResult {
  messages: IncomingMessage[];
  skipped: Array<{ item: string; reason: string }>;
}
