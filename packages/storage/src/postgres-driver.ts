import pg from "pg";
import { type SqlDriver, toPostgresPlaceholders } from "./driver.js";

type Queryable = pg.Pool | pg.PoolClient;

function over(q: Queryable, pool: pg.Pool | undefined, release?: () => Promise<void>): SqlDriver {
  const self: SqlDriver = {
    dialect: "postgres",
    async run(sql, params) {
      const r = await q.query(toPostgresPlaceholders(sql), params as unknown[]);
      return r.rowCount ?? 0;
    },
    async all<T>(sql: string, params?: readonly unknown[]) {
      const r = await q.query(toPostgresPlaceholders(sql), params as unknown[]);
      return r.rows as T[];
    },
    async get<T>(sql: string, params?: readonly unknown[]) {
      const r = await q.query(toPostgresPlaceholders(sql), params as unknown[]);
      return r.rows[0] as T | undefined;
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      if (!pool) return fn(self); // already inside a transaction on one client
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(over(client, undefined));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await q.query(script);
    },
    async close() {
      await release?.();
    },
  };
  return self;
}

/** PostgreSQL through a `pg` pool. Counts come back as strings from pg; the store converts them. */
export function createPostgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 8 });
  return over(pool, pool, () => pool.end());
}
