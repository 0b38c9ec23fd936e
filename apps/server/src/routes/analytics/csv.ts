import type { FastifyReply } from "fastify";

/** One CSV table: a header row and data rows. */
export interface CsvTable {
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

const BOM = "\uFEFF";

function cell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads Chinese correctly) and CRLF line ends.
 *
 * @example
 * toCsv({ header: ["cause", "total"], rows: [["物流", 3]] }); // → "\uFEFFcause,total\r\n物流,3\r\n"
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.header.map(cell).join(","), ...table.rows.map((r) => r.map(cell).join(","))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** Sends a table as a CSV download named `attune-<name>-<from>_<to>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, period: { from: string; to: string }, table: CsvTable) {
  const file = `attune-${name}-${period.from.slice(0, 10)}_${period.to.slice(0, 10)}.csv`;
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${file}"`)
    .send(toCsv(table));
}
