import {
  createFaceAnalyzer,
  decideFaceAnalysis,
  type FaceAnalyzer,
  FaceError,
  type FaceErrorReason,
  isRegionCode,
} from "@attune/face";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError, type ApiErrorCode } from "../http-errors.js";

const IMAGE_TYPES = ["image/jpeg", "image/png"];

/** Query of `POST /api/v1/face/analyze`; the frame itself is the raw body. */
export const FaceQuery = z.strictObject({
  customer: z.string().min(1).max(200).describe("your id of the customer (externalId) whose face is in the frame"),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isRegionCode, "expected a region code like DE, HK or US-IL")
    .describe("where the customer is; face analysis runs only in regions listed in ATTUNE_FACE_REGIONS"),
  speaker: z.enum(["customer", "agent"]).default("customer").describe("whose face it is; agent is always refused"),
});

/** The image problem's API code: the one place face errors become HTTP statuses. */
function apiCodeFor(reason: FaceErrorReason): ApiErrorCode {
  switch (reason) {
    case "not_an_image":
    case "corrupt_image":
      return "invalid_input";
    case "unsupported_format":
      return "unsupported_media_type";
    case "image_too_large":
      return "payload_too_large";
    case "model_failed":
      return "internal";
  }
}

/**
 * `POST /api/v1/face/analyze?customer=ID&region=DE` with a JPEG or PNG frame as the body: the expression
 * of each face in it. Refused (403) unless the operator enabled the region and the customer consented to
 * face analysis; never for agents. The model loads on the first allowed request, not at start. Nothing
 * about the frame is stored.
 */
export function faceRoutes(app: FastifyInstance, ctx: AppContext): void {
  let analyzer: Promise<FaceAnalyzer> | undefined;
  const loadAnalyzer = () => {
    analyzer ??= createFaceAnalyzer().catch((e: unknown) => {
      analyzer = undefined;
      throw e;
    });
    return analyzer;
  };
  app.addHook("onClose", async () => {
    if (analyzer) await (await analyzer.catch(() => null))?.close();
  });
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post("/api/v1/face/analyze", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const query = FaceQuery.parse(request.query);
    const customer = await ctx.store.findCustomer(key.tenantId, query.customer);
    const decision = decideFaceAnalysis({
      customer,
      region: query.region,
      enabledRegions: ctx.config.faceRegions,
      subject: query.speaker,
    });
    if (!decision.allowed) {
      throw new ApiError("forbidden", decision.reason, {
        refusal: decision.code,
        ...(decision.setting ? { setting: decision.setting } : {}),
      });
    }
    if (!Buffer.isBuffer(request.body)) {
      throw new ApiError(
        "unsupported_media_type",
        `expected the frame's bytes with content-type ${IMAGE_TYPES.join(" or ")}, found ${request.headers["content-type"] ?? "none"}`,
      );
    }
    try {
      const result = await (await loadAnalyzer()).analyze(request.body);
      return { customer: query.customer, region: query.region, ...result };
    } catch (e) {
      if (e instanceof FaceError)
        throw new ApiError(apiCodeFor(e.reason), e.message.replace(/^attune: /, ""), e.details);
      throw e;
    }
  });
}

/** The OpenAPI entry of the face route, from the same zod schema that validates its query. */
export function faceOpenApiPaths(op: (summary: string) => Record<string, unknown>): Record<string, unknown> {
  const query = z.toJSONSchema(FaceQuery, { io: "input" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const binary = { schema: { type: "string", format: "binary" } };
  const base = op(
    "Facial expression per face in one JPEG or PNG frame (opt-in: consenting customers in enabled regions only)",
  );
  return {
    "/api/v1/face/analyze": {
      post: {
        ...base,
        responses: { ...(base.responses as object), 415: { description: "not a JPEG or PNG" } },
        parameters: Object.entries(query.properties).map(([name, schema]) => ({
          name,
          in: "query",
          required: query.required?.includes(name) ?? false,
          schema,
        })),
        requestBody: { required: true, content: { "image/jpeg": binary, "image/png": binary } },
      },
    },
  };
}
