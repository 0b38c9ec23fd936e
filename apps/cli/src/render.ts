import type { EmotionResult } from "@attune/engine";
import pc from "picocolors";

const NEGATIVE = new Set(["anger", "frustration", "disappointment", "anxiety", "sadness"]);
const POSITIVE = new Set(["satisfaction", "gratitude", "joy"]);

function colourFor(emotion: string | undefined, weight: number): (s: string) => string {
  if (emotion && NEGATIVE.has(emotion)) return (s) => pc.bold(pc.red(s));
  if (emotion && POSITIVE.has(emotion)) return (s) => pc.bold(pc.green(s));
  if (weight < 0) return (s) => pc.red(s);
  if (weight > 0) return (s) => pc.green(s);
  return (s) => pc.underline(pc.yellow(s));
}

/** The text with evidence spans highlighted (red: negative, green: positive, yellow: modifiers). */
export function highlight(text: string, result: EmotionResult): string {
  let out = "";
  let at = 0;
  for (const e of result.evidence) {
    if (e.start < at) continue; // overlapping spans: the first one shown wins
    out += text.slice(at, e.start) + colourFor(e.emotion, e.weight)(text.slice(e.start, e.end));
    at = e.end;
  }
  return out + text.slice(at);
}

const bar = (x: number, width = 10) => "█".repeat(Math.round(x * width)).padEnd(width, "·");

/** A readable, multi-line report of one analysis for the terminal. */
export function renderResult(text: string, result: EmotionResult): string {
  const lines: string[] = [];
  lines.push(highlight(text, result));
  lines.push("");
  const tone = result.polarity === "negative" ? pc.red : result.polarity === "positive" ? pc.green : pc.dim;
  lines.push(
    `${pc.bold(result.emotion)} ${bar(result.intensity)} ${result.intensity.toFixed(2)}   ${tone(result.polarity)} (score ${result.score.toFixed(2)})   lang ${result.lang} (${result.langConfidence.toFixed(2)})`,
  );
  lines.push(
    `valence ${result.valence.toFixed(2)}  arousal ${result.arousal.toFixed(2)}  emotions: ${result.emotions.map((e) => `${e.label} ${e.intensity.toFixed(2)}`).join(", ")}`,
  );
  const signals = Object.entries(result.signals).filter(([, s]) => s.score > 0);
  if (signals.length) {
    lines.push(
      `signals: ${signals.map(([name, s]) => `${s.present ? pc.bold(name) : pc.dim(name)} ${s.score.toFixed(2)} (${s.evidence.map((e) => e.text).join(", ")})`).join("; ")}`,
    );
  }
  if (result.causes.length)
    lines.push(`causes: ${result.causes.map((c) => `${c.aspect} (“${c.span.text}”)`).join(", ")}`);
  if (result.evidence.length) {
    lines.push("evidence:");
    for (const e of result.evidence)
      lines.push(`  ${JSON.stringify(e.text)} [${e.start},${e.end}) ${pc.dim(e.effect)}`);
  }
  if (result.ignored.length)
    lines.push(
      pc.dim(`ignored quoted history/signature: ${result.ignored.map((r) => `[${r.start},${r.end})`).join(" ")}`),
    );
  return lines.join("\n");
}
