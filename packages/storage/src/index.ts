export { openStore, type StoreConfig } from "./create-store.js";
export type { SqlDriver } from "./driver.js";
export { MIGRATIONS, type Migration, migrate } from "./migrations.js";
export { createPostgresDriver } from "./postgres-driver.js";
export { SqlStore } from "./sql-store.js";
export { createSqliteDriver } from "./sqlite-driver.js";
