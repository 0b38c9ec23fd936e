import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The `attune` command, run from its TypeScript sources. */
export const ATTUNE_BIN = fileURLToPath(new URL("../../../cli/bin/attune.mjs", import.meta.url));

/**
 * Starts `attune serve` as a real process (SQLite in `dir`, no demo data) and resolves with its URL once
 * it listens; `env` adds or overrides settings.
 */
export function spawnServer(
  dir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ATTUNE_BIN, "serve"], {
      env: {
        ...process.env,
        PORT: "0",
        ATTUNE_DB_PATH: join(dir, "attune.db"),
        ATTUNE_SEED_DEMO: "false",
        ATTUNE_LOG_LEVEL: "error",
        DATABASE_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000);
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}
