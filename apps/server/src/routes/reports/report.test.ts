import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { testServer } from "../../test-support/test-server.js";
import { ingestFixture } from "../analytics/test-support/analytics-fixture.js";
import { CJK_FONT_CANDIDATES, findCjkFont, fontFromSetting } from "./pdf-font.js";
import { pdfText } from "./test-support/pdf-text.js";

const font = findCjkFont(undefined);

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
  await ingestFixture(app, keys.a.ingest);
});
afterAll(() => close());

const get = (url: string, key: string) => app.inject({ method: "GET", url, headers: { "x-api-key": key } });

describe("the CJK font for reports", () => {
  it("is looked for where common systems keep one, and may be named by ATTUNE_PDF_FONT", () => {
    expect(findCjkFont(undefined, () => false)).toBeNull();
    expect(findCjkFont(undefined, (p) => p.includes("wqy-microhei"))).toMatchObject({ sc: "WenQuanYiMicroHei" });
    expect(fontFromSetting("/fonts/a.ttc#NotoSansCJKtc-Regular")).toEqual({
      path: "/fonts/a.ttc",
      sc: "NotoSansCJKtc-Regular",
      tc: "NotoSansCJKtc-Regular",
    });
    expect(CJK_FONT_CANDIDATES[0]?.path).toBe("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  });

  it("is validated at start: a missing file or a collection without a face name stops the start", () => {
    expect(() => loadConfig({ ATTUNE_PDF_FONT: "/nowhere/font.ttf" })).toThrow(
      /ATTUNE_PDF_FONT: expected a font file that exists/,
    );
    if (font) expect(() => loadConfig({ ATTUNE_PDF_FONT: font.path })).toThrow(/PostScript name/);
  });
});

describe.skipIf(!font)("GET /api/v1/reports/management.pdf", () => {
  it("draws the report in Simplified Chinese with an embedded CJK font", async () => {
    const res = await get("/api/v1/reports/management.pdf?locale=zh-CN", keys.a.supervisor);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="attune-report-zh-CN-.*\.pdf"$/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(raw).toMatch(/\/FontFile[23]? \d+ 0 R/);
    const text = pdfText(pdf);
    expect(text).toContain("客户情绪管理报告");
    expect(text.join("\n")).toMatch(/物流配送|退款退货|产品质量/);
    expect(text.join("\n")).not.toContain("\uFFFD");
    // Quotes are redacted: the phone number in the fixture never reaches the report.
    expect(text.join("\n")).not.toContain("13812345678");
  });

  it("speaks Traditional Chinese and English on request", async () => {
    const tw = await get("/api/v1/reports/management.pdf?locale=zh-TW&channel=chat", keys.a.admin);
    expect(tw.rawPayload.toString("latin1")).toMatch(/NotoSansCJKtc-Regular/);
    expect(pdfText(tw.rawPayload)).toContain("客戶情緒管理報告");
    const en = await get("/api/v1/reports/management.pdf?locale=en", keys.a.admin);
    expect(pdfText(en.rawPayload)).toContain("Customer Emotion Management Report");
  });

  it("refuses agents and bad parameters", async () => {
    expect((await get("/api/v1/reports/management.pdf", keys.a.agent)).statusCode).toBe(403);
    const bad = await get("/api/v1/reports/management.pdf?locale=ja", keys.a.supervisor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/locale/);
  });

  it("draws an empty period without failing", async () => {
    const res = await get("/api/v1/reports/management.pdf?from=2020-01-01&to=2020-01-31&locale=en", keys.a.supervisor);
    expect(res.statusCode).toBe(200);
    expect(pdfText(res.rawPayload)).toContain("No data in this period");
  });
});
