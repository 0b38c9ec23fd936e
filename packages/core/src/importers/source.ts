import { createHash } from "node:crypto";
import { AttuneError } from "@attune/engine";
import type { ImportResult } from "../domain/message.js";

/** What every importer accepts: a file's bytes, or its text already decoded. */
export type ImportSource = string | Uint8Array;

/** Describes a value's type for error messages: `null`, `array`, `number`, `Buffer`, ... */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Buffer.isBuffer(value)) return "Buffer";
  return typeof value;
}

/**
 * Checks an importer's input at the boundary: a programming error (not a bad file) throws.
 * @throws AttuneError `invalid_input`, e.g. `attune: parseSrt expected a string or Buffer, found number`
 */
export function assertSource(input: unknown, entry: string): asserts input is ImportSource {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    throw new AttuneError("invalid_input", `${entry} expected a string or Buffer, found ${describeValue(input)}`);
  }
}

/** Decodes UTF-8 bytes (text formats here are UTF-8 by definition) and drops a byte-order mark. */
export function sourceText(input: ImportSource): string {
  const text = typeof input === "string" ? input : Buffer.from(input).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** An import that produced nothing because the whole file was unusable; `reason` says what was expected and found. */
export function failedImport(reason: string, item = "file"): ImportResult {
  return { messages: [], skipped: [{ item, reason }] };
}

/** A short stable digest, used as an idempotency key when the source has no id of its own. */
export function digest(...parts: Array<string | Uint8Array | undefined>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part ?? "");
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 24);
}

/** Quotes a value for an error message, shortened so one bad cell cannot flood a report. */
export function quote(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

const NAIVE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Reads a timestamp as ISO-8601 UTC, or `undefined` when it is not one.
 * Accepts ISO strings with an offset, `YYYY-MM-DD[ HH:MM[:SS]]` (also with `/`), and Unix seconds or milliseconds.
 * A time without an offset is read at `utcOffsetMinutes` (default 0, i.e. UTC), never at the machine's zone.
 */
export function toIsoTime(value: unknown, utcOffsetMinutes = 0): string | undefined {
  if (typeof value === "number" || (typeof value === "string" && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return undefined;
    const ms = n < 1e11 ? n * 1000 : n;
    return new Date(ms).toISOString();
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  const naive = NAIVE_TIME.exec(text);
  if (naive) {
    const [, y, mo, d, h, mi, s, frac] = naive;
    const ms = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      Number((frac ?? "0").padEnd(3, "0")),
    );
    const asWritten = new Date(ms);
    // Date.UTC rolls 2024-02-31 over to March; a calendar date that does not exist is not a time.
    if (Number.isNaN(ms) || asWritten.getUTCDate() !== Number(d) || asWritten.getUTCMonth() !== Number(mo) - 1) {
      return undefined;
    }
    return new Date(ms - utcOffsetMinutes * 60_000).toISOString();
  }
  if (!/\d{4}/.test(text) || !/(Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
