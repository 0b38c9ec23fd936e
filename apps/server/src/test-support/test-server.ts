import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROLES, type Role, type Store } from "@attune/core";
import type { Analyzer } from "@attune/engine";
import { loadAnalyzer } from "@attune/engine/node";
import { openStore } from "@attune/storage";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { hashKey, newKey } from "../auth.js";
import { loadConfig } from "../config.js";
import { createContext } from "../context-factory.js";

let analyzer: Analyzer | undefined;

/** A real app on a fresh SQLite file, two tenants and a key per role each. */
export async function testServer(env: Record<string, string> = {}): Promise<{
  app: FastifyInstance;
  store: Store;
  keys: { a: Record<Role, string>; b: Record<Role, string> };
  dbPath: string;
  close: () => Promise<void>;
}> {
  analyzer ??= loadAnalyzer();
  const dir = mkdtempSync(join(tmpdir(), "attune-server-"));
  const config = loadConfig({ ATTUNE_DB_PATH: join(dir, "attune.db"), ATTUNE_LOG_LEVEL: "silent", ...env });
  const store = await openStore({ sqlitePath: config.sqlitePath });
  const app = await buildApp(createContext(config, store, analyzer));
  const keys = { a: {} as Record<Role, string>, b: {} as Record<Role, string> };
  for (const t of ["a", "b"] as const) {
    const tenant = await store.createTenant(`tenant ${t}`);
    for (const role of ROLES) {
      keys[t][role] = newKey();
      await store.createApiKey(tenant.id, role, role, hashKey(keys[t][role]));
    }
  }
  return {
    app,
    store,
    keys,
    dbPath: config.sqlitePath,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
