import { AttuneError } from "@attune/engine";
import type { ImportResult, IncomingMessage } from "../domain/message.js";
import { matchColumns, type RowsOrError, readCsvRows, readJsonRows, type SourceRow } from "./records.js";
import {
  assertSource,
  describeValue,
  digest,
  failedImport,
  type ImportSource,
  quote,
  sourceText,
  toIsoTime,
} from "./source.js";

/** Column names recognised in platform exports, most specific first. */
export const SOCIAL_COLUMNS = {
  id: ["post_id", "review_id", "comment_id", "tweet_id", "message_id", "id"],
  author: [
    "author_handle",
    "handle",
    "username",
    "user_name",
    "screen_name",
    "author",
    "user",
    "reviewer",
    "author_id",
    "user_id",
  ],
  text: ["text", "content", "body", "review", "review_text", "comment", "message", "full_text"],
  at: ["created_at", "date", "time", "timestamp", "posted_at", "published_at", "created"],
  rating: ["rating", "stars", "star_rating", "score"],
  platform: ["platform", "source", "site"],
  url: ["url", "link", "permalink"],
  thread: ["reply_to", "in_reply_to", "parent_id", "thread", "thread_id", "conversation", "conversation_id"],
  lang: ["lang", "language"],
} as const;

/** How to read a social or review export. */
export interface SocialImportOptions {
  /** Platform name used when the file has no platform column (`weibo`, `google`, `dianping`, …). */
  platform?: string;
  /** The brand's own handles: their posts and replies are imported as the agent's. */
  brandHandles?: string[];
  /** Offset of times written without a zone, in minutes east of UTC (480 for Beijing/Taipei/Hong Kong). Default 0. */
  utcOffsetMinutes?: number;
}

type Columns = Record<keyof typeof SOCIAL_COLUMNS, string | undefined>;

