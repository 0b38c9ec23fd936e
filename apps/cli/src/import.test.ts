import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, startServer } from "@attune/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attune } from "./test-support/run-cli.js";

const FIXTURES = fileURLToPath(new URL("../../../packages/core/test-fixtures", import.meta.url));

let server: RunningServer;
let key = "";
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "attune-import-"));
  server = await startServer(
    { PORT: "0", ATTUNE_DB_PATH: join(dir, "attune.db"), ATTUNE_SEED_DEMO: "false", ATTUNE_LOG_LEVEL: "silent" },
    () => {},
  );
  const { readFileSync } = await import("node:fs");
  key = (JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as { keys: { ingest: string } }).keys.ingest;
}, 60_000);
afterAll(() => server.stop());

/** `attune import --channel CHANNEL PATH` against the test server. */
const importInto = (channel: string, path: string, apiKey = key) =>
  attune("import", "--channel", channel, path, "--url", server.url, "--key", apiKey);

describe("attune import (into a running server)", () => {
  it("imports e-mail, skips broken mail with a reason, and imports nothing new the second time", async () => {
    const first = await importInto("email", join(FIXTURES, "email"));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/7 files: imported [1-9]\d*, already there 0, skipped [1-9]/);
    expect(first.stdout).toMatch(/skipped broken-no-headers\.eml/);
    const again = await importInto("email", join(FIXTURES, "email"));
    expect(again.stdout).toMatch(/imported 0, already there [1-9]/);
  });

  it("imports social posts, transcripts and surveys", async () => {
    for (const [channel, folder] of [
      ["social", "social"],
      ["transcript", "transcript"],
      ["survey", "survey"],
    ] as const) {
      const r = await importInto(channel, join(FIXTURES, folder));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/imported [1-9]/);
    }
  });

  it("says clearly what is wrong", async () => {
    expect((await importInto("fax", FIXTURES)).stderr).toMatch(
      /--channel: expected one of email, social, transcript, survey, found "fax"/,
    );
    expect((await importInto("email", join(FIXTURES, "nope"))).stderr).toMatch(/no such file or folder/);
    expect((await importInto("email", join(FIXTURES, "email"), "atn_wrong")).stderr).toMatch(/401/);
  });
});
