import { describe, expect, it } from "vitest";
import { FACE_EXPRESSIONS, toFaceExpressionResult } from "./expressions.js";

describe("toFaceExpressionResult", () => {
  it("maps the model's class names to ours and fills in every score", () => {
    const r = toFaceExpressionResult(
      {
        box: [10.4, 20.6, 50, 60],
        boxScore: 0.8765,
        score: 0.5,
        emotion: [
          { emotion: "surprise", score: 0.61 },
          { emotion: "fear", score: 0.2 },
          { emotion: "disgust", score: 0.1 },
          { emotion: "happy", score: 0.09 },
        ],
      },
      640,
      480,
    );
    expect(r).toEqual({
      box: { x: 10, y: 21, width: 50, height: 60 },
      confidence: 0.877,
      expression: "surprised",
      scores: { neutral: 0, happy: 0.09, sad: 0, angry: 0, fearful: 0.2, disgusted: 0.1, surprised: 0.61 },
    });
    expect(Object.keys(r.scores)).toEqual([...FACE_EXPRESSIONS]);
  });

  it("says neutral when the model gave no scores, and clips a box that runs off the frame", () => {
    const r = toFaceExpressionResult({ box: [-5, 440, 100, 100], score: 0.42 }, 640, 480);
    expect(r.expression).toBe("neutral");
    expect(r.confidence).toBe(0.42);
    expect(r.box).toEqual({ x: 0, y: 440, width: 95, height: 40 });
  });

  it("ignores class names it does not know instead of inventing a mapping", () => {
    const r = toFaceExpressionResult(
      { box: [0, 0, 1, 1], score: 1, emotion: [{ emotion: "contempt", score: 0.9 }] },
      2,
      2,
    );
    expect(r.expression).toBe("neutral");
    expect(Object.values(r.scores).every((s) => s === 0)).toBe(true);
  });
});
