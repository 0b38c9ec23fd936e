import { ASPECTS, EMOTIONS } from "@attune/engine";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "./domain/message.js";
import { LABEL_NAMES } from "./label-names.js";

describe("LABEL_NAMES", () => {
  it("names every emotion (in the engine's order), cause and channel in every locale", () => {
    for (const [locale, names] of Object.entries(LABEL_NAMES)) {
      expect(Object.keys(names.emotion), locale).toEqual([...EMOTIONS]);
      for (const a of ASPECTS) expect(names.aspect[a], `${locale} ${a}`).toBeTruthy();
      for (const c of CHANNELS) expect(names.channel[c], `${locale} ${c}`).toBeTruthy();
    }
  });

  it("writes zh-TW in Traditional characters and zh-CN in Simplified", () => {
    const all = (o: object): string =>
      Object.values(o)
        .map((v) => (typeof v === "string" ? v : all(v)))
        .join("");
    const tw = all(LABEL_NAMES["zh-TW"]);
    const cn = all(LABEL_NAMES["zh-CN"]);
    for (const ch of ["虑", "过", "惊", "质", "账", "户", "态", "间", "术", "价", "邮", "话", "简", "体"]) {
      expect(tw).not.toContain(ch);
    }
    for (const ch of ["慮", "過", "驚", "質", "帳", "戶", "態", "間", "術", "價", "郵", "話", "簡", "體"]) {
      expect(cn).not.toContain(ch);
    }
  });
});
