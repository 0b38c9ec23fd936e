import { ingestMessages } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { BatchInput, IdParams, MessageInput } from "../schemas.js";

/** Ingestion: one message or a batch of up to 1,000; acknowledged only after the commit. */
export function messageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/v1/messages", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "ingest");
    const message = MessageInput.parse(request.body);
    const [ack] = await ingestMessages(ctx.ingest, key.tenantId, [message]);
    ctx.notify(key.tenantId);
    const stored = ack ? await ctx.store.getMessage(key.tenantId, ack.id) : null;
    return reply
      .status(ack?.duplicate ? 200 : 201)
      .send({ ...ack, analysis: stored?.analysis ?? null, analysisStatus: stored?.analysisStatus });
  });

  app.post("/api/v1/messages/batch", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "ingest");
    const { messages } = BatchInput.parse(request.body);
    const acks = await ingestMessages(ctx.ingest, key.tenantId, messages);
    ctx.notify(key.tenantId);
    return reply.status(201).send({
      stored: acks.filter((a) => !a.duplicate).length,
      duplicates: acks.filter((a) => a.duplicate).length,
      messages: acks,
    });
  });

  app.get("/api/v1/messages/:id", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { id } = IdParams.parse(request.params);
    const message = await ctx.store.getMessage(key.tenantId, id);
    if (!message) throw new ApiError("not_found", `no message ${id}`);
    return message;
  });
}
