/** Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of one labelling task. */
export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  labels: string[];
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** `confusion[gold][predicted]` counts. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Scores predictions against gold labels. Macro-F1 averages over `labels` that occur in the gold
 * set (a label nobody wrote cannot be recalled), so sets with missing classes are not penalised.
 */
export function classificationReport(
  pairs: ReadonlyArray<{ gold: string; predicted: string }>,
  labels: readonly string[],
): ClassificationReport {
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    confusion[gold] ??= {};
    const row = confusion[gold];
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (gold === predicted) correct++;
  }
  const perClass: ClassificationReport["perClass"] = {};
  let f1Sum = 0;
  let present = 0;
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    let predictedAs = 0;
    for (const g of Object.keys(confusion)) predictedAs += confusion[g]?.[label] ?? 0;
    let support = 0;
    for (const v of Object.values(confusion[label] ?? {})) support += v;
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
    if (support > 0) {
      f1Sum += f1;
      present++;
    }
  }
  return {
    n: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: present ? f1Sum / present : 0,
    labels: [...labels],
    perClass,
    confusion,
  };
}

/** Spearman's rank correlation (average ranks for ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length || xs.length < 2) return 0;
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (
        j + 1 < order.length &&
        (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
      )
        j++;
      const avg = (i + j) / 2 + 1;
      for (let k = i; k <= j; k++) r[(order[k] as readonly [number, number])[1]] = avg;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    const a = (rx[i] as number) - mx;
    const b = (ry[i] as number) - my;
    num += a * b;
    dx += a * a;
    dy += b * b;
  }
  return dx && dy ? num / Math.sqrt(dx * dy) : 0;
}
