import { describe, expect, it } from "vitest";
import { toSquareFrame } from "./square.js";

/** An RGB frame whose every pixel is [x, y, 7]. */
const ramp = (width: number, height: number) => {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.set([x, y, 7], (y * width + x) * 3);
  return rgb;
};

describe("toSquareFrame", () => {
  it("pads a wide frame at the bottom and a tall one at the right, leaving pixels where they were", () => {
    const wide = toSquareFrame(ramp(4, 2), 4, 2, 960);
    expect(wide).toMatchObject({ side: 4, scale: 1 });
    expect([...wide.rgb.subarray((1 * 4 + 3) * 3, (1 * 4 + 3) * 3 + 3)]).toEqual([3, 1, 7]);
    expect([...wide.rgb.subarray((3 * 4 + 3) * 3, (3 * 4 + 3) * 3 + 3)]).toEqual([0, 0, 0]);
    const tall = toSquareFrame(ramp(2, 3), 2, 3, 960);
    expect(tall.side).toBe(3);
    expect([...tall.rgb.subarray((2 * 3 + 1) * 3, (2 * 3 + 1) * 3 + 3)]).toEqual([1, 2, 7]);
    expect([...tall.rgb.subarray((2 * 3 + 2) * 3, (2 * 3 + 2) * 3 + 3)]).toEqual([0, 0, 0]);
  });

  it("shrinks a frame over the limit by averaging blocks, and says by how much", () => {
    const s = toSquareFrame(ramp(8, 4), 8, 4, 4);
    expect(s).toMatchObject({ side: 4, scale: 2 });
    // Output pixel (1, 0) averages source x 2..3, y 0..1: x 2.5, y 0.5, truncated.
    expect([...s.rgb.subarray(3, 6)]).toEqual([2, 0, 7]);
    expect([...s.rgb.subarray((1 * 4 + 3) * 3, (1 * 4 + 3) * 3 + 3)]).toEqual([6, 2, 7]);
    expect([...s.rgb.subarray(3 * 4 * 3, 3 * 4 * 3 + 3)]).toEqual([0, 0, 0]);
  });

  it("keeps the longer side within the limit for awkward ratios", () => {
    const s = toSquareFrame(ramp(1281, 721), 1281, 721, 960);
    expect(s.side).toBe(960);
    expect(s.rgb.length).toBe(960 * 960 * 3);
  });
});
