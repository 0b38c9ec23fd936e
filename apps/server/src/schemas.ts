import { CHANNELS } from "@attune/core";
import { z } from "zod";

const LANGS = ["zh-Hans", "zh-Hant", "yue", "en", "mixed"] as const;

/** One incoming message. Unknown fields are refused, so a typo is an error, not silently dropped data. */
export const MessageInput = z
  .strictObject({
    externalId: z.string().min(1).max(200).optional().describe("idempotency key, unique per tenant"),
    conversationId: z.string().min(1).max(200).optional().describe("your id of the thread"),
    customerId: z.string().min(1).max(200).optional().describe("your id of the customer"),
    channel: z.enum(CHANNELS),
    speaker: z.enum(["customer", "agent", "bot"]).default("customer"),
    text: z.string().max(20_000),
    at: z.iso.datetime({ offset: true }).optional().describe("ISO-8601 time the message was written"),
    lang: z.enum(LANGS).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((m, ctx) => {
    // A survey answer may be a score alone; anything else needs words.
    const scoreOnly = m.channel === "survey" && typeof m.meta?.csat === "number";
    if (!m.text.trim() && !scoreOnly)
      ctx.addIssue({ code: "custom", path: ["text"], message: "expected some text, found an empty string" });
  });

export const BatchInput = z.strictObject({
  messages: z
    .array(MessageInput)
    .min(1, "expected at least one message")
    .max(1000, "expected at most 1,000 messages per batch"),
});

export const AnalyzeInput = z.strictObject({
  text: z
    .string()
    .max(20_000)
    .refine((t) => t.trim().length > 0, "expected some text, found an empty string"),
  lang: z.enum(LANGS).optional(),
  channel: z.enum(CHANNELS).optional(),
});

export const ConsentInput = z.strictObject({
  text: z.boolean().optional(),
  voice: z.boolean().optional(),
  face: z.boolean().optional(),
});

export const AssignInput = z.strictObject({ agent: z.string().min(1).max(200).nullable() });

export const QueueQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const StreamQuery = z.strictObject({
  conversation: z.string().min(1).max(200).optional().describe("stream one conversation's updates"),
  supervisor: z.enum(["true", "false"]).optional().describe("stream alerts and queue changes"),
  lastEventId: z.coerce.number().int().min(0).optional(),
  from: z
    .enum(["start", "latest"])
    .default("start")
    .describe("without a last event id: replay from the first event (start) or send only new ones (latest)"),
});

export const IdParams = z.strictObject({ id: z.string().min(1).max(200) });
export const CustomerParams = z.strictObject({ externalId: z.string().min(1).max(200) });
