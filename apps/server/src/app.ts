import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { hashKey } from "./auth.js";
import type { AppContext } from "./context.js";
import { ApiError, sendError } from "./http-errors.js";
import { openApiDocument } from "./openapi.js";
import { analyticsRoutes } from "./routes/analytics/analytics-routes.js";
import { supervisorRoutes } from "./routes/analytics/supervisor-routes.js";
import { analyzeRoutes } from "./routes/analyze.js";
import { assistRoutes } from "./routes/assist.js";
import { audioRoutes } from "./routes/audio.js";
import { conversationRoutes } from "./routes/conversations.js";
import { correctionRoutes } from "./routes/corrections.js";
import { customerRoutes } from "./routes/customers.js";
import { faceRoutes } from "./routes/face.js";
import { importRoutes } from "./routes/import.js";
import { messageRoutes } from "./routes/messages.js";
import { reportRoutes } from "./routes/reports/report-routes.js";
import { sessionRoutes } from "./routes/session.js";
import { settingsRoutes } from "./routes/settings.js";
import { streamRoutes } from "./routes/stream.js";
import { webhookRoutes } from "./routes/webhooks.js";
import { sendAppShell, serveWebApp, wantsAppShell } from "./web.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Builds the HTTP app (not listening): routes, validation, errors, limits. Tests use `app.inject`. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === "silent" ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.maxBodyBytes,
  });

  // JSON is read as bytes so that invalid UTF-8 is refused instead of silently becoming U+FFFD.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new ApiError("invalid_encoding", "expected the body to be UTF-8, found invalid byte sequences"), undefined);
      return;
    }
    if (text.trim() === "") {
      done(new ApiError("invalid_json", "expected a JSON body, found an empty one"), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(new ApiError("invalid_json", `expected valid JSON: ${(e as Error).message}`), undefined);
    }
  });

  // The limiter needs a key's hash on every request: remembered, so a busy client is not a SHA-256 per request.
  // Only key-sized headers are kept, and at most 10,000, so random long headers cannot grow the memory.
  const limitKeys = new Map<string, string>();
  await app.register(rateLimit, {
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const header = request.headers.authorization ?? (request.headers["x-api-key"] as string | undefined) ?? "";
      if (!header) return request.ip;
      let key = limitKeys.get(header);
      if (key === undefined) {
        key = hashKey(header);
        if (header.length <= 200) {
          if (limitKeys.size >= 10_000) limitKeys.clear();
          limitKeys.set(header, key);
        }
      }
      return key;
    },
    // Thrown into the error handler, which answers in the API's error format.
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        "rate_limited",
        `expected at most ${context.max} requests a minute per key; retry in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });

  app.setErrorHandler((error, _request, reply) => sendError(reply, error));
  const webApp = await serveWebApp(app, ctx.config.webDir);
  app.setNotFoundHandler((request, reply) =>
    webApp && wantsAppShell(request)
      ? sendAppShell(reply)
      : sendError(reply, new ApiError("not_found", `no route ${request.method} ${request.url.split("?")[0]}`)),
  );

  // `worker`: which process answered, when ATTUNE_WORKERS runs several (0 when it runs alone).
  app.get("/health", async () => ({ status: "ok", store: ctx.store.dialect, worker: ctx.worker ?? 0 }));
  app.get("/api/v1/openapi.json", async () => openApiDocument());
  messageRoutes(app, ctx);
  conversationRoutes(app, ctx);
  analyzeRoutes(app, ctx);
  streamRoutes(app, ctx);
  customerRoutes(app, ctx);
  correctionRoutes(app, ctx);
  webhookRoutes(app, ctx);
  settingsRoutes(app, ctx);
  importRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  supervisorRoutes(app, ctx);
  reportRoutes(app, ctx);
  sessionRoutes(app, ctx);
  assistRoutes(app, ctx);
  faceRoutes(app, ctx);
  audioRoutes(app, ctx);
  return app;
}
