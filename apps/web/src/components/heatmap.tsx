/** A table of counts with cells shaded by size; the counts are written in every cell. */
export function Heatmap({
  title,
  rows,
  columns,
  value,
}: {
  title: string;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  value: (row: string, column: string) => number;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => value(r.key, c.key))));
  return (
    <div className="table-scroll">
      <table className="heatmap">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map((c) => {
                const v = value(r.key, c.key);
                const alpha = v / max;
                return (
                  <td
                    key={c.key}
                    style={{
                      background: `rgba(204, 51, 17, ${(alpha * 0.85).toFixed(3)})`,
                      color: alpha > 0.5 ? "#fff" : "#222",
                    }}
                  >
                    {v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
