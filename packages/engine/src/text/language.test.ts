import { describe, expect, it } from "vitest";
import { foldWidthAndCase, toSimplifiedSameLength } from "./fold.js";
import { detectLanguage } from "./language.js";

const detect = (text: string) => detectLanguage(text, toSimplifiedSameLength(foldWidthAndCase(text)).traditionalCount);

describe("detectLanguage", () => {
  it.each([
    ["快递到现在还没有到，你们这是怎么回事", "zh-Hans"],
    ["這個訂單已經過了一個禮拜還沒有出貨，請問怎麼處理", "zh-Hant"],
    ["點解仲未到㗎？我已經等咗一個禮拜", "yue"],
    ["佢哋冇覆我電郵，真係好嬲", "yue"],
    ["呢個 refund 到底幾時搞掂?", "yue"],
    ["Where is my order? It's been a week.", "en"],
    ["我的 order 到底什么时候 ship 啊", "zh-Hans"],
    ["this app keeps crashing, 真的很烦 every single time", "mixed"],
    ["😡😡😡", "unknown"],
    ["123456", "unknown"],
    ["Где мой заказ?", "unknown"],
    ["注文した商品が届きません", "unknown"],
  ])("%s → %s", (text, lang) => {
    expect(detect(text).lang).toBe(lang);
  });

  it("flags code-switching", () => {
    expect(detect("這個 refund 到底幾時搞掂?").codeSwitching).toBe(true);
    expect(detect("退款什么时候到").codeSwitching).toBe(false);
  });

  it("is less confident on very short text", () => {
    expect(detect("好").confidence).toBeLessThan(detect("快递到现在还没有到，你们这是怎么回事").confidence);
  });
});

describe("folding", () => {
  it("keeps length and maps Traditional to Simplified", () => {
    const text = "ＡＢＣ這個軟體裡面！";
    const folded = toSimplifiedSameLength(foldWidthAndCase(text));
    expect(folded.text).toBe("abc这个软体里面!");
    expect(folded.text.length).toBe(text.length);
    expect(folded.traditionalCount).toBe(5); // 這 個 軟 體 裡
  });

  it("never changes the length, whatever the input", () => {
    const text = "İstanbul ǅ ß ﬁ 😀 \ud800 𠀀";
    expect(foldWidthAndCase(text).length).toBe(text.length);
    expect(toSimplifiedSameLength(text).text.length).toBe(text.length);
  });
});
