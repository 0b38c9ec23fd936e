/**
 * Finds the parts of an e-mail that are not the customer's new words: quoted history ("> " lines,
 * "-----Original Message-----", "On … wrote:", "在…写道：" blocks), forwarded headers and signatures.
 * Pure; returns ranges into the input so callers can blank them without moving offsets.
 */

import { NOTHING } from "../empty.js";

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Range {
  start: number;
  end: number;
}

// A line that opens quoted history: everything from it to the end is history.
const HISTORY_OPENERS: readonly RegExp[] = [
  /^\s*-{2,}\s*(original message|forwarded message|原始邮件|原始郵件|转发的邮件|轉寄的郵件)\s*-{2,}\s*$/i,
  /^\s*(on|am|le)\s.{4,200}\s(wrote|schrieb|a écrit)\s*:\s*$/i,
  /^\s*(在|於|于)\s?.{2,120}\s?(写道|寫道|wrote)\s*[:：]\s*$/,
  /^\s*.{2,120}(于|於)\s?.{2,60}(写道|寫道)\s*[:：]\s*$/,
  /^\s*_{10,}\s*$/,
  /^\s*(from|发件人|發件人|寄件者)\s*[:：].{1,200}$/i,
];
// The first header line of a forwarded or replied block (From:) counts only when a Sent/Date/To line follows.
const HEADER_FOLLOWERS = /^\s*(sent|date|to|subject|发送时间|發送時間|收件人|主题|主題|日期|寄件日期)\s*[:：]/i;
// Signature delimiters and sign-offs: what follows is signature, not message.
const SIGNATURE_OPENERS: readonly RegExp[] = [
  /^--\s?$/,
  /^\s*(sent from my (iphone|ipad|android|phone|samsung|mobile)|发自我的(iphone|手机|ipad)|從我的 ?iphone 傳送|从我的 ?iphone 发送)/i,
];
const QUOTE_LINE = /^\s*(>|＞|\|)/;

/**
 * Returns the ranges of `text` that hold quoted history or a signature. Lines beginning with ">"
 * are quoted wherever they stand; a history opener or signature delimiter hides everything after it.
 *
 * @example
 * findQuotedRanges("Still broken.\n> On Monday you said it was fixed") // [{ start: 14, end: 46 }]
 */
export function findQuotedRanges(text: string): Range[] {
  if (text.indexOf("\n") < 0) return NOTHING;
  const ranges: Range[] = [];
  let offset = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const lineStart = offset;
    offset += line.length + 1;
    if (i === 0) continue; // the first line is always the customer's own
    const opensHistory =
      HISTORY_OPENERS.some((re) => re.test(line)) &&
      (!/^\s*(from|发件人|發件人|寄件者)\s*[:：]/i.test(line) || HEADER_FOLLOWERS.test(lines[i + 1] ?? ""));
    if (opensHistory || SIGNATURE_OPENERS.some((re) => re.test(line))) {
      ranges.push({ start: lineStart, end: text.length });
      return mergeRanges(ranges);
    }
    if (QUOTE_LINE.test(line)) ranges.push({ start: lineStart, end: Math.min(lineStart + line.length, text.length) });
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length === 0) return NOTHING;
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Replaces every code unit inside `ranges` with a space (newlines kept), so offsets stay valid. */
export function blankRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  let out = "";
  let cursor = 0;
  for (const r of ranges) {
    out += text.slice(cursor, r.start);
    out += text.slice(r.start, r.end).replace(/[^\n]/g, " ");
    cursor = r.end;
  }
  return out + text.slice(cursor);
}
