import type { StreamEvent } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { StreamQuery } from "../schemas.js";

const HEARTBEAT_MS = 15_000;

const frame = (e: StreamEvent) =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...(e.payload as object), at: e.createdAt, topic: e.topic })}\n\n`;

/**
 * Server-Sent Events: one conversation's updates (`?conversation=ID`) and/or alerts and queue
 * changes (`?supervisor=true`). Every event has an id; a client that reconnects with `Last-Event-ID`
 * (EventSource does this itself) first receives everything it missed.
 */
export function streamRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/stream", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "read");
    const q = StreamQuery.parse(request.query);
    const topics = [
      ...(q.conversation ? [`conversation:${q.conversation}`] : []),
      ...(q.supervisor === "true" ? ["supervisor"] : []),
    ];
    if (topics.length === 0) throw new ApiError("invalid_request", "expected ?conversation=ID and/or ?supervisor=true");
    const header = request.headers["last-event-id"];
    let last = Number(Array.isArray(header) ? header[0] : header) || q.lastEventId || 0;
    if (!last && q.from === "latest") last = await ctx.store.latestEventId(key.tenantId);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write(`retry: 2000\n: connected to ${topics.join(", ")}\n\n`);
    let sending = false;
    let again = false;
    let closed = false;
    const flush = async () => {
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      try {
        do {
          again = false;
          for (;;) {
            const events = await ctx.store.listEvents(key.tenantId, topics, last, 200);
            if (closed || events.length === 0) break;
            for (const e of events) {
              res.write(frame(e));
              last = e.id;
            }
          }
        } while (again && !closed);
      } catch (e) {
        request.log.error(e);
      } finally {
        sending = false;
      }
    };
    const unsubscribe = ctx.subscribe(key.tenantId, () => void flush());
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    request.raw.on("close", () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
    await flush();
  });
}
