export {
  PII_KINDS,
  PII_PLACEHOLDERS,
  type PiiKind,
  type PiiSpan,
  type RedactOptions,
  type RedactResult,
  redactPii,
} from "./redact.js";
