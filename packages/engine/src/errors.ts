/** Every way the engine can refuse its input or its data. */
export type AttuneErrorCode =
  | "invalid_input"
  | "invalid_option"
  | "invalid_lexicon"
  | "invalid_model"
  | "invalid_corpus";

/**
 * The one error type Attune throws. The message says what was expected and what was found,
 * e.g. `attune: expected a string, found number`.
 */
export class AttuneError extends Error {
  readonly code: AttuneErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AttuneErrorCode, message: string, details?: Record<string, unknown>) {
    super(message.startsWith("attune:") ? message : `attune: ${message}`);
    this.name = "AttuneError";
    this.code = code;
    if (details) this.details = details;
  }
}

/** Describes a value's type for error messages: `null`, `array`, `number`, ... */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
