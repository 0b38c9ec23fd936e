import { createHash } from "node:crypto";
import { customerHistory } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { CustomerParams } from "../schemas.js";

const RetentionInput = z.strictObject({ olderThanDays: z.number().int().min(1).max(3650) });
const FollowUpQuery = z.strictObject({ status: z.enum(["open", "done"]).optional() });

/** A customer's history across channels; erasure; retention of emotion data; follow-ups; the audit log. */
export function customerRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/customers/:externalId/history", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { externalId } = CustomerParams.parse(request.params);
    const customer = await ctx.store.findCustomer(key.tenantId, externalId);
    if (!customer) throw new ApiError("not_found", `no customer ${externalId}`);
    const [messages, followUps] = await Promise.all([
      ctx.store.listCustomerMessages(key.tenantId, customer.id),
      ctx.store.listFollowUps(key.tenantId),
    ]);
    return {
      customer: { externalId, consent: customer.consent },
      ...customerHistory(
        messages,
        followUps.filter((f) => f.customerId === customer.id),
        new Date(),
      ),
    };
  });

  app.delete("/api/v1/customers/:externalId", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    const { externalId } = CustomerParams.parse(request.params);
    const removed = await ctx.store.eraseCustomer(key.tenantId, externalId);
    if (!removed) throw new ApiError("not_found", `no customer ${externalId}`);
    // The audit line names what was erased by count only: the subject is a one-way hash, not the id.
    const subject = `customer sha256:${createHash("sha256").update(externalId).digest("hex").slice(0, 16)}`;
    await ctx.store.appendAudit(
      key.tenantId,
      { actor: key.name, action: "erase_customer", subject, details: removed },
      new Date().toISOString(),
    );
    return { erased: true, ...removed };
  });

  app.post("/api/v1/retention/expire", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    const { olderThanDays } = RetentionInput.parse(request.body);
    const before = new Date(Date.now() - olderThanDays * 86_400_000).toISOString();
    const expired = await ctx.store.expireAnalyses(key.tenantId, before);
    await ctx.store.appendAudit(
      key.tenantId,
      { actor: key.name, action: "expire_emotion_data", subject: `before ${before}`, details: { expired } },
      new Date().toISOString(),
    );
    return { expired, before };
  });

  app.get("/api/v1/followups", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const { status } = FollowUpQuery.parse(request.query);
    return { followUps: await ctx.store.listFollowUps(key.tenantId, status) };
  });

  app.get("/api/v1/audit", async (request) => {
    const key = await authenticate(ctx.store, request, "admin");
    return { entries: await ctx.store.listAudit(key.tenantId) };
  });
}
