import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENGINE_DATA_DIR, loadEngineData } from "@attune/engine/node";
import { describe, expect, it } from "vitest";
import { runTrain } from "./commands/train.js";

describe("attune train", () => {
  it("is reproducible: retraining on the committed corpus gives the committed weights byte for byte", () => {
    const output = join(mkdtempSync(join(tmpdir(), "attune-train-")), "model.json");
    const lines: string[] = [];
    runTrain(
      loadEngineData({ withoutModel: true }),
      { corpus: join(ENGINE_DATA_DIR, "..", "..", "..", "corpus"), output, seed: 20261123, epochs: 14 },
      (l) => lines.push(l),
    );
    expect(lines.join("\n")).toMatch(/held-out corpus slice: \d+ records/);
    expect(lines.join("\n")).toMatch(/chosen blend/);
    expect(readFileSync(output, "utf8")).toBe(readFileSync(join(ENGINE_DATA_DIR, "model.json"), "utf8"));
  }, 120_000);
});
