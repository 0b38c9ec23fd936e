import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { localeFromTag, replyLocaleFor } from "./index.js";
import { zhCN } from "./zh-cn.js";
import { zhTW } from "./zh-tw.js";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
const values = (o: object): string[] =>
  Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v as object)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  it("zh-CN and zh-TW have exactly the English keys", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    expect(keys(zhTW).sort()).toEqual(keys(en).sort());
  });

  it("keep every placeholder of the English text", () => {
    const flat = (o: object) => new Map(keys(o).map((k, i) => [k, values(o)[i] as string]));
    const e = flat(en);
    for (const locale of [zhCN, zhTW]) {
      for (const [k, v] of flat(locale)) expect(placeholders(v), k).toEqual(placeholders(e.get(k) ?? ""));
    }
  });

  it("zh-TW is written in Traditional characters and zh-CN in Simplified", () => {
    const tw = values(zhTW).join("");
    const cn = values(zhCN).join("");
    for (const simplified of ["们", "说", "这", "个", "态", "们", "队", "级"]) expect(tw).not.toContain(simplified);
    for (const traditional of ["們", "說", "這", "個", "態", "隊", "級"]) expect(cn).not.toContain(traditional);
  });

  it("maps browser languages and reply locales", () => {
    expect(localeFromTag("zh-HK")).toBe("zh-TW");
    expect(localeFromTag("zh-Hant-TW")).toBe("zh-TW");
    expect(localeFromTag("zh-CN")).toBe("zh-CN");
    expect(localeFromTag("en-GB")).toBe("en");
    expect(localeFromTag(undefined)).toBe("en");
    expect(replyLocaleFor("zh-TW", "HK")).toBe("zh-Hant-HK");
    expect(replyLocaleFor("zh-CN")).toBe("zh-Hans");
  });
});

describe("components", () => {
  // JSX text with letters or CJK characters that is not an expression is a bare string: it would not be translated.
  const bare = /(?<=[\w"'}/])>\s*([A-Za-z\u4e00-\u9fff][^<>{}]*?)\s*</g;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith(".tsx") && !p.endsWith(".test.tsx") ? [p] : [];
    });

  it("have no bare UI strings: every text goes through i18n", () => {
    const root = join(import.meta.dirname, "..");
    const found: string[] = [];
    for (const file of files(root)) {
      const source = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
      for (const m of source.matchAll(bare)) {
        const text = (m[1] ?? "").trim();
        // Type arguments look like text between > and < too, but never start with a bare word.
        if (/[\u4e00-\u9fff]/.test(text) || /^[A-Za-z]{2,}( [A-Za-z]+)*[.!?:]?$/.test(text))
          found.push(`${file}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
