import { AttuneError, type AttuneErrorCode } from "@attune/engine";
import type { FastifyReply } from "fastify";
import { ZodError } from "zod";

/** Error codes the API answers with (the wire format is `{ error: { code, message, details? } }`). */
export type ApiErrorCode =
  | AttuneErrorCode
  | "invalid_json"
  | "invalid_encoding"
  | "invalid_request"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** An error that knows its API code. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Maps every code to its HTTP status; exhaustive, so a new code cannot be forgotten. */
export function statusFor(code: ApiErrorCode): number {
  switch (code) {
    case "invalid_input":
    case "invalid_option":
    case "invalid_json":
    case "invalid_encoding":
    case "invalid_request":
      return 400;
    case "unauthorized":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "unavailable":
      return 503;
    case "invalid_lexicon":
    case "invalid_model":
    case "invalid_corpus":
    case "internal":
      return 500;
  }
}

/** The one place errors become HTTP answers. */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  let e: ApiError;
  if (error instanceof ApiError) e = error;
  else if (error instanceof AttuneError)
    e = new ApiError(error.code, error.message.replace(/^attune: /, ""), error.details);
  else if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = details[0];
    e = new ApiError(
      "invalid_request",
      first ? `${first.path || "body"}: ${first.message}` : "invalid request",
      details,
    );
  } else {
    const f = error as { code?: string; statusCode?: number; message?: string };
    if (f.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      e = new ApiError("payload_too_large", f.message ?? "request body is too large");
    else if (f.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
      e = new ApiError("unsupported_media_type", f.message ?? "unsupported content type");
    else if (f.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
      e = new ApiError("invalid_json", "expected a JSON body, found an empty one");
    else if (f.statusCode === 429) e = new ApiError("rate_limited", f.message ?? "too many requests");
    else if (f.statusCode && f.statusCode >= 400 && f.statusCode < 500)
      e = new ApiError("invalid_request", f.message ?? "bad request");
    else {
      reply.log.error(error);
      e = new ApiError("internal", "internal error");
    }
  }
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: e.code, message: e.message },
  };
  if (e.details !== undefined) body.error.details = e.details;
  return reply.status(statusFor(e.code)).send(body);
}
