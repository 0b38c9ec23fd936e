import { AttuneError } from "@attune/engine";
import type { ImportResult, IncomingMessage } from "../domain/message.js";
import { matchColumns, type RowsOrError, readCsvRows, readJsonRows, type SourceRow } from "./records.js";
import { assertSource, digest, failedImport, type ImportSource, quote, sourceText, toIsoTime } from "./source.js";

/** Column names recognised in survey exports (Qualtrics, SurveyMonkey, 问卷星, Zendesk CSAT, …). */
export const SURVEY_COLUMNS = {
  csat: [
    "csat",
    "csat_score",
    "satisfaction",
    "满意度",
    "滿意度",
    "满意度评分",
    "滿意度評分",
    "評分",
    "评分",
    "score",
    "rating",
  ],
  text: ["comment", "comments", "feedback", "text", "verbatim", "意见", "意見", "评论", "評論", "留言", "建议", "建議"],
  id: ["response_id", "submission_id", "answer_id", "id", "编号", "編號"],
  customer: ["customer_id", "customer", "email", "user", "user_id", "respondent", "客户", "客戶", "用户", "用戶"],
  at: ["submitted_at", "created_at", "date", "timestamp", "time", "提交时间", "提交時間"],
  conversation: [
    "ticket_id",
    "conversation_id",
    "case_id",
    "ticket",
    "conversation",
    "工单号",
    "工單號",
    "工单",
    "工單",
  ],
  lang: ["lang", "language"],
} as const;

/** How to read a survey export. */
export interface SurveyImportOptions {
  /** Survey or tool name kept in `meta.survey` and in `externalId`, so two surveys' response ids cannot collide. */
  survey?: string;
  /** Offset of times written without a zone, in minutes east of UTC (480 for Beijing/Taipei/Hong Kong). Default 0. */
  utcOffsetMinutes?: number;
}

type Columns = Record<keyof typeof SURVEY_COLUMNS, string | undefined>;

function columnsOf(columns: Iterable<string>): Columns {
  return matchColumns(columns, SURVEY_COLUMNS);
}

function checkOptions(options: SurveyImportOptions): void {
  if (options.survey !== undefined && typeof options.survey !== "string") {
    throw new AttuneError("invalid_option", `survey expected a string, found ${typeof options.survey}`);
  }
  const offset = options.utcOffsetMinutes;
  if (offset !== undefined && (typeof offset !== "number" || !Number.isFinite(offset) || Math.abs(offset) > 840)) {
    throw new AttuneError(
      "invalid_option",
      `utcOffsetMinutes expected minutes between -840 and 840, found ${String(offset)}`,
    );
  }
}

function toMessage(
  { fields, problem }: SourceRow,
  columns: Columns,
  options: SurveyImportOptions,
): { message: IncomingMessage } | { reason: string } {
  if (problem) return { reason: problem };
  const get = (key: keyof Columns) => {
    const column = columns[key];
    const value = column ? fields[column]?.trim() : undefined;
    return value ? value : undefined;
  };
  const rawCsat = get("csat");
  let csat: number | undefined;
  if (rawCsat !== undefined) {
    // Exports often label the score: "5 - Very satisfied", "4分".
    const match = /^(\d+(?:\.\d+)?)(?!\d)/.exec(rawCsat);
    csat = match ? Number(match[1]) : Number.NaN;
    if (!(csat >= 1 && csat <= 5)) {
      return { reason: `expected a CSAT score from 1 to 5 in column "${columns.csat}", found ${quote(rawCsat)}` };
    }
  }
  const text = get("text") ?? "";
  if (text === "" && csat === undefined) {
    const expected = [...SURVEY_COLUMNS.csat, ...SURVEY_COLUMNS.text].join(", ");
    return { reason: `no answer: expected a CSAT score or a comment (one of ${expected}), found neither` };
  }
  const rawTime = get("at");
  const at = rawTime === undefined ? undefined : toIsoTime(rawTime, options.utcOffsetMinutes);
  if (rawTime !== undefined && !at) {
    return { reason: `expected a date like 2024-03-01T10:00:00Z in column "${columns.at}", found ${quote(rawTime)}` };
  }
  const id = get("id");
  const customerId = get("customer");
  const meta: Record<string, unknown> = {};
  if (csat !== undefined) meta.csat = csat;
  if (options.survey) meta.survey = options.survey;
  const message: IncomingMessage = {
    externalId: `${options.survey ?? "survey"}:${id ?? digest(customerId, rawTime, rawCsat, text)}`,
    channel: "survey",
    speaker: "customer",
    text,
    meta,
  };
  const conversationId = get("conversation");
  if (conversationId) message.conversationId = conversationId;
  if (customerId) message.customerId = customerId;
  if (at) message.at = at;
  const lang = get("lang");
  if (lang) message.lang = lang;
  return { message };
}

function toMessages(read: RowsOrError, options: SurveyImportOptions, perRowColumns: boolean): ImportResult {
  if (!read.ok) return failedImport(read.reason);
  const fileColumns = columnsOf(read.columns);
  if (!fileColumns.csat && !fileColumns.text) {
    const expected = [...SURVEY_COLUMNS.csat, ...SURVEY_COLUMNS.text].join(", ");
    return failedImport(
      `unknown layout: expected a CSAT or comment column (one of ${expected}), found columns: ${read.columns.join(", ") || "none"}`,
    );
  }
  const result: ImportResult = { messages: [], skipped: [] };
  for (const row of read.rows) {
    const outcome = toMessage(row, perRowColumns ? columnsOf(Object.keys(row.fields)) : fileColumns, options);
    if ("reason" in outcome)
      result.skipped.push({ item: `row ${row.row}`, reason: `row ${row.row}: ${outcome.reason}` });
    else result.messages.push(outcome.message);
  }
  return result;
}

/**
 * Reads a CSAT survey export as CSV: a 1–5 score (`csat`, `satisfaction`, `满意度`, `評分`, …) into `meta.csat` and the
 * free-text answer (`comment`, `feedback`, `意见`, `意見`, …) into `text`, which is `""` only when a score exists.
 * Scores outside 1–5 are skipped with the row number and the value found.
 *
 * @example
 * parseSurveyCsv("response_id,满意度,意见\nr1,2,等了三天才有人回复\n");
 * // → { messages: [{ externalId: "survey:r1", channel: "survey", text: "等了三天才有人回复", meta: { csat: 2 }, … }], skipped: [] }
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseSurveyCsv(input: ImportSource, options: SurveyImportOptions = {}): ImportResult {
  assertSource(input, "parseSurveyCsv");
  checkOptions(options);
  return toMessages(readCsvRows(sourceText(input)), options, false);
}

/**
 * Reads the same answers exported as JSON: an array of objects or an object holding one (`responses`, `answers`, …).
 *
 * @example
 * parseSurveyJson('{"responses":[{"id":"r2","csat":5,"comment":"Quick and kind, thank you!"}]}');
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseSurveyJson(input: ImportSource, options: SurveyImportOptions = {}): ImportResult {
  assertSource(input, "parseSurveyJson");
  checkOptions(options);
  return toMessages(readJsonRows(sourceText(input)), options, true);
}
