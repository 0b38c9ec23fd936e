/** A small line of scores −1..1 over time; the caller gives the words (`label`) a screen reader hears. */
export function Sparkline({
  scores,
  label,
  width = 120,
  height = 28,
}: {
  scores: readonly number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const pad = 3;
  const x = (i: number) => (scores.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scores.length - 1));
  const y = (s: number) => pad + ((1 - Math.max(-1, Math.min(1, s))) / 2) * (height - 2 * pad);
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(" ");
  const last = scores[scores.length - 1];
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="sparkline-zero" />
      {scores.length > 1 && <polyline points={points} className="sparkline-line" fill="none" />}
      {last !== undefined && (
        <circle cx={x(scores.length - 1)} cy={y(last)} r={3} className={last < 0 ? "dot-negative" : "dot-positive"} />
      )}
    </svg>
  );
}
