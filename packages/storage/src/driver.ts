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
