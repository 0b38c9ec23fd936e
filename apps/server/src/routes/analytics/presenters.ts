import {
  type CauseEmotionRow,
  type CauseExampleRow,
  type CorrectionRow,
  type CorrelationSums,
  type FollowUpRow,
  type HeatmapRow,
  redactPii,
  type SatisfactionRow,
} from "@attune/core";
import {
  type AccuracyResponse,
  ANALYTICS_CHANNELS,
  EMOTION_LABELS,
  type FollowUpsResponse,
  type HeatmapResponse,
  type RootCause,
  type SatisfactionResponse,
} from "./schemas.js";

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;
const rate = (part: number, whole: number) => (whole ? round(part / whole) : null);
const emotionOrder = (e: string) => {
  const i = (EMOTION_LABELS as readonly string[]).indexOf(e);
  return i < 0 ? EMOTION_LABELS.length : i;
};

/** A quote for a report: PII redacted, whitespace folded, at most `max` characters (an ellipsis when cut). */
export function quoteForReport(text: string, max = 160): string {
  const clean = redactPii(text).text.replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Causes with their emotions and quotes, those with the most negative messages first. Examples whose
 * text repeats an earlier one are skipped (customers paste the same complaint into every channel), and
 * at most `perCause` are kept.
 */
export function presentRootCauses(
  rows: readonly CauseEmotionRow[],
  examples: readonly CauseExampleRow[],
  perCause = 3,
): RootCause[] {
  const causes = new Map<string, RootCause>();
  for (const r of rows) {
    const c = causes.get(r.cause) ?? {
      cause: r.cause,
      total: 0,
      negative: 0,
      negativeShare: 0,
      emotions: {},
      examples: [],
    };
    c.total += r.total;
    c.negative += r.negative;
    c.emotions[r.emotion] = (c.emotions[r.emotion] ?? 0) + r.total;
    causes.set(r.cause, c);
  }
  const seen = new Set<string>();
  for (const e of examples) {
    const cause = causes.get(e.cause);
    const text = quoteForReport(e.text);
    if (!cause || cause.examples.length >= perCause || seen.has(`${e.cause}\u0000${text}`)) continue;
    seen.add(`${e.cause}\u0000${text}`);
    cause.examples.push({
      messageId: e.messageId,
      conversationId: e.conversationId,
      text,
      emotion: e.emotion,
      intensity: round(e.intensity),
      at: e.at,
    });
  }
  return [...causes.values()]
    .map((c) => ({ ...c, negativeShare: rate(c.negative, c.total) ?? 0 }))
    .sort((a, b) => b.negative - a.negative || b.total - a.total || a.cause.localeCompare(b.cause));
}

/** Pearson's r, or null with fewer than three pairs or no spread. */
export function pearson(s: CorrelationSums): number | null {
  if (s.n < 3) return null;
  const den = Math.sqrt((s.n * s.sxx - s.sx * s.sx) * (s.n * s.syy - s.sy * s.sy));
  if (!Number.isFinite(den) || den < 1e-9) return null;
  return round((s.n * s.sxy - s.sx * s.sy) / den);
}

/** Satisfaction per peak emotion, in the engine's label order, with the overall correlation. */
export function presentSatisfaction(
  rows: readonly SatisfactionRow[],
  correlation: CorrelationSums,
): Omit<SatisfactionResponse, "from" | "to"> {
  const surveyed = rows.reduce((n, r) => n + r.surveyed, 0);
  const sumCsat = rows.reduce((n, r) => n + r.sumCsat, 0);
  return {
    points: [...rows]
      .sort((a, b) => emotionOrder(a.emotion) - emotionOrder(b.emotion))
      .map((r) => ({
        emotion: r.emotion,
        conversations: r.conversations,
        surveyed: r.surveyed,
        avgCsat: r.surveyed ? round(r.sumCsat / r.surveyed, 2) : null,
        avgScore: round(r.sumScore / r.conversations),
      })),
    surveyed,
    avgCsat: surveyed ? round(sumCsat / surveyed, 2) : null,
    correlation: pearson(correlation),
  };
}

/** Follow-up totals and per cause, the causes with the most follow-ups first. */
export function presentFollowUps(rows: readonly FollowUpRow[]): Omit<FollowUpsResponse, "from" | "to"> {
  const empty = () => ({ created: 0, open: 0, done: 0, recovered: 0, recoveryRate: null as number | null });
  const all = empty();
  const byCause = new Map<string, ReturnType<typeof empty>>();
  for (const r of rows) {
    const c = byCause.get(r.cause) ?? empty();
    for (const acc of [all, c]) {
      acc.created += r.count;
      if (r.status === "open") acc.open += r.count;
      else acc.done += r.count;
      if (r.recovered) acc.recovered += r.count;
    }
    byCause.set(r.cause, c);
  }
  all.recoveryRate = rate(all.recovered, all.done);
  return {
    ...all,
    byCause: [...byCause.entries()]
      .map(([cause, c]) => ({ cause, ...c, recoveryRate: rate(c.recovered, c.done) }))
      .sort((a, b) => b.created - a.created || a.cause.localeCompare(b.cause)),
  };
}

/** Agreement between the engine and reviewers, overall and per language, and the confusion pairs. */
export function presentAccuracy(rows: readonly CorrectionRow[]): Omit<AccuracyResponse, "from" | "to"> {
  const overall = { reviewed: 0, agreed: 0 };
  const byLang = new Map<string, { reviewed: number; agreed: number }>();
  for (const r of rows) {
    const l = byLang.get(r.lang) ?? { reviewed: 0, agreed: 0 };
    for (const acc of [overall, l]) {
      acc.reviewed += r.count;
      if (r.predicted === r.corrected) acc.agreed += r.count;
    }
    byLang.set(r.lang, l);
  }
  return {
    overall: { ...overall, accuracy: rate(overall.agreed, overall.reviewed) },
    byLang: [...byLang.entries()]
      .sort((a, b) => b[1].reviewed - a[1].reviewed || a[0].localeCompare(b[0]))
      .map(([lang, l]) => ({ lang, ...l, accuracy: rate(l.agreed, l.reviewed) })),
    confusion: rows
      .reduce<Array<{ predicted: string; corrected: string; count: number }>>((acc, r) => {
        const hit = acc.find((c) => c.predicted === r.predicted && c.corrected === r.corrected);
        if (hit) hit.count += r.count;
        else acc.push({ predicted: r.predicted, corrected: r.corrected, count: r.count });
        return acc;
      }, [])
      .sort((a, b) => b.count - a.count || a.predicted.localeCompare(b.predicted)),
  };
}

/**
 * A full grid (every row × every emotion, zeros included). Hours are shifted into the viewer's zone and all 24
 * are listed; channels in their usual order; teams by name with "unassigned" last.
 */
export function presentHeatmap(
  rows: readonly HeatmapRow[],
  dim: HeatmapResponse["dim"],
  utcOffsetMinutes: number,
): Omit<HeatmapResponse, "from" | "to"> {
  const shifted =
    dim === "hour"
      ? rows.map((r) => ({
          ...r,
          row: String((((Number(r.row) + Math.floor(utcOffsetMinutes / 60)) % 24) + 24) % 24),
        }))
      : rows;
  const counts = new Map<string, number>();
  for (const r of shifted)
    counts.set(`${r.row}\u0000${r.emotion}`, (counts.get(`${r.row}\u0000${r.emotion}`) ?? 0) + r.count);
  const present = new Set(shifted.map((r) => r.row));
  const keys =
    dim === "hour"
      ? Array.from({ length: 24 }, (_, h) => String(h))
      : dim === "channel"
        ? [
            ...ANALYTICS_CHANNELS.filter((c) => present.has(c)),
            ...[...present].filter((c) => !(ANALYTICS_CHANNELS as readonly string[]).includes(c)).sort(),
          ]
        : [...present].sort((a, b) => Number(a === "unassigned") - Number(b === "unassigned") || a.localeCompare(b));
  const emotions = [...EMOTION_LABELS] as string[];
  return {
    dim,
    rows: keys,
    emotions,
    cells: keys.flatMap((row) =>
      emotions.map((emotion) => ({ row, emotion, count: counts.get(`${row}\u0000${emotion}`) ?? 0 })),
    ),
  };
}
