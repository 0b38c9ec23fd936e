import type { Store } from "@attune/core";
import { createPostgresDriver } from "./postgres-driver.js";
import { SqlStore } from "./sql-store.js";
import { createSqliteDriver } from "./sqlite-driver.js";

/** Where the data lives: PostgreSQL when a URL is given, else a SQLite file. */
export interface StoreConfig {
  databaseUrl?: string;
  sqlitePath: string;
}

/** Opens (and migrates) the configured store. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const driver = config.databaseUrl ? createPostgresDriver(config.databaseUrl) : createSqliteDriver(config.sqlitePath);
  const store = new SqlStore(driver);
  await store.migrate();
  return store;
}
