import { alertRulesFor } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";

export const AlertRulesInput = z.strictObject({
  highIntensity: z.number().min(0).max(1).optional().describe("alert when a negative message reaches this intensity"),
  escalationThreat: z.boolean().optional(),
  abuse: z.boolean().optional(),
  riskAbove: z.number().min(0).max(1).optional().describe("alert when escalation risk rises past this"),
  waitingPastSla: z.boolean().optional().describe("alert when a negative customer waits past the SLA"),
});

/** Operator-editable alert rules, per tenant. */
export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/settings/alert-rules", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    return alertRulesFor(ctx.store, key.tenantId);
  });

  app.put("/api/v1/settings/alert-rules", async (request) => {
    const key = await authenticate(ctx.store, request, "manage");
    const changes = AlertRulesInput.parse(request.body);
    const rules = { ...(await alertRulesFor(ctx.store, key.tenantId)), ...changes };
    await ctx.store.putSetting(key.tenantId, "alertRules", rules, new Date().toISOString());
    return rules;
  });
}
