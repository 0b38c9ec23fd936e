import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SqlDriver } from "./driver.js";

type Params = readonly unknown[];
const bind = (params: Params | undefined) => (params ?? []).map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));

/**
 * SQLite through better-sqlite3, in WAL mode with `synchronous = FULL`, so a statement that returned is
 * on disk and survives a `kill -9`.
 */
export function createSqliteDriver(path: string): SqlDriver {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  let depth = 0;
  const driver: SqlDriver = {
    dialect: "sqlite",
    async run(sql, params) {
      return prepare(sql).run(...bind(params)).changes;
    },
    async all<T>(sql: string, params?: Params) {
      return prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params?: Params) {
      return prepare(sql).get(...bind(params)) as T | undefined;
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      // better-sqlite3 is synchronous: the awaited calls inside run one after another on this connection.
      if (depth > 0) return fn(driver);
      depth++;
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(driver);
        db.exec("COMMIT");
        return result;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      } finally {
        depth--;
      }
    },
    async exec(script) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
  return driver;
}
