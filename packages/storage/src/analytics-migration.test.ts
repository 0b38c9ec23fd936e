import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlDriver } from "./driver.js";
import { MIGRATIONS, migrate } from "./migrations.js";
import { createPostgresDriver } from "./postgres-driver.js";
import { SqlStore } from "./sql-store.js";
import { createSqliteDriver } from "./sqlite-driver.js";

/** Analyses stored before the facts table existed are there once the migration ran. */
function backfillTest(name: string, open: () => SqlDriver) {
  it(`${name}: the facts migration backfills analyses stored before it`, async () => {
    const driver = open();
    await migrate(
      driver,
      MIGRATIONS.filter((m) => m.version < 6),
    );
    const store = new SqlStore(driver);
    const tenant = (await store.createTenant("Before")).id;
    const [customer, agent, skipped] = await store.insertMessages(
      tenant,
      [
        {
          channel: "survey",
          speaker: "customer",
          text: "物流太慢",
          conversationId: "b1",
          at: "2026-03-02T09:30:00+08:00",
          meta: { product: "耳机", csat: 2 },
        },
        { channel: "survey", speaker: "agent", text: "抱歉", conversationId: "b1", at: "2026-03-02T02:00:00Z" },
        { channel: "chat", speaker: "customer", text: "x", conversationId: "b2", at: "2026-03-02T02:00:00Z" },
      ],
      "2026-03-02T03:00:00.000Z",
    );
    const analysis = {
      lang: "zh-Hans",
      emotion: "frustration",
      polarity: "negative",
      score: -0.6,
      intensity: 0.7,
      signals: { abuse: { present: true } },
      causes: [{ aspect: "delivery" }],
    };
    await driver.run("UPDATE messages SET analysis_status = 'done', analysis = ? WHERE id = ?", [
      JSON.stringify(analysis),
      customer?.id,
    ]);
    await driver.run("UPDATE messages SET analysis_status = 'done' WHERE id = ?", [agent?.id]);
    await driver.run(
      "UPDATE messages SET analysis_status = 'skipped', skip_reason = 'consent_withdrawn' WHERE id = ?",
      [skipped?.id],
    );
    await store.migrate();
    const facts = await driver.all<Record<string, unknown>>(
      "SELECT * FROM message_facts WHERE tenant_id = ? ORDER BY speaker DESC",
      [tenant],
    );
    expect(facts.map((f) => ({ ...f, score: Number(f.score), intensity: Number(f.intensity), csat: f.csat }))).toEqual([
      expect.objectContaining({
        message_id: customer?.id,
        at: "2026-03-02T01:30:00.000Z",
        hour: 1,
        channel: "survey",
        lang: "zh-Hans",
        speaker: "customer",
        emotion: "frustration",
        polarity: "negative",
        score: -0.6,
        intensity: 0.7,
        abuse: 1,
        cause: "delivery",
        product: "耳机",
        csat: 2,
      }),
      expect.objectContaining({ message_id: agent?.id, speaker: "agent", emotion: null, abuse: 0 }),
    ]);
    await store.close();
  });
}

describe("analytics migration", () => {
  backfillTest("SQLite", () => createSqliteDriver(join(mkdtempSync(join(tmpdir(), "attune-facts-")), "a.db")));
});

const url = process.env.DATABASE_URL;
describe.skipIf(!url)("analytics migration on PostgreSQL", () => {
  const schema = `attune_facts_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  beforeAll(() => admin(`CREATE SCHEMA ${schema}`));
  afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  backfillTest("PostgreSQL", () => {
    const u = new URL(url as string);
    u.searchParams.set("options", `-c search_path=${schema}`);
    return createPostgresDriver(u.toString());
  });
});
