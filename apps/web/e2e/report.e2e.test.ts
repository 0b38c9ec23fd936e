import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./browser.js";
import { type DemoServer, openSignedIn } from "./server.js";

const skip = !hasChromium();

/** The PDF's text, by poppler's pdftotext (apt-get install poppler-utils; .ci/run does). */
function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

describe.skipIf(skip)("analytics and reports in Chromium", () => {
  let server: DemoServer;
  let page: Page;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ server, page, close } = await openSignedIn("supervisor"));
  }, 120_000);

  afterAll(() => close());

  it("downloads the management report as a PDF that contains Chinese text", async () => {
    await page.getByTestId("locale").selectOption("zh-CN");
    await page.goto(`${server.url}/#/analytics`);
    await page.getByTestId("root-causes").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pdf-report").click()]);
    const path = join(mkdtempSync(join(tmpdir(), "attune-pdf-")), "report.pdf");
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(path);
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(text).toContain("情绪");
  });

  it("exports a view as CSV that opens with Chinese intact", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("csv-/analytics/root-causes").click(),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), "attune-csv-")), "causes.csv");
    await download.saveAs(path);
    const csv = readFileSync(path, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\n")[0]).toMatch(/cause/);
    expect(csv.split("\n").length).toBeGreaterThan(2);
  });

  it("shows trends, root causes with examples, satisfaction, recovery and accuracy", async () => {
    await page.getByTestId("locale").selectOption("en");
    await page.goto(`${server.url}/#/analytics`);
    await page.locator("figure.chart svg polyline").first().waitFor();
    expect(await page.locator("[data-testid=root-causes] tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=root-causes] q").count()).toBeGreaterThan(0);
    await page.getByTestId("recovery-rate").waitFor();
    expect(await page.locator("[data-testid=accuracy] tbody tr").count()).toBeGreaterThan(0);
  });
});
