import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { IdParams } from "../schemas.js";

const WebhookInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).describe("where alerts are POSTed"),
  secret: z.string().min(16).max(200).optional().describe("HMAC secret; generated when omitted"),
});

/** Signed alert webhooks: register, list, see the dead-letter list, replay. */
export function webhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/v1/webhooks", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "admin");
    const { url, secret } = WebhookInput.parse(request.body);
    const w = await ctx.store.addWebhook(
      key.tenantId,
      url,
      secret ?? randomBytes(24).toString("base64url"),
      new Date().toISOString(),
    );
    // The secret is shown once, here; listings mask it.
    return reply.status(201).send(w);
  });

  app.get("/api/v1/webhooks", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    const hooks = await ctx.store.listWebhooks(key.tenantId);
    return { webhooks: hooks.map((w) => ({ ...w, secret: `${w.secret.slice(0, 4)}…` })) };
  });

  app.get("/api/v1/webhooks/dead-letters", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    const dead = await ctx.store.listDeadDeliveries(key.tenantId);
    return { deliveries: dead.map(({ secret: _secret, ...d }) => d) };
  });

  app.post("/api/v1/webhooks/dead-letters/:id/replay", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    const { id } = IdParams.parse(request.params);
    if (!(await ctx.store.replayDelivery(key.tenantId, id, new Date().toISOString()))) {
      throw new ApiError("not_found", `no dead delivery ${id}`);
    }
    return { id, status: "pending" };
  });
}