/** Reads a rating cell: `4`, `4.5`, `4/5`, `★★★★☆`; `undefined` when empty, `NaN` when unreadable. */
function readRating(cell: string | undefined): number | undefined {
  const value = cell?.trim();
  if (!value) return undefined;
  if (/^[★☆]+$/.test(value)) return [...value].filter((c) => c === "★").length;
  const match = /^(\d+(?:\.\d+)?)\s*(?:\/\s*\d+)?$/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

function checkOptions(options: SocialImportOptions): void {
  if (options.platform !== undefined && typeof options.platform !== "string") {
    throw new AttuneError("invalid_option", `platform expected a string, found ${describeValue(options.platform)}`);
  }
  const handles = options.brandHandles;
  if (handles !== undefined && (!Array.isArray(handles) || handles.some((h) => typeof h !== "string"))) {
    throw new AttuneError(
      "invalid_option",
      `brandHandles expected an array of strings, found ${describeValue(handles)}`,
    );
  }
  const offset = options.utcOffsetMinutes;
  if (offset !== undefined && (typeof offset !== "number" || !Number.isFinite(offset) || Math.abs(offset) > 840)) {
    throw new AttuneError(
      "invalid_option",
      `utcOffsetMinutes expected minutes between -840 and 840, found ${String(offset)}`,
    );
  }
}

/** A handle compared loosely: `@ShopHK` and `shophk` are the same account. */
function handleKey(handle: string): string {
  return handle.trim().replace(/^@/, "").toLowerCase();
}

function toMessages(read: RowsOrError, options: SocialImportOptions, perRowColumns: boolean): ImportResult {
  if (!read.ok) return failedImport(read.reason);
  const expectedText = SOCIAL_COLUMNS.text.join(", ");
  const fileColumns = columnsOf(read.columns);
  if (!perRowColumns && !fileColumns.text) {
    return failedImport(
      `unknown layout: expected a text column (one of ${expectedText}), found columns: ${read.columns.join(", ") || "none"}`,
    );
  }
  if (
    perRowColumns &&
    read.rows.length > 0 &&
    read.rows.every((r) => r.problem || !columnsOf(Object.keys(r.fields)).text)
  ) {
    return failedImport(
      `unknown layout: expected records with a text field (one of ${expectedText}), found fields: ${read.columns.join(", ") || "none"}`,
    );
  }
  const brand = new Set((options.brandHandles ?? []).map(handleKey));
  const result: ImportResult = { messages: [], skipped: [] };
  const threadOf = new Map<string, string>();
  for (const source of read.rows) {
    const outcome = toMessage(source, perRowColumns ? columnsOf(Object.keys(source.fields)) : fileColumns, options);
    if ("reason" in outcome) {
      result.skipped.push({ item: `row ${source.row}`, reason: `row ${source.row}: ${outcome.reason}` });
      continue;
    }
    const { message, postId } = outcome;
    // A reply to a post in the same file joins that post's thread, so reply chains share one conversation.
    const parent = message.conversationId;
    if (parent && threadOf.has(parent)) message.conversationId = threadOf.get(parent);
    if (postId && message.conversationId) threadOf.set(postId, message.conversationId);
    if (message.customerId && brand.has(handleKey(message.customerId))) message.speaker = "agent";
    result.messages.push(message);
  }
  return result;
}

function columnsOf(columns: Iterable<string>): Columns {
  return matchColumns(columns, SOCIAL_COLUMNS);
}

function toMessage(
  { fields, problem }: SourceRow,
  columns: Columns,
  options: SocialImportOptions,
): { message: IncomingMessage; postId?: string } | { reason: string } {
  if (problem) return { reason: problem };
  const get = (key: keyof Columns) => {
    const column = columns[key];
    const value = column ? fields[column]?.trim() : undefined;
    return value ? value : undefined;
  };
  if (!columns.text) return { reason: `no text column (expected one of ${SOCIAL_COLUMNS.text.join(", ")})` };
  const text = get("text");
  if (!text) return { reason: `no text (column "${columns.text}" is empty)` };
  const rating = readRating(get("rating"));
  if (rating !== undefined && !(rating >= 0 && rating <= 10)) {
    return {
      reason: `expected a rating like 4, 4/5 or ★★★★☆ in column "${columns.rating}", found ${quote(get("rating") ?? "")}`,
    };
  }
  const rawTime = get("at");
  const at = rawTime === undefined ? undefined : toIsoTime(rawTime, options.utcOffsetMinutes);
  if (rawTime !== undefined && !at) {
    return { reason: `expected a date like 2024-03-01T10:00:00Z in column "${columns.at}", found ${quote(rawTime)}` };
  }
  const platform = get("platform")?.toLowerCase() ?? options.platform;
  const postId = get("id");
  const author = get("author");
  const meta: Record<string, unknown> = {};
  if (rating !== undefined) meta.rating = rating;
  if (platform) meta.platform = platform;
  const url = get("url");
  if (url) meta.url = url;
  const message: IncomingMessage = {
    externalId: `${platform ?? "social"}:${postId ?? digest(author, rawTime, text)}`,
    channel: rating === undefined ? "social" : "review",
    speaker: "customer",
    text,
    meta,
  };
  const conversationId = get("thread") ?? postId;
  if (conversationId) message.conversationId = conversationId;
  if (author) message.customerId = author;
  if (at) message.at = at;
  const lang = get("lang");
  if (lang) message.lang = lang;
  return postId ? { message, postId } : { message };
}

/**
 * Reads posts, comments and reviews exported as CSV (Weibo, Xiaohongshu, Dianping, Google, App Store, X, …).
 * Columns are matched by common names ({@link SOCIAL_COLUMNS}); a row with a rating becomes a `review`, others
 * `social`. Bad rows are skipped with `row N: …` reasons; a file without a text column is one clear error.
 *
 * @example
 * parseSocialCsv("post_id,username,content,stars\n881,@mei_hk,等咗成個鐘都未有位,2\n");
 * // → { messages: [{ externalId: "social:881", channel: "review", customerId: "@mei_hk", meta: { rating: 2 }, … }], skipped: [] }
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseSocialCsv(input: ImportSource, options: SocialImportOptions = {}): ImportResult {
  assertSource(input, "parseSocialCsv");
  checkOptions(options);
  return toMessages(readCsvRows(sourceText(input)), options, false);
}

/**
 * Reads the same records exported as JSON: an array of objects, or an object holding one (`data`, `posts`,
 * `reviews`, …). Nested authors (`{ "user": { "screen_name": "…" } }`) are read by their handle.
 *
 * @example
 * parseSocialJson('[{"id":"t1","user":{"screen_name":"ann"},"full_text":"Still no refund.","platform":"x"}]');
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseSocialJson(input: ImportSource, options: SocialImportOptions = {}): ImportResult {
  assertSource(input, "parseSocialJson");
  checkOptions(options);
  return toMessages(readJsonRows(sourceText(input)), options, true);
}
