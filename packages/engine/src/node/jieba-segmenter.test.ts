import { join } from "node:path";
import { Jieba } from "@node-rs/jieba";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../model/train.js";
import { correctlyRoundedLn } from "../text/dictionary-segmenter.js";
import { createJiebaSegmenter, ENGINE_DATA_DIR, readJiebaDictionary, readJsonlFolder } from "./load-engine-data.js";

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

describe("jieba segmenter", () => {
  it("cuts Han runs exactly as native jieba does without HMM", () => {
    const dict = readJiebaDictionary();
    const native = Jieba.withDict(dict);
    const segment = createJiebaSegmenter();
    const testData = join(ENGINE_DATA_DIR, "..", "test-data");
    const texts = [
      ...readJsonlFolder<{ turns: Array<{ text: string }> }>(join(testData, "conversations")).flatMap((c) =>
        c.turns.map((t) => t.text),
      ),
      ...readJsonlFolder<{ draft: string; customer: string[] }>(join(testData, "drafts")).flatMap((d) => [
        d.draft,
        ...d.customer,
      ]),
    ];
    const runs = texts.flatMap((t) => t.match(HAN) ?? []);
    // Strings of dictionary words, where ties between segmentations are most likely.
    const words = new TextDecoder()
      .decode(dict)
      .split("\n")
      .map((line) => line.split(" ")[0] ?? "")
      .filter((w) => /^[\u4e00-\u9fff]+$/.test(w));
    const random = mulberry32(7);
    for (let i = 0; i < 20_000; i++) {
      let run = "";
      for (let n = 2 + Math.floor(random() * 5); n > 0; n--) run += words[Math.floor(random() * words.length)];
      runs.push(run);
    }
    const differing = runs.filter((r) => segment(r).join("/") !== native.cut(r, false).join("/"));
    expect(differing).toEqual([]);
  });

  it("rounds logarithms correctly, as the C library does", () => {
    // Math.log is one unit off for these (V8's fdlibm); glibc's log rounds them correctly.
    expect(correctlyRoundedLn(3)).toBe(1.0986122886681098);
    expect(correctlyRoundedLn(48)).toBe(3.871201010907891);
    expect(correctlyRoundedLn(3) === Math.log(3) && correctlyRoundedLn(48) === Math.log(48)).toBe(false);
  });
});
