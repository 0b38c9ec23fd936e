import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./browser.js";
import { type DemoServer, openSignedIn } from "./server.js";

const skip = !hasChromium();
if (skip) console.warn("e2e: skipped — no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)");

describe.skipIf(skip)("agent workspace in Chromium", () => {
  let server: DemoServer;
  let page: Page;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ server, page, close } = await openSignedIn("agent"));
    await page.getByTestId("queue-item").first().waitFor();
  }, 120_000);

  afterAll(() => close());

  it("opens the most urgent conversation, sees the evidence, takes a suggestion, gets a tone warning and fixes it", async () => {
    // The queue is ordered by priority: the first item is the most urgent.
    const first = page.getByTestId("queue-item").first();
    const priorities = await page.locator(".queue .priority").allTextContents();
    expect(priorities.map(Number)).toEqual([...priorities.map(Number)].sort((a, b) => b - a));
    await expect.poll(() => first.locator(".reason-chip").count()).toBeGreaterThan(0);
    await first.click();
    await page.waitForURL(/#\/workspace\/.+/);

    // Hovering an upset customer's message highlights the words behind its emotion.
    const message = page.locator("[data-testid=customer-message]", { has: page.locator(".emotion-chip") }).last();
    await message.getByTestId("message-text").hover();
    const evidence = message.getByTestId("evidence");
    await evidence.first().waitFor();
    expect(await evidence.count()).toBeGreaterThan(0);
    const text = await message.getByTestId("message-text").textContent();
    for (const e of await evidence.allTextContents()) expect(text).toContain(e);

    // A suggestion goes into the composer, and the tone guard finds nothing wrong with it.
    await page.getByTestId("suggestion").first().waitFor();
    const suggestion = (await page.getByTestId("suggestion").first().locator("p").textContent()) ?? "";
    await page.getByTestId("use-suggestion").first().click();
    expect(await page.getByTestId("draft").inputValue()).toBe(suggestion);
    await page.getByTestId("empathy").waitFor();

    // A cold, blaming draft is flagged live, with the flagged words underlined.
    await page.getByTestId("draft").fill("Calm down. That's impossible, you should have read the terms.");
    await page.getByTestId("tone-flags").waitFor({ timeout: 5000 });
    const flags = await page
      .locator("[data-testid=tone-flags] li")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-flag")));
    expect(flags).toEqual(expect.arrayContaining(["dismissal", "absolute_refusal", "blame"]));
    expect(await page.getByTestId("tone-mark").allTextContents()).toEqual(
      expect.arrayContaining(["Calm down", "you should have"]),
    );

    // The rewrite keeps the facts and fixes the tone: the guard has nothing left to flag about blame or dismissal.
    await page.getByTestId("apply-rewrite").click();
    await expect
      .poll(
        async () => {
          const left = await page
            .locator("[data-testid=tone-flags] li")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-flag")));
          return left.filter((f) => f === "dismissal" || f === "blame" || f === "absolute_refusal");
        },
        { timeout: 5000 },
      )
      .toEqual([]);
    expect(await page.getByTestId("draft").inputValue()).not.toContain("Calm down");

    // Sending puts the reply into the conversation.
    const reply = await page.getByTestId("draft").inputValue();
    const before = await page.locator(".message.from-agent").count();
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator(".message.from-agent").count(), { timeout: 5000 }).toBe(before + 1);
    expect(await page.locator(".message.from-agent").last().textContent()).toContain(reply.slice(0, 20));
  });

  it("corrects an emotion label with two clicks", async () => {
    const message = page.locator("[data-testid=customer-message]", { has: page.locator(".emotion-chip") }).first();
    await message.getByRole("button", { name: "Correct the emotion of this message" }).click();
    await message.getByRole("button", { name: "disappointment" }).click();
    await expect.poll(() => message.locator("output").textContent()).toMatch(/Corrected to disappointment|Confirmed/);
  });

  it("creates and closes a follow-up", async () => {
    await page.getByRole("button", { name: "Create follow-up" }).click();
    await page.getByTestId("follow-up").first().waitFor();
    expect(await page.getByTestId("follow-up").first().textContent()).toContain("Open");
    await page.getByRole("button", { name: "Close: customer recovered" }).click();
    await expect.poll(() => page.getByTestId("follow-up").first().textContent()).toContain("Done: recovered");
  });

  it("switches to Traditional Chinese and keeps the choice after a reload", async () => {
    await page.getByTestId("locale").selectOption("zh-TW");
    await page.getByText("佇列").first().waitFor();
    await page.reload();
    await page.getByText("佇列").first().waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-TW");
    await page.getByTestId("locale").selectOption("en");
  });

  it("is keyboard reachable: Tab reaches the queue, Enter opens a conversation", async () => {
    await page.goto(`${server.url}/#/workspace`);
    await page.getByTestId("queue-item").first().waitFor();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "queue-item")) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("queue-item");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/workspace\/.+/);
    await page.getByTestId("draft").waitFor();
  });

  it("goes back to sign-in when the session ends, and signs out for real", async () => {
    await page.goto(`${server.url}/#/workspace`);
    await page.getByTestId("queue-item").first().waitFor();
    await page.context().clearCookies();
    await page.getByTestId("queue-item").nth(1).click();
    await page.getByTestId("demo-agent").waitFor({ timeout: 5000 });
    await page.getByTestId("demo-agent").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-agent").waitFor();
    const status = await page.evaluate(async () => (await fetch("/api/v1/queue")).status);
    expect(status).toBe(401);
    await page.getByTestId("demo-agent").click();
    await page.locator(".top-bar").waitFor();
  });

  it("works at tablet width without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.goto(`${server.url}/#/workspace`);
    await page.getByTestId("queue-item").first().click();
    await page.getByTestId("draft").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
