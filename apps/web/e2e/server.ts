import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "@attune/server";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser.js";

/** A real Attune server on a fresh SQLite file with the demo data, on a free port. */
export interface DemoServer {
  url: string;
  /** The demo tenant's API keys, one per role. */
  keys: Record<"admin" | "supervisor" | "agent" | "ingest", string>;
  stop: () => Promise<void>;
}

/** Starts the server as `npm start` does (demo data on first start), silently, on a free port. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "attune-e2e-"));
  const dbPath = join(dir, "attune.db");
  const server: RunningServer = await startServer(
    { PORT: "0", ATTUNE_DB_PATH: dbPath, ATTUNE_LOG_LEVEL: "silent", ...env },
    () => {},
  );
  const demo = JSON.parse(readFileSync(join(dir, "demo-keys.json"), "utf8")) as { keys: DemoServer["keys"] };
  return {
    url: server.url,
    keys: demo.keys,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A demo server, Chromium, and a page signed in as a demo role; `close` stops all three. */
export interface SignedInPage {
  server: DemoServer;
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}

/** Starts a demo server and Chromium, and signs a laptop-sized page in with the demo role's one-click button. */
export async function openSignedIn(role: "agent" | "supervisor" | "admin"): Promise<SignedInPage> {
  const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await page.goto(server.url);
  await page.getByTestId(`demo-${role}`).click();
  await page.locator(".top-bar").waitFor();
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
