/** One bar: a label, a value, and the text shown beside it. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
  /** Optional colour; the label and text still carry the meaning. */
  color?: string;
}

/** Horizontal bars with their labels and values written out (readable without colour). */
export function BarList({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  return (
    <ul className="bar-list" aria-label={title}>
      {bars.map((b) => (
        <li key={b.key}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span
              className="bar-fill"
              style={{ width: `${Math.max(0, Math.min(100, (b.value / top) * 100))}%`, background: b.color }}
            />
          </span>
          <span className="bar-value">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}
