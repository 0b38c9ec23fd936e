// Workspace speed on the demo data, in real headless Chromium: from navigation start to (a) the queue
// shown and (b) the most urgent conversation shown with its composer ready. Cold loads, fresh context
// each time (no cache). Run: `npx tsx apps/web/bench/bench-web.ts` (part of `npm run bench`).
import { hasChromium, launchChromium } from "../e2e/browser.js";
import { startDemoServer } from "../e2e/server.js";

const RUNS = Number(process.env.RUNS ?? 7);

if (!hasChromium()) {
  console.log("web bench: skipped — no Chromium at /usr/bin/chromium (apt-get install chromium)");
  process.exit(0);
}
const server = await startDemoServer();
const browser = await launchChromium();
const queue: number[] = [];
const conversation: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // Sign in once per context (sets the session cookie), then time a cold load of the workspace.
    await page.goto(server.url);
    await page.getByTestId("demo-agent").click();
    await page.locator(".top-bar").waitFor();
    await page.goto("about:blank");
    await page.goto(`${server.url}/#/workspace`);
    await page.getByTestId("queue-item").first().waitFor();
    queue.push(await page.evaluate(() => performance.now()));
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId("queue-item").first().click();
    await page.getByTestId("suggestion").first().waitFor();
    conversation.push((await page.evaluate(() => performance.now())) - t0);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${s[Math.floor(s.length / 2)]?.toFixed(0)} ms, max ${s[s.length - 1]?.toFixed(0)} ms`;
};
console.log(`web workspace (demo data, ${RUNS} cold loads in headless Chromium):`);
console.log(`  navigation → queue shown:                 ${stat(queue)}`);
console.log(`  click → conversation + suggestions shown: ${stat(conversation)}`);
