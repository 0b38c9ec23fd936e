import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { AttuneError } from "@attune/engine";
import { createFaceAnalyzer, type FaceAnalysis, type FaceExpressionResult } from "@attune/face";
import type { Command } from "commander";

function describeFace(face: FaceExpressionResult, index: number): string {
  const { x, y, width, height } = face.box;
  const others = Object.entries(face.scores)
    .filter(([name, score]) => name !== face.expression && score >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, score]) => `${name} ${score.toFixed(2)}`);
  return `  face ${index + 1} at (${x}, ${y}) ${width} × ${height}, confidence ${face.confidence.toFixed(2)}: ${face.expression} ${face.scores[face.expression].toFixed(2)}${others.length ? ` (${others.join(", ")})` : ""}`;
}

/** The analysis in a few lines: the frame, then one line per face. */
export function formatFaceAnalysis(name: string, a: FaceAnalysis): string {
  const count = a.faces.length === 1 ? "1 face" : `${a.faces.length} faces`;
  const head = `${name}: ${a.width} × ${a.height} ${a.format.toUpperCase()}, ${count} (${Math.round(a.ms)} ms)`;
  return [head, ...(a.note ? [`  ${a.note}`] : []), ...a.faces.map(describeFace)].join("\n");
}

/** Reads one frame and analyzes it with a freshly loaded model. */
export async function analyzeFaceFile(path: string): Promise<FaceAnalysis> {
  if (!existsSync(path)) throw new AttuneError("invalid_input", `expected an image file, found no such file: ${path}`);
  const bytes = readFileSync(path);
  const analyzer = await createFaceAnalyzer();
  try {
    return await analyzer.analyze(bytes);
  } finally {
    await analyzer.close();
  }
}

/**
 * `attune analyze-face FRAME [--json]`: the expression of each face in one JPEG or PNG, analyzed on this
 * machine. It reads a file you hold and knows no customer, so it checks no consent: use it on frames you
 * may analyze. Customer frames go through the server, which enforces consent and regions.
 */
export function registerAnalyzeFace(program: Command): void {
  program
    .command("analyze-face")
    .description("facial expression of each face in a JPEG or PNG frame (local models; no consent check, see README)")
    .argument("<frame>", "a .jpg or .png file")
    .option("--json", "print the full analysis as JSON")
    .action(async (frame: string, o: { json?: boolean }) => {
      const analysis = await analyzeFaceFile(frame);
      process.stdout.write(
        `${o.json ? JSON.stringify(analysis, null, 2) : formatFaceAnalysis(basename(frame), analysis)}\n`,
      );
    });
}
