import { createInterface } from "node:readline/promises";
import type { Analyzer } from "@attune/engine";
import pc from "picocolors";
import { renderResult } from "../render.js";

const EXAMPLES = [
  "第三次联系你们了！快递显示签收但我根本没收到，再不处理我就打12315投诉",
  "呢個 refund 到底幾時搞掂？等咗成個禮拜，真係好嬲",
  "客服小姐很有耐心，問題一下就解決了，謝謝！",
  "Great, another two hours on hold. Thanks for nothing.",
  "I'm a bit worried — my card was charged twice and rent is due tomorrow.",
];

/**
 * `attune demo` (what `npm start` runs until the server exists): analyzes example messages,
 * then whatever you type. Reads lines from a pipe too, so it can be scripted.
 */
export async function runDemo(analyzer: Analyzer, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) {
    out.write(`${pc.bold("Attune")} — customer emotion analysis (zh-Hans, zh-Hant, 粵語, English)\n\n`);
    for (const text of EXAMPLES) out.write(`${renderResult(text, analyzer.analyze(text))}\n\n`);
    out.write(pc.dim("Type a customer message and press Enter (Ctrl-D to quit).\n"));
  }
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  if (interactive) rl.setPrompt("> ");
  if (interactive) rl.prompt();
  for await (const line of rl) {
    if (line.trim()) out.write(`${renderResult(line, analyzer.analyze(line))}\n\n`);
    if (interactive) rl.prompt();
  }
}
