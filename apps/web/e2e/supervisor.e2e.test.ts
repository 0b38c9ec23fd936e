import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./browser.js";
import { type DemoServer, openSignedIn } from "./server.js";

const skip = !hasChromium();

describe.skipIf(skip)("supervisor dashboard in Chromium", () => {
  let server: DemoServer;
  let page: Page;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ server, page, close } = await openSignedIn("supervisor"));
  }, 120_000);

  afterAll(() => close());

  it("shows an alert within 2 s of a message being ingested through the API, without reloading", async () => {
    await page.goto(`${server.url}/#/supervisor`);
    await page.locator(".stream-status.live").waitFor({ timeout: 10_000 });
    const before = await page.getByTestId("alert").count();
    const started = Date.now();
    const res = await fetch(`${server.url}/api/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": server.keys.ingest },
      body: JSON.stringify({
        externalId: `e2e-${started}`,
        conversationId: `e2e-conv-${started}`,
        customerId: "e2e-customer",
        channel: "chat",
        text: "This is the third time I'm asking!!! Refund me today or I'm reporting you to the consumer council and calling my lawyer.",
      }),
    });
    expect(res.status).toBe(201);
    const alert = page.locator(`[data-testid=alert][data-kind=escalation_threat]`);
    await alert.first().waitFor({ timeout: 2000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(await page.getByTestId("alert").count()).toBeGreaterThan(before);
    // The alert links to its conversation.
    await alert.first().getByRole("link").click();
    await page.waitForURL(/#\/workspace\/.+/);
    await page.getByText("consumer council", { exact: false }).first().waitFor();
  });

  it("shows conversations at risk, the queue by emotion, the heat map and agent wellbeing", async () => {
    await page.goto(`${server.url}/#/supervisor`);
    await page.getByTestId("sla-table").waitFor();
    expect(await page.locator("[data-testid=sla-table] tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=at-risk] li").count()).toBeGreaterThan(0);
    await page.locator("table.heatmap").waitFor();
    expect(await page.locator("table.heatmap tbody tr").count()).toBeGreaterThan(0);
    await page.getByTestId("wellbeing").waitFor();
    expect(await page.locator("[data-testid=wellbeing] tbody tr").count()).toBeGreaterThan(0);
    expect(await page.getByText("never from an agent's own face or voice").count()).toBe(1);
  });
});
