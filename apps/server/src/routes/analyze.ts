import type { FastifyInstance } from "fastify";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { AnalyzeInput, ConsentInput, CustomerParams } from "../schemas.js";

/** Live analysis of one message (nothing stored), and consent per customer and modality. */
export function analyzeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/v1/analyze", async (request) => {
    await authenticate(ctx.store, request, "read");
    const { text, lang, channel } = AnalyzeInput.parse(request.body);
    return ctx.analyzer.analyze(text, { ...(lang ? { lang } : {}), ...(channel ? { channel } : {}) });
  });

  app.put("/api/v1/customers/:externalId/consent", async (request) => {
    const key = await authenticate(ctx.store, request, "manage");
    const { externalId } = CustomerParams.parse(request.params);
    const consent = ConsentInput.parse(request.body);
    return ctx.store.setConsent(key.tenantId, externalId, consent, new Date().toISOString());
  });
}
