import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on narrow screens, with its column headers; rows are the children.
 * An empty header leaves a column (for buttons) unnamed.
 */
export function DataTable({
  headers,
  children,
  testId,
  className,
}: {
  headers: readonly string[];
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div className="table-scroll">
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h, i) => (
              // Headers are fixed per table; the position is their identity.
              <th key={`${i}-${h}`} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
