import type { AnalyticsFilter, TrendRow } from "@attune/core";
import type { TrendPoint, TrendsResponse } from "./schemas.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The start of the bucket holding `ms`, in the viewer's zone (weeks start on Monday), as UTC milliseconds. */
export function bucketStart(ms: number, bucket: TrendsResponse["bucket"], utcOffsetMinutes: number): number {
  const shift = utcOffsetMinutes * 60_000;
  const local = ms + shift;
  if (bucket === "hour") return Math.floor(local / HOUR) * HOUR - shift;
  const day = Math.floor(local / DAY) * DAY;
  if (bucket === "day") return day - shift;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY - shift;
}

function nextBucket(ms: number, bucket: TrendsResponse["bucket"]): number {
  return ms + (bucket === "hour" ? HOUR : bucket === "day" ? DAY : 7 * DAY);
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Folds hourly rows into hour, day or week buckets per key, every bucket of the period present (empty ones
 * as zeros, so charts do not join distant points), keys with the most messages first.
 */
export function foldTrend(
  rows: readonly TrendRow[],
  period: AnalyticsFilter,
  bucket: TrendsResponse["bucket"],
  utcOffsetMinutes: number,
): TrendsResponse["series"] {
  const starts: number[] = [];
  const to = Date.parse(period.to);
  for (let t = bucketStart(Date.parse(period.from), bucket, utcOffsetMinutes); t < to; t = nextBucket(t, bucket))
    starts.push(t);
  const index = new Map(starts.map((t, i) => [t, i]));
  const byKey = new Map<string, Array<{ messages: number; negative: number; score: number; intensity: number }>>();
  for (const r of rows) {
    let acc = byKey.get(r.key);
    if (!acc) {
      acc = starts.map(() => ({ messages: 0, negative: 0, score: 0, intensity: 0 }));
      byKey.set(r.key, acc);
    }
    const i = index.get(bucketStart(Date.parse(`${r.hour}:00:00Z`), bucket, utcOffsetMinutes));
    const slot = i === undefined ? undefined : acc[i];
    if (!slot) continue;
    slot.messages += r.messages;
    slot.negative += r.negative;
    slot.score += r.sumScore;
    slot.intensity += r.sumIntensity;
  }
  const total = (acc: Array<{ messages: number }>) => acc.reduce((n, p) => n + p.messages, 0);
  return [...byKey.entries()]
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .map(([key, acc]) => ({
      key,
      points: acc.map(
        (p, i): TrendPoint => ({
          t: new Date(starts[i] as number).toISOString(),
          messages: p.messages,
          negative: p.negative,
          avgScore: p.messages ? round(p.score / p.messages) : 0,
          avgIntensity: p.messages ? round(p.intensity / p.messages) : 0,
        }),
      ),
    }));
}
