import { parse } from "csv-parse/sync";
import { quote } from "./source.js";

/** One data row of a CSV or JSON export, keyed by normalized column name, with its 1-based row number. */
export interface SourceRow {
  row: number;
  fields: Record<string, string>;
  /** Why the row cannot be read (wrong field count, not an object); the caller skips it with this reason. */
  problem?: string;
}

/** Rows read from a file, or why the file could not be read as rows at all. */
export type RowsOrError = { ok: true; columns: string[]; rows: SourceRow[] } | { ok: false; reason: string };

/** Column names compared loosely: `Created At`, `created-at` and `created_at` are one column. */
export function normalizeColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_");
}

/** The first of `aliases` present among `columns`, so callers can say which column they used. */
export function findColumn(columns: Iterable<string>, aliases: readonly string[]): string | undefined {
  const present = new Set(columns);
  return aliases.find((alias) => present.has(alias));
}

/** Which column of `columns` serves each role, given each role's aliases (most specific first). */
export function matchColumns<K extends string>(
  columns: Iterable<string>,
  aliases: Record<K, readonly string[]>,
): Record<K, string | undefined> {
  const list = [...columns];
  const entries = (Object.keys(aliases) as K[]).map((key) => [key, findColumn(list, aliases[key])] as const);
  return Object.fromEntries(entries) as Record<K, string | undefined>;
}

/** The delimiter the header line uses most: comma, tab or semicolon (exports from spreadsheet apps vary). */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", "\t", ";"]) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads a CSV export (header row first; BOM, quoted fields, embedded newlines and CRLF allowed).
 * A row whose field count differs from the header comes back with a `problem`.
 */
export function readCsvRows(text: string): RowsOrError {
  if (text.trim() === "") return { ok: false, reason: "expected a CSV header row, found an empty file" };
  let table: string[][];
  try {
    table = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    return { ok: false, reason: `expected valid CSV, found a syntax error: ${(error as Error).message}` };
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, reason: "expected a CSV header row, found no rows" };
  const columns = header.map(normalizeColumn);
  const rows: SourceRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 1;
    const extra = cells.slice(columns.length);
    if (cells.length < columns.length || extra.some((c) => c.trim() !== "")) {
      rows.push({ row, fields: {}, problem: `expected ${columns.length} fields, found ${cells.length}` });
      return;
    }
    const fields: Record<string, string> = {};
    columns.forEach((column, c) => {
      fields[column] = (cells[c] ?? "").replace(/\r\n?/g, "\n").trim();
    });
    rows.push({ row, fields });
  });
  return { ok: true, columns, rows };
}

/** Keys under which exports commonly wrap their list of records. */
const LIST_KEYS = [
  "data",
  "items",
  "results",
  "records",
  "rows",
  "posts",
  "reviews",
  "comments",
  "responses",
  "answers",
];

/** Turns a JSON value into a cell: nested `{handle|username|name|id}` objects (e.g. an author) become that string. */
function cell(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n").trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && !Array.isArray(value)) {
    const inner = value as Record<string, unknown>;
    for (const key of ["handle", "username", "screen_name", "login", "name", "id"]) {
      const found = cell(inner[key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Reads a JSON export: an array of objects, or an object holding one under a common key (`data`, `items`, `reviews`, …).
 * Every non-object entry comes back as a row with a `problem` rather than being dropped.
 */
export function readJsonRows(text: string, extraListKeys: readonly string[] = []): RowsOrError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `expected JSON, found invalid JSON: ${(error as Error).message}` };
  }
  let list: unknown;
  if (Array.isArray(value)) {
    list = value;
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const key = [...extraListKeys, ...LIST_KEYS].find((k) => Array.isArray(record[k]));
    if (!key) {
      const keys = Object.keys(record).slice(0, 10).join(", ") || "none";
      return {
        ok: false,
        reason: `expected an array of records or an object with one of ${[...extraListKeys, ...LIST_KEYS].join("/")}, found an object with keys: ${keys}`,
      };
    }
    list = record[key];
  } else {
    return { ok: false, reason: `expected an array of records, found ${value === null ? "null" : typeof value}` };
  }
  const columns = new Set<string>();
  const rows: SourceRow[] = [];
  (list as unknown[]).forEach((entry, i) => {
    const row = i + 1;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) {
      const found = Array.isArray(entry) ? "an array" : entry === null ? "null" : quote(String(entry));
      rows.push({ row, fields: {}, problem: `expected an object, found ${found}` });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
      const value = cell(raw);
      const column = normalizeColumn(key);
      columns.add(column);
      if (value !== undefined) fields[column] = value;
    }
    rows.push({ row, fields });
  });
  return { ok: true, columns: [...columns], rows };
}
