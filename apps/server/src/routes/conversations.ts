import { followUpOnClose } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { AssignInput, IdParams, QueueQuery } from "../schemas.js";

/** Conversations, the prioritized queue, assignment, and reply suggestions. */
export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/queue", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { limit } = QueueQuery.parse(request.query);
    const queue = await ctx.store.listQueue(key.tenantId, limit);
    return {
      conversations: queue.map((c, position) => ({
        position: position + 1,
        id: c.id,
        externalId: c.externalId,
        channel: c.channel,
        assignedTo: c.assignedTo,
        priority: c.priority,
        reasons: (c.state as { priority?: { reasons?: string[] } } | null)?.priority?.reasons ?? [],
        factors: (c.state as { priority?: { factors?: unknown[] } } | null)?.priority?.factors ?? [],
        trajectory: (c.state as { trajectory?: unknown } | null)?.trajectory ?? null,
        final: (c.state as { final?: unknown } | null)?.final ?? null,
        lastMessageAt: c.lastMessageAt,
      })),
    };
  });

  app.get("/api/v1/conversations/:id", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { id } = IdParams.parse(request.params);
    const conversation = await ctx.store.getConversation(key.tenantId, id);
    if (!conversation) throw new ApiError("not_found", `no conversation ${id}`);
    const [messages, customer, followUps] = await Promise.all([
      ctx.store.listConversationMessages(key.tenantId, id),
      conversation.customerId ? ctx.store.getCustomer(key.tenantId, conversation.customerId) : null,
      ctx.store.listFollowUps(key.tenantId),
    ]);
    return {
      ...conversation,
      customer: customer ? { externalId: customer.externalId, consent: customer.consent } : null,
      followUps: followUps.filter((f) => f.conversationId === id),
      messages,
    };
  });

  app.post("/api/v1/conversations/:id/assign", async (request) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const { agent } = AssignInput.parse(request.body);
    if (!(await ctx.store.assignConversation(key.tenantId, id, agent, new Date().toISOString()))) {
      throw new ApiError("not_found", `no conversation ${id}`);
    }
    await ctx.store.appendEvent(
      key.tenantId,
      "supervisor",
      "queue.updated",
      { conversationId: id, assignedTo: agent },
      new Date().toISOString(),
    );
    ctx.notify(key.tenantId);
    return { id, assignedTo: agent };
  });

  app.post("/api/v1/conversations/:id/close", async (request) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const now = new Date().toISOString();
    if (!(await ctx.store.setConversationStatus(key.tenantId, id, "closed", now))) {
      throw new ApiError("not_found", `no conversation ${id}`);
    }
    const followUp = await followUpOnClose(ctx.store, key.tenantId, id, now);
    await ctx.store.appendEvent(
      key.tenantId,
      "supervisor",
      "queue.updated",
      { conversationId: id, status: "closed" },
      new Date().toISOString(),
    );
    ctx.notify(key.tenantId);
    return { id, status: "closed", followUp };
  });

  app.get("/api/v1/conversations/:id/suggestions", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { id } = IdParams.parse(request.params);
    const messages = await ctx.store.listConversationMessages(key.tenantId, id);
    if (messages.length === 0) throw new ApiError("not_found", `no conversation ${id}`);
    const turns = messages.map((m) => ({ speaker: m.speaker, text: m.text, at: m.at }));
    return ctx.coach.suggestReplies(turns, { channel: messages[0]?.channel === "email" ? "email" : "chat" });
  });
}
