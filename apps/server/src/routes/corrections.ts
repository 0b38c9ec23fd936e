import { EMOTIONS, POLARITIES } from "@attune/engine";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";
import { IdParams } from "../schemas.js";

const CorrectionInput = z.strictObject({ emotion: z.enum(EMOTIONS), polarity: z.enum(POLARITIES).optional() });

/** Label corrections by agents and supervisors, exportable as a gold set for `attune eval`. */
export function correctionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/v1/messages/:id/correction", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "act");
    const { id } = IdParams.parse(request.params);
    const { emotion, polarity } = CorrectionInput.parse(request.body);
    const c = await ctx.store.addCorrection(
      key.tenantId,
      id,
      emotion,
      polarity ?? null,
      key.name,
      new Date().toISOString(),
    );
    if (!c) throw new ApiError("not_found", `no message ${id}`);
    return reply.status(201).send(c);
  });

  /** JSONL in Attune's gold format: `attune eval --input corrections.jsonl` scores the engine on them. */
  app.get("/api/v1/corrections/export", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "manage");
    const rows = await ctx.store.listCorrections(key.tenantId);
    await ctx.store.appendAudit(
      key.tenantId,
      { actor: key.name, action: "export_corrections", subject: "corrections", details: { rows: rows.length } },
      new Date().toISOString(),
    );
    const lines = rows.map((r) =>
      JSON.stringify({
        id: r.messageId,
        text: r.text,
        lang: r.lang ?? undefined,
        emotion: r.emotion,
        polarity: r.polarity ?? undefined,
      }),
    );
    return reply.type("application/x-ndjson; charset=utf-8").send(lines.length ? `${lines.join("\n")}\n` : "");
  });
}
