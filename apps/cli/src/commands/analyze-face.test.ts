import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crop, FACE_TILES, humanAsset, toJpeg } from "@attune/face/test-support";
import { describe, expect, it } from "vitest";
import { attune } from "../test-support/run-cli.js";

describe("attune analyze-face (real process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "attune-face-cli-"));
  // A smiling portrait cut from the screenshot shipped in @vladmandic/human (MIT); see frames.ts.
  const t = FACE_TILES[3] ?? { x: 478, y: 345, width: 150, height: 152 };
  const frame = toJpeg(
    crop(humanAsset("screenshot-facedetect.jpg"), {
      x: t.x - 20,
      y: t.y - 20,
      width: t.width + 40,
      height: t.height + 40,
    }),
  );
  writeFileSync(join(dir, "frame.jpg"), frame);

  it("prints each face with its box and expression, or the whole analysis with --json", {
    timeout: 60_000,
  }, async () => {
    const text = await attune("analyze-face", join(dir, "frame.jpg"));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^frame\.jpg: 190 × 192 JPEG, 1 face \(\d+ ms\)\n {2}face 1 at \(\d+, \d+\) \d+ × \d+, confidence 0\.\d\d: happy 0\.\d\d/,
    );
    const json = await attune("analyze-face", "--json", join(dir, "frame.jpg"));
    expect(JSON.parse(json.stdout)).toMatchObject({ format: "jpeg", faces: [{ expression: "happy" }] });
  });

  it("says in one line why a damaged file or a missing one cannot be analyzed", async () => {
    writeFileSync(join(dir, "cut.jpg"), frame.subarray(0, 500));
    const cut = await attune("analyze-face", join(dir, "cut.jpg"));
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^attune: expected a readable JPEG, found a damaged one: .+\n$/);
    const missing = await attune("analyze-face", join(dir, "nope.png"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^attune: expected an image file, found no such file: /);
  });
});
