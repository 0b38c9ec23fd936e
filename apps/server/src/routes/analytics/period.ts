import type { AnalyticsFilter } from "@attune/core";
import { ApiError } from "../../http-errors.js";

const DAY = 86_400_000;
const MAX_DAYS = 400;

/** Milliseconds of a date or date-time in the viewer's zone: a bare date is that day's local midnight. */
function instant(value: string, utcOffsetMinutes: number): { ms: number; bareDate: boolean } {
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const iso = bareDate ? `${value}T00:00:00Z` : hasZone ? value : `${value.replace(" ", "T")}Z`;
  const ms = Date.parse(iso) - (bareDate || !hasZone ? utcOffsetMinutes * 60_000 : 0);
  return { ms, bareDate };
}

/**
 * The period a query asks for, as an `AnalyticsFilter` with UTC bounds [from, to): `to` defaults to just after now and
 * `from` to 30 days before it; a bare date as `to` includes that whole day. Throws `invalid_request` naming
 * the parameter when the period is empty or longer than 400 days.
 */
export function resolvePeriod(
  q: { from?: string | undefined; to?: string | undefined; channel?: string | undefined; lang?: string | undefined },
  utcOffsetMinutes: number,
  now: Date,
): AnalyticsFilter {
  // `to` is exclusive: without one, the period ends just after `now`, so a correction or a message stored in
  // the same millisecond as the request still counts (CI once lost one that way).
  let to = now.getTime() + 1;
  if (q.to) {
    const t = instant(q.to, utcOffsetMinutes);
    to = t.bareDate ? t.ms + DAY : t.ms;
  }
  const from = q.from ? instant(q.from, utcOffsetMinutes).ms : to - 30 * DAY;
  if (from >= to)
    throw new ApiError("invalid_request", "from: expected a time before `to`", [
      { path: "from", message: "expected a time before `to`" },
    ]);
  if (to - from > MAX_DAYS * DAY)
    throw new ApiError("invalid_request", `from: expected a period of at most ${MAX_DAYS} days`, [
      { path: "from", message: `expected a period of at most ${MAX_DAYS} days` },
    ]);
  const filter: AnalyticsFilter = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  if (q.channel) filter.channel = q.channel;
  if (q.lang) filter.lang = q.lang;
  return filter;
}

/** The start of the viewer's day containing `now`, as UTC milliseconds. */
export function startOfLocalDay(now: Date, utcOffsetMinutes: number): number {
  const shift = utcOffsetMinutes * 60_000;
  return Math.floor((now.getTime() + shift) / DAY) * DAY - shift;
}
