import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian's chromium lives (`apt-get install chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when a Chromium is installed to drive; the e2e suites say why they skip otherwise. */
export const hasChromium = () => existsSync(CHROMIUM_PATH);

/**
 * Headless Chromium with the flags a closed network needs: no background networking, no component
 * updates, no sync (otherwise Chromium keeps trying to reach Google's hosts).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
