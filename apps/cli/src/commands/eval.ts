import { basename, dirname } from "node:path";
import type { Analyzer } from "@attune/engine";
import {
  ATTUNE_GOLD,
  type ClassificationReport,
  type EvaluationReport,
  evaluateGold,
  GOLD_SETS,
  type GoldRecord,
  type GoldSetMapping,
} from "@attune/engine/eval";
import { readJsonlStrict } from "../jsonl.js";
import { createProgress } from "../progress.js";

/** Picks the label mapping: `--set NAME`, else the folder or file name, else Attune's own format. */
export function mappingFor(path: string, set?: string): GoldSetMapping {
  if (set) {
    const m = GOLD_SETS[set] ?? (set === "attune" ? ATTUNE_GOLD : undefined);
    if (!m)
      throw new Error(`unknown set "${set}": expected one of ${[...Object.keys(GOLD_SETS), "attune"].join(", ")}`);
    return m;
  }
  for (const candidate of [basename(dirname(path)), basename(path).replace(/\.jsonl$/, "")]) {
    const m = GOLD_SETS[candidate];
    if (m) return m;
  }
  return ATTUNE_GOLD;
}

const pct = (x: number) => x.toFixed(3);

function formatConfusion(r: ClassificationReport): string[] {
  const labels = r.labels.filter(
    (l) => (r.perClass[l]?.support ?? 0) > 0 || Object.values(r.confusion).some((row) => (row[l] ?? 0) > 0),
  );
  const w = Math.max(8, ...labels.map((l) => l.length)) + 1;
  const lines = [`    ${"gold \\ predicted".padEnd(w)}${labels.map((l) => l.slice(0, 7).padStart(8)).join("")}`];
  for (const g of labels) {
    lines.push(`    ${g.padEnd(w)}${labels.map((p) => String(r.confusion[g]?.[p] ?? 0).padStart(8)).join("")}`);
  }
  return lines;
}

/** Human-readable evaluation report: accuracy, macro-F1, per-class F1 and confusion, per language. */
export function formatReport(report: EvaluationReport): string {
  const lines = [`${report.set}: ${report.n} records`];
  for (const [task, t] of Object.entries(report.tasks)) {
    lines.push(
      `  ${task}: accuracy ${pct(t.overall.accuracy)}  macro-F1 ${pct(t.overall.macroF1)}  (n=${t.overall.n})`,
    );
    const perClass = Object.entries(t.overall.perClass)
      .filter(([, c]) => c.support > 0)
      .map(([l, c]) => `${l} ${pct(c.f1)}`)
      .join(", ");
    lines.push(`    F1 per class: ${perClass}`);
    for (const [lang, r] of Object.entries(t.byLanguage)) {
      lines.push(`    ${lang}: accuracy ${pct(r.accuracy)}  macro-F1 ${pct(r.macroF1)}  (n=${r.n})`);
    }
    lines.push(...formatConfusion(t.overall));
  }
  if (report.satisfaction) {
    const s = report.satisfaction;
    lines.push(
      `  satisfaction vs ratings 1–5: Spearman ${s.spearman.toFixed(3)}  three-way accuracy ${pct(s.threeWay.accuracy)}  macro-F1 ${pct(s.threeWay.macroF1)}  (n=${s.n})`,
    );
    lines.push(...formatConfusion(s.threeWay));
  }
  return lines.join("\n");
}

/** `attune eval`: reads a gold JSONL file and scores the analyzer on it. */
export async function runEval(
  analyzer: Analyzer,
  path: string,
  options: { set?: string; limit?: number },
): Promise<EvaluationReport> {
  const mapping = mappingFor(path, options.set);
  let records = await readJsonlStrict<GoldRecord>(path);
  if (options.limit) records = records.slice(0, options.limit);
  const bad = records.findIndex((r) => typeof r?.text !== "string");
  if (bad >= 0) throw new Error(`${path}: record ${bad + 1} has no "text" string`);
  const progress = createProgress(records.length, "evaluating");
  const report = evaluateGold(records, analyzer, mapping, (n) => n % 500 === 0 && progress.update(n));
  progress.stop();
  return report;
}
