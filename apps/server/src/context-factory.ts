import type { IngestDeps, Store } from "@attune/core";
import { type Analyzer, createCoach } from "@attune/engine";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { createNotifier } from "./notifier.js";

/** Wires the app's context from its parts. `redact` is applied before storage when the operator enabled it. */
export function createContext(
  config: Config,
  store: Store,
  analyzer: Analyzer,
  redact?: (text: string) => string,
): AppContext {
  const notifier = createNotifier();
  const ingest: IngestDeps = {
    store,
    analyzer,
    now: () => new Date(),
    ...(config.redactPii && redact ? { redact } : {}),
  };
  return { config, store, analyzer, coach: createCoach(analyzer), ingest, ...notifier };
}
