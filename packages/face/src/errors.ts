import { AttuneError } from "@attune/engine";

/** Why a frame could not be analyzed; the server maps each to an HTTP status. */
export type FaceErrorReason =
  | "not_an_image"
  | "unsupported_format"
  | "image_too_large"
  | "corrupt_image"
  | "model_failed";

/**
 * An image or model problem. It is an `AttuneError` with code `invalid_input` (or `invalid_model` for
 * `model_failed`), so every caller that already prints Attune errors prints this one as one line.
 */
export class FaceError extends AttuneError {
  readonly reason: FaceErrorReason;

  constructor(reason: FaceErrorReason, message: string, details?: Record<string, unknown>) {
    super(reason === "model_failed" ? "invalid_model" : "invalid_input", message, { reason, ...details });
    this.name = "FaceError";
    this.reason = reason;
  }
}
