import { type ConversationSummary, ingestMessages } from "@attune/core";
import { REPLY_LOCALES } from "@attune/engine";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { IdParams } from "../schemas.js";

/** An agent's draft to check before sending. */
export const DraftInput = z.strictObject({
  draft: z.string().min(1, "expected a non-empty draft").max(10_000),
  locale: z.enum(REPLY_LOCALES).optional(),
});
/** A follow-up an agent creates by hand. */
export const FollowUpInput = z.strictObject({ reason: z.string().min(1).max(500).optional() });
/** An agent closing a follow-up: did the customer's feeling recover? */
export const FollowUpCloseInput = z.strictObject({
  recovered: z.boolean(),
  note: z.string().max(1000).default(""),
});

/** An agent's reply, sent from the workspace. */
export const ReplyInput = z.strictObject({ text: z.string().trim().min(1, "expected a non-empty reply").max(20_000) });

/** Agent assist: the tone guard on a draft, the agent's reply, and follow-ups created and closed by hand. */
export function assistRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/v1/conversations/:id/check-draft", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { id } = IdParams.parse(request.params);
    const { draft, locale } = DraftInput.parse(request.body);
    const messages = await ctx.store.listConversationMessages(key.tenantId, id);
    if (messages.length === 0) throw new ApiError("not_found", `no conversation ${id}`);
    const turns = messages.map((m) => ({ speaker: m.speaker, text: m.text, at: m.at }));
    return ctx.coach.checkDraft(draft, turns, locale ? { locale } : undefined);
  });

  app.post("/api/v1/conversations/:id/reply", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const { text } = ReplyInput.parse(request.body);
    const conversation = await ctx.store.getConversation(key.tenantId, id);
    if (!conversation) throw new ApiError("not_found", `no conversation ${id}`);
    if (!conversation.externalId) {
      throw new ApiError("invalid_request", `conversation ${id} has no external thread id to reply into`);
    }
    const [ack] = await ingestMessages(ctx.ingest, key.tenantId, [
      {
        conversationId: conversation.externalId,
        channel: conversation.channel,
        speaker: "agent",
        text,
        at: new Date().toISOString(),
        meta: { agent: key.name },
      },
    ]);
    ctx.notify(key.tenantId);
    return reply.status(201).send(ack);
  });

  app.post("/api/v1/conversations/:id/followups", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const { reason } = FollowUpInput.parse(request.body ?? {});
    const conversation = await ctx.store.getConversation(key.tenantId, id);
    if (!conversation) throw new ApiError("not_found", `no conversation ${id}`);
    const score = (conversation.state as ConversationSummary | null)?.final.score ?? 0;
    const created = await ctx.store.createFollowUp(
      key.tenantId,
      id,
      conversation.customerId,
      reason ?? `follow-up set by ${key.name}`,
      score,
      new Date().toISOString(),
    );
    if (!created) throw new ApiError("invalid_request", `conversation ${id} already has an open follow-up`);
    return reply.status(201).send(created);
  });

  app.post("/api/v1/followups/:id/close", async (request) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const { recovered, note } = FollowUpCloseInput.parse(request.body);
    const open = (await ctx.store.listFollowUps(key.tenantId, "open")).find((f) => f.id === id);
    if (!open) throw new ApiError("not_found", `no open follow-up ${id}`);
    const conversation = await ctx.store.getConversation(key.tenantId, open.conversationId);
    const afterScore = (conversation?.state as ConversationSummary | null)?.final.score ?? open.beforeScore;
    const outcome = { recovered, afterScore, messageId: null, note: note || `closed by ${key.name}` };
    await ctx.store.closeFollowUp(key.tenantId, id, outcome, new Date().toISOString());
    return { ...open, status: "done", outcome };
  });
}
