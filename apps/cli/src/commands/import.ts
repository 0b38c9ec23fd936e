import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { type ImportChannel, type IncomingMessage, importFile } from "@attune/core";
import { AttuneError } from "@attune/engine";
import { createProgress } from "../progress.js";

/** What an import did, and why anything was skipped. */
export interface ImportSummary {
  files: number;
  imported: number;
  duplicates: number;
  skipped: Array<{ file: string; item: string; reason: string }>;
}

const BATCH = 500;

function listFiles(path: string): string[] {
  if (!existsSync(path)) throw new AttuneError("invalid_input", `no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile());
}

/** The ingest key: --key, else ATTUNE_API_KEY, else the demo tenant's ingest key next to the default database. */
export function defaultKey(explicit: string | undefined): string {
  if (explicit) return explicit;
  if (process.env.ATTUNE_API_KEY) return process.env.ATTUNE_API_KEY;
  const file = join(process.env.ATTUNE_DB_PATH ? join(process.env.ATTUNE_DB_PATH, "..") : "data", "demo-keys.json");
  if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { keys: { ingest: string } }).keys.ingest;
  throw new AttuneError(
    "invalid_input",
    "give an ingest key with --key or ATTUNE_API_KEY (no demo keys found in ./data)",
  );
}

/**
 * `attune import --channel email|social|transcript|survey PATH`: parses a file (or every file in a
 * folder) and sends the messages to a running Attune server in batches, idempotently: importing the
 * same file twice stores nothing new.
 */
export async function runImport(
  channel: ImportChannel,
  path: string,
  url: string,
  key: string,
): Promise<ImportSummary> {
  const summary: ImportSummary = { files: 0, imported: 0, duplicates: 0, skipped: [] };
  const all: IncomingMessage[] = [];
  for (const file of listFiles(path)) {
    const result = await importFile(channel, basename(file), readFileSync(file));
    summary.files++;
    all.push(...result.messages);
    for (const s of result.skipped) summary.skipped.push({ file: basename(file), ...s });
  }
  const progress = createProgress(all.length, "importing");
  for (let i = 0; i < all.length; i += BATCH) {
    const res = await fetch(`${url.replace(/\/+$/, "")}/api/v1/messages/batch`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify({ messages: all.slice(i, i + BATCH) }),
    });
    const body = (await res.json()) as { stored?: number; duplicates?: number; error?: { message: string } };
    if (res.status !== 201)
      throw new AttuneError(
        "invalid_input",
        `the server refused batch ${i / BATCH + 1}: ${res.status} ${body.error?.message ?? ""}`,
      );
    summary.imported += body.stored ?? 0;
    summary.duplicates += body.duplicates ?? 0;
    progress.update(Math.min(i + BATCH, all.length));
  }
  progress.stop();
  return summary;
}

/** The summary in a few lines. */
export function formatImportSummary(s: ImportSummary): string {
  const lines = [
    `${s.files} file${s.files === 1 ? "" : "s"}: imported ${s.imported}, already there ${s.duplicates}, skipped ${s.skipped.length}`,
  ];
  for (const k of s.skipped.slice(0, 20)) lines.push(`  skipped ${k.file} ${k.item}: ${k.reason}`);
  if (s.skipped.length > 20) lines.push(`  … and ${s.skipped.length - 20} more`);
  return lines.join("\n");
}
