/** The little a Store needs from a SQL database; SQLite and PostgreSQL each implement it. */
export interface SqlDriver {
  readonly dialect: "sqlite" | "postgres";
  /** Runs a statement; `?` placeholders (converted for PostgreSQL). Returns affected rows. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs `fn` in one transaction on one connection: all of it commits, or none. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` for PostgreSQL (no `?` appears inside our SQL strings otherwise). */
export function toPostgresPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The tenant filter for lookups by a list of ids (`… WHERE ${TENANT_OF_IDS} AND id IN (…)`). Written as an
 * expression so no index on `tenant_id` can serve it: without statistics SQLite's planner prices a long IN
 * list above an index range on `tenant_id`, and scans every message of the tenant (20 ms for 200 ids at
 * 20,000 messages, against 1 ms through the primary key). The rows are still filtered by tenant.
 */
export const TENANT_OF_IDS = "tenant_id || '' = ?";
