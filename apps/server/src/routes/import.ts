import { IMPORT_CHANNELS, type ImportChannel, importFile, ingestMessages } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";

const ImportParams = z.strictObject({ channel: z.enum(IMPORT_CHANNELS) });
const ImportQuery = z.strictObject({
  filename: z.string().min(1).max(255).describe("decides the format: .eml, .mbox, .csv, .json, .srt, .vtt"),
});
const FILE_TYPES = [
  "message/rfc822",
  "application/mbox",
  "text/csv",
  "text/vtt",
  "application/x-subrip",
  "application/octet-stream",
];

/**
 * Uploads one file of a channel (`POST /api/v1/import/email?filename=x.eml`, raw bytes as the body):
 * parsed, stored and analyzed like any message; a file nothing could be read from is a 400 with the reasons.
 */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(FILE_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post("/api/v1/import/:channel", async (request, reply) => {
    const key = await authenticate(ctx.store, request, "ingest");
    const { channel } = ImportParams.parse(request.params);
    const { filename } = ImportQuery.parse(request.query);
    if (!Buffer.isBuffer(request.body)) {
      throw new ApiError(
        "unsupported_media_type",
        `expected the file's bytes with content-type one of ${FILE_TYPES.join(", ")}`,
      );
    }
    const result = await importFile(channel as ImportChannel, filename, request.body);
    if (result.messages.length === 0) {
      const reasons = result.skipped.map((s) => `${s.item}: ${s.reason}`).join("; ");
      throw new ApiError(
        "invalid_input",
        `nothing could be read from ${filename}${reasons ? `: ${reasons}` : ""}`,
        result.skipped,
      );
    }
    const acks = [];
    for (let i = 0; i < result.messages.length; i += 1000)
      acks.push(...(await ingestMessages(ctx.ingest, key.tenantId, result.messages.slice(i, i + 1000))));
    ctx.notify(key.tenantId);
    return reply.status(201).send({
      stored: acks.filter((a) => !a.duplicate).length,
      duplicates: acks.filter((a) => a.duplicate).length,
      skipped: result.skipped,
    });
  });
}
