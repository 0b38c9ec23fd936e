import { describe, expect, it } from "vitest";
import { AttuneError } from "../errors.js";
import { compileLexicon } from "./compile.js";

describe("compileLexicon", () => {
  it("names the file, line and problem for a bad row", () => {
    expect(() => compileLexicon({ "zh.tsv": "满意\t2\tsatisfaction:1\n失望\tlots\tdisappointment" })).toThrow(
      /zh\.tsv:2: expected a number from -3 to 3, found "lots"/,
    );
    expect(() => compileLexicon({ "en.tsv": "happy\t2\tglee:1" })).toThrow(
      /en\.tsv:1: expected an emotion label, found "glee"/,
    );
    expect(() => compileLexicon({ "signals-en.tsv": "sue\tlawsuit\t1" })).toThrow(/expected a signal, found "lawsuit"/);
    expect(() => compileLexicon({ "en.tsv": "happy" })).toThrow(AttuneError);
    expect(() => compileLexicon({ "weird.tsv": "x\t1\t-" })).toThrow(/unknown/);
  });

  it("folds Traditional entries so they match Simplified text", () => {
    const lexicon = compileLexicon({ "yue.tsv": "搞錯\t-1.5\tanger:1" });
    expect(lexicon.chinese.scan("你搞错了").map((m) => [m.start, m.end])).toEqual([[1, 3]]);
  });

  it("prefers the longest entry at a position", () => {
    const lexicon = compileLexicon({ "zh.tsv": "错\t-1\t-\n不错\t1.5\tsatisfaction:1" });
    const matches = lexicon.chinese.scan("还不错");
    expect(matches.map((m) => m.payload.sentiment?.term)).toEqual(["不错"]);
  });

  it("matches Latin terms in Chinese files only at word boundaries", () => {
    const lexicon = compileLexicon({ "signals-zh.tsv": "sb\tabuse\t0.9" });
    expect(lexicon.chinese.scan("你个sb")).toHaveLength(1);
    expect(lexicon.chinese.scan("usb接口")).toHaveLength(0);
  });

  it("matches English stems and phrases over tokens", () => {
    const lexicon = compileLexicon({ "en.tsv": "disappoint*\t-2\tdisappointment:1\nlet down\t-2\tdisappointment:1" });
    expect(lexicon.tokens.scan(["so", "disappointing"])).toHaveLength(1);
    expect(lexicon.tokens.scan(["you", "let", "down"])).toHaveLength(1);
  });
});
