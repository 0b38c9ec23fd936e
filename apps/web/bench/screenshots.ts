// Screenshots of the main screens for the README, taken in real headless Chromium on the demo data:
// `npm run screenshots` writes docs/screenshots/*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium } from "../e2e/browser.js";
import { type DemoServer, startDemoServer } from "../e2e/server.js";

const OUT = join(import.meta.dirname, "../../../docs/screenshots");

async function signIn(browser: Browser, server: DemoServer, role: string, locale: string, width = 1440, height = 900) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.getByTestId("locale").selectOption(locale);
  await page.getByTestId(`demo-${role}`).click();
  await page.locator(".top-bar").waitFor();
  return page;
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage }).then(() => console.log(`  ${name}.png`));

if (!hasChromium()) {
  console.log("screenshots: no Chromium at /usr/bin/chromium (apt-get install chromium)");
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
try {
  console.log(`writing ${OUT}`);
  const agent = await signIn(browser, server, "agent", "en");
  await agent.goto(`${server.url}/#/workspace`);
  await agent.getByTestId("queue-item").first().click();
  await agent.getByTestId("suggestion").first().waitFor();
  const message = agent.locator("[data-testid=customer-message]", { has: agent.locator(".emotion-chip") }).last();
  await agent.getByTestId("draft").fill("Calm down. There's nothing I can do, you should have read the terms.");
  await agent.getByTestId("tone-flags").waitFor();
  await message.getByTestId("message-text").hover();
  await message.getByTestId("evidence").first().waitFor();
  await shot(agent, "workspace", true);

  const supervisor = await signIn(browser, server, "supervisor", "zh-CN");
  await supervisor.goto(`${server.url}/#/supervisor`);
  await supervisor.locator(".stream-status.live").waitFor();
  await fetch(`${server.url}/api/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": server.keys.ingest },
    body: JSON.stringify({
      conversationId: "screenshot-conv",
      customerId: "screenshot-customer",
      channel: "chat",
      text: "第三次了！你们到底什么时候退款？再拖我就投诉到12315，还要在微博曝光你们！",
    }),
  });
  await supervisor.getByTestId("alert").first().waitFor();
  await supervisor.getByTestId("wellbeing").waitFor();
  await shot(supervisor, "supervisor", true);

  await supervisor.goto(`${server.url}/#/analytics`);
  await supervisor.getByTestId("root-causes").waitFor();
  await supervisor.locator("figure.chart polyline").first().waitFor();
  await shot(supervisor, "analytics", true);

  const tablet = await signIn(browser, server, "agent", "zh-TW", 820, 1180);
  await tablet.goto(`${server.url}/#/workspace`);
  await tablet.getByTestId("queue-item").nth(3).click();
  await tablet.getByTestId("suggestion").first().waitFor();
  await shot(tablet, "workspace-tablet-zh-tw");
} finally {
  await browser.close();
  await server.stop();
}
