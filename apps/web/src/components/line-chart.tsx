/** One line of a chart. */
export interface Series {
  key: string;
  label: string;
  points: Array<{ t: string; value: number }>;
}

// Colour-blind-safe palette (Okabe–Ito); each line also gets its own dash pattern and a legend entry.
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3"];

/**
 * A multi-line chart over shared time buckets, drawn as SVG. The title and a data table behind a
 * `<details>` give the numbers in text, so the chart is never the only way to read them.
 */
export function LineChart({ title, series, height = 220 }: { title: string; series: Series[]; height?: number }) {
  const width = 640;
  const pad = { left: 40, right: 10, top: 10, bottom: 24 };
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort();
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const x = (t: string) =>
    pad.left + (times.length <= 1 ? 0 : (times.indexOf(t) * (width - pad.left - pad.right)) / (times.length - 1));
  const y = (v: number) => pad.top + ((max - v) / span) * (height - pad.top - pad.bottom);
  const integers = values.every((v) => Number.isInteger(v));
  const fmt = (v: number) => (integers || Math.abs(v) >= 10 ? String(Math.round(v)) : v.toFixed(2));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <title>{title}</title>
        <line className="axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
        <text className="tick" x={pad.left - 4} y={y(max) + 4} textAnchor="end">
          {fmt(max)}
        </text>
        <text className="tick" x={pad.left - 4} y={y(min) + 4} textAnchor="end">
          {fmt(min)}
        </text>
        {times.length > 0 && (
          <>
            <text className="tick" x={pad.left} y={height - 6}>
              {times[0]?.slice(0, 10)}
            </text>
            <text className="tick" x={width - pad.right} y={height - 6} textAnchor="end">
              {times[times.length - 1]?.slice(0, 10)}
            </text>
          </>
        )}
        {series.map((s, i) => (
          <polyline
            key={s.key}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            strokeDasharray={DASHES[i % DASHES.length]}
            points={s.points.map((p) => `${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.key} className="legend-item">
            <svg width="24" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="24"
                y1="4"
                y2="4"
                stroke={COLORS[i % COLORS.length]}
                strokeWidth="2"
                strokeDasharray={DASHES[i % DASHES.length]}
              />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
