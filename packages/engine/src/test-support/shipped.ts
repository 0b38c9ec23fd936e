import type { Analyzer } from "../analyzer.js";
import { loadAnalyzer } from "../node/load-engine-data.js";

let shipped: Analyzer | undefined;
/** The analyzer with the shipped lexicons and model, loaded once per test file. */
export function shippedAnalyzer(): Analyzer {
  shipped ??= loadAnalyzer();
  return shipped;
}
