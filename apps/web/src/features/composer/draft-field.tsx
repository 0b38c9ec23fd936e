import { useRef } from "react";
import type { ToneFlag } from "../../api/types.js";

/**
 * The draft textarea with the tone guard's flagged spans underlined. A backdrop behind the
 * (transparent) textarea repeats the text with the flagged runs marked, so the marks follow the text
 * as it wraps and scrolls.
 */
export function DraftField({
  id,
  value,
  onChange,
  flags,
  placeholder,
  reasonOf,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  flags: readonly ToneFlag[];
  placeholder: string;
  reasonOf: (flag: ToneFlag) => string;
}) {
  const backdrop = useRef<HTMLDivElement>(null);
  const spans = flags
    .filter((f) => f.end > f.start && f.end <= value.length && value.slice(f.start, f.end) === f.text)
    .sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; flag?: ToneFlag }> = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    parts.push({ text: value.slice(at, f.start) });
    parts.push({ text: value.slice(f.start, f.end), flag: f });
    at = f.end;
  }
  parts.push({ text: value.slice(at) });
  return (
    <div className="draft-field">
      <div className="draft-backdrop" ref={backdrop} aria-hidden="true">
        {parts.map((p, i) =>
          p.flag ? (
            <mark key={i} className={`tone-flag flag-${p.flag.type}`} title={reasonOf(p.flag)} data-testid="tone-mark">
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
        {"\n"}
      </div>
      <textarea
        id={id}
        value={value}
        placeholder={placeholder}
        rows={5}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
        data-testid="draft"
      />
    </div>
  );
}
