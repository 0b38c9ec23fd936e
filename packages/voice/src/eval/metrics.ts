/** Recall per class, their unweighted mean (UAR) and the confusion matrix, for gold and predicted labels. */
export interface ClassReport {
  /** Gold classes, in the order of the matrix rows. */
  classes: string[];
  /** Predicted columns: the gold classes, then any other predictions (e.g. `none`). */
  predicted: string[];
  /** `matrix[gold][predicted]` counts. */
  matrix: number[][];
  recall: Record<string, number>;
  /** Unweighted average recall over the gold classes: chance is 1 / classes. */
  uar: number;
  accuracy: number;
  n: number;
}

/**
 * Scores predictions against gold labels; pairs whose gold label is null are left out.
 *
 * @example
 * classReport([{ gold: "high", predicted: "high" }, { gold: "low", predicted: "high" }]).uar; // 0.5
 */
export function classReport(pairs: ReadonlyArray<{ gold: string | null; predicted: string }>): ClassReport {
  const kept = pairs.filter((p): p is { gold: string; predicted: string } => p.gold !== null);
  const classes = [...new Set(kept.map((p) => p.gold))].sort();
  const extra = [...new Set(kept.map((p) => p.predicted))].filter((p) => !classes.includes(p)).sort();
  const predicted = [...classes, ...extra];
  const matrix = classes.map(() => predicted.map(() => 0));
  for (const p of kept) {
    const row = matrix[classes.indexOf(p.gold)] as number[];
    const col = predicted.indexOf(p.predicted);
    row[col] = (row[col] as number) + 1;
  }
  const recall: Record<string, number> = {};
  classes.forEach((c, i) => {
    const row = matrix[i] as number[];
    const total = row.reduce((a, b) => a + b, 0);
    recall[c] = total ? (row[i] as number) / total : 0;
  });
  const correct = kept.filter((p) => p.gold === p.predicted).length;
  const uar = classes.length ? Object.values(recall).reduce((a, b) => a + b, 0) / classes.length : Number.NaN;
  return {
    classes,
    predicted,
    matrix,
    recall,
    uar,
    accuracy: kept.length ? correct / kept.length : Number.NaN,
    n: kept.length,
  };
}

/** The matrix as aligned text, rows gold, columns predicted. */
export function formatConfusion(report: ClassReport): string {
  const width = Math.max(6, ...report.predicted.map((p) => p.length), ...report.classes.map((c) => c.length)) + 1;
  const pad = (s: string) => s.padStart(width);
  const lines = [`${pad("gold\\pred")}${report.predicted.map(pad).join("")}`];
  report.classes.forEach((c, i) => {
    lines.push(`${pad(c)}${(report.matrix[i] as number[]).map((n) => pad(String(n))).join("")}`);
  });
  return lines.join("\n");
}
