import type { IngestDeps, Store } from "@attune/core";
import type { Analyzer, Coach } from "@attune/engine";
import type { DemoKeys } from "./bootstrap.js";
import type { Config } from "./config.js";

/** What every route can use: built once at start, passed in (no globals, no service locator). */
export interface AppContext {
  config: Config;
  store: Store;
  analyzer: Analyzer;
  coach: Coach;
  ingest: IngestDeps;
  /** Wakes stream subscribers when events were appended. */
  notify: (tenantId: string) => void;
  subscribe: (tenantId: string, wake: () => void) => () => void;
  /** The demo tenant's keys, when this server runs the demo: the web app's sign-in offers them on loopback. */
  demo?: DemoKeys;
  /** This process's number when several serve the port (`ATTUNE_WORKERS`). */
  worker?: number;
}
