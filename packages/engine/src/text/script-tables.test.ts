import { describe, expect, it } from "vitest";
import { deriveScriptPairs, encodeScriptPairs } from "./derive-script-tables.js";
import { countSimplifiedOnly, toSimplifiedSameLength } from "./fold.js";
import { SIMPLIFIED_ONLY, TO_SIMPLIFIED } from "./script-tables.generated.js";

describe("the generated script tables", () => {
  it("are what OpenCC's dictionaries give today (else run `npm run generate:script-tables`)", () => {
    const derived = encodeScriptPairs(deriveScriptPairs());
    expect(TO_SIMPLIFIED.length).toBe(derived.toSimplified.length);
    expect(TO_SIMPLIFIED === derived.toSimplified).toBe(true);
    expect(SIMPLIFIED_ONLY === derived.simplifiedOnly).toBe(true);
  });

  it("convert Taiwan and Hong Kong forms one character at a time and count Simplified-only ones", () => {
    expect(toSimplifiedSameLength("這個退款到底幾時搞掂？裏面")).toEqual({
      text: "这个退款到底几时搞掂？里面",
      traditionalCount: 5, // 這 個 幾 時 裏
    });
    expect(toSimplifiedSameLength("没问题")).toEqual({ text: "没问题", traditionalCount: 0 });
    expect(countSimplifiedOnly("这个问题们说")).toBe(6); // every one of them differs from its Traditional form
    expect(countSimplifiedOnly("這個問題")).toBe(0);
  });
});
