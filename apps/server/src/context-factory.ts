import { type IngestDeps, redactPii, type Store } from "@attune/core";
import { type Analyzer, createCoach } from "@attune/engine";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { createNotifier } from "./notifier.js";

const redact = (text: string) => redactPii(text).text;

/** Wires the app's context from its parts. PII is redacted before storage when the operator enabled it. */
export function createContext(config: Config, store: Store, analyzer: Analyzer): AppContext {
  const notifier = createNotifier();
  const ingest: IngestDeps = { store, analyzer, now: () => new Date(), ...(config.redactPii ? { redact } : {}) };
  return { config, store, analyzer, coach: createCoach(analyzer), ingest, ...notifier };
}
