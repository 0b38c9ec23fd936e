import type { Evidence } from "../../api/types.js";

/** A run of a message's text: plain, or covered by the evidence that names it. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  evidence: Evidence[];
}

/**
 * Cuts a message into runs at every evidence boundary, so overlapping spans (a degree word inside a
 * longer cue) each keep their reasons. Offsets are UTF-16 indices into the original text, as the
 * engine reports them; spans outside the text are clipped.
 */
export function evidenceSegments(text: string, evidence: readonly Evidence[]): Segment[] {
  const spans = evidence
    .map((e) => ({ ...e, start: Math.max(0, e.start), end: Math.min(text.length, e.end) }))
    .filter((e) => e.end > e.start);
  const cuts = new Set([0, text.length]);
  for (const e of spans) {
    cuts.add(e.start);
    cuts.add(e.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      evidence: spans.filter((e) => e.start <= start && e.end >= end),
    });
  }
  return segments;
}
