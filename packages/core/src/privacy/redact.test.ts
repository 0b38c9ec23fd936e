import { AttuneError } from "@attune/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PiiKind, redactPii } from "./redact.js";

/** The substrings redacted, with their kinds, read back from the original text through the offsets. */
function spans(text: string, options?: { kinds?: PiiKind[] }): Array<[PiiKind, string]> {
  return redactPii(text, options).found.map((f) => [f.kind, text.slice(f.start, f.end)]);
}

function expectOnly(kind: PiiKind, text: string, value: string) {
  expect(spans(text)).toEqual([[kind, value]]);
}

function expectNothing(text: string) {
  const result = redactPii(text);
  expect(result.found).toEqual([]);
  expect(result.text).toBe(text);
}

describe("redactPii: the example from the brief", () => {
  it("redacts the phone and keeps the order number", () => {
    const text = "我的手机是138 1234 5678，订单号JD20260312-8841";
    expect(redactPii(text)).toEqual({
      text: "我的手机是[PHONE]，订单号JD20260312-8841",
      found: [{ kind: "phone", start: 5, end: 18 }],
    });
  });
});

describe("redactPii: phones", () => {
  it.each([
    ["手机13812345678，尽快联系", "13812345678"],
    ["我的电话：138-1234-5678。", "138-1234-5678"],
    ["call me on +86 138 1234 5678 please", "+86 138 1234 5678"],
    ["号码+8613812345678", "+8613812345678"],
    ["号码 0086-139-8765-4321 谢谢", "0086-139-8765-4321"],
    ["联系(86)13812345678", "(86)13812345678"],
    ["联系（86）199 0000 1111", "（86）199 0000 1111"],
    ["打 86 13812345678 找我", "86 13812345678"],
  ])("mainland mobile in %j", (text, value) => expectOnly("phone", text, value));

  it.each([
    ["公司电话010-62345678转人工", "010-62345678"],
    ["深圳门店 0755-2345678", "0755-2345678"],
    ["上海 (021) 6234 5678", "(021) 6234 5678"],
    ["座机02162345678", "02162345678"],
    ["杭州0571-87654321", "0571-87654321"],
  ])("mainland landline in %j", (text, value) => expectOnly("phone", text, value));

  it.each([
    ["我的手機是0912-345-678，麻煩回電", "0912-345-678"],
    ["手機0912345678", "0912345678"],
    ["請撥 +886 912 345 678 找我", "+886 912 345 678"],
    ["請撥 +886-912-345-678", "+886-912-345-678"],
    ["台北辦公室 (02) 2345-6789 分機 12", "(02) 2345-6789"],
    ["台中 04-2345-6789", "04-2345-6789"],
  ])("Taiwan number in %j", (text, value) => expectOnly("phone", text, value));

  it.each([
    ["我電話係 9123 4567，唔該你哋打返俾我", "9123 4567"],
    ["WhatsApp +852 9123 4567 搵我", "+852 9123 4567"],
    ["打(852) 6123-4567啦", "(852) 6123-4567"],
    ["寫字樓電話 2345 6789", "2345 6789"],
    ["手提51234567", "51234567"],
  ])("Hong Kong number in %j", (text, value) => expectOnly("phone", text, value));

  it.each([
    ["Please call our London office on +44 20 7946 0958.", "+44 20 7946 0958"],
    ["UK: +44 (0)20 7946 0958", "+44 (0)20 7946 0958"],
    ["You can reach me at +1 (415) 555-0123 any time", "+1 (415) 555-0123"],
    ["My number is (415) 555-0123, thanks", "(415) 555-0123"],
    ["Call 415-555-0123 after 5pm", "415-555-0123"],
    ["Call 415.555.0123", "415.555.0123"],
    ["Text +61412345678", "+61412345678"],
  ])("international number in %j", (text, value) => expectOnly("phone", text, value));
});

describe("redactPii: numbers that are not phones", () => {
  it.each([
    "订单号JD20260312-8841还没发货",
    "快递单号SF1234567890123",
    "運單號碼 YT2026031288410",
    "订单号：20260312001",
    "order 12345678901 was cancelled",
    "订单 138123456789 有问题",
    "訂單編號 98765432101",
    "下单日期20260312",
    "2026-03-12 14:30 下的单",
    "2026/03/12 到 2026/03/15",
    "金额¥1,299.00，运费12元",
    "一共 30000000 元",
    "HK$91234567",
    "¥13812345678",
    "價錢 91234567蚊",
    "买了 3 件，1999 年的老顾客",
    "Order #88412 placed on 12/03/2026 for $129.99",
    "Invoice INV-2026-000123, amount 1,234,567.89",
    "version 10.2.3.4567, build 20260312",
    "13812345678.5 is not a number anyone dials",
    "ref 1234-5678-9123-4567-8",
    "ticket 2026 0312 8841 0001",
  ])("leaves %j alone", (text) => expectNothing(text));
});

describe("redactPii: e-mail addresses", () => {
  it.each([
    ["邮箱是wang.lei+orders@mail.example.com.cn，谢谢", "wang.lei+orders@mail.example.com.cn"],
    ["mail me: jane_doe-99@sub.domain.io.", "jane_doe-99@sub.domain.io"],
    ["電郵：chan.tai.man@gmail.com", "chan.tai.man@gmail.com"],
    ["<support@example.org>", "support@example.org"],
    ["全角 ming＠example.com 也算", "ming＠example.com"],
    ["13812345678@163.com 是我的邮箱", "13812345678@163.com"],
  ])("finds the address in %j", (text, value) => expectOnly("email", text, value));

  it.each([
    "ping @john on slack",
    "@客服小美 你好",
    "user@localhost is not routable",
    "foo@bar",
    "email me at gmail",
    "a@b.c",
  ])("leaves %j alone", (text) => expectNothing(text));
});

describe("redactPii: identity cards", () => {
  it.each([
    ["身份证号11010519491231002X，请核实", "11010519491231002X"],
    ["身份证 11010519491231002x", "11010519491231002x"],
    ["身份证 440304199003071231", null],
    ["身份证44030419900307123X", "44030419900307123X"],
    ["生日是闰日：310115200002294567", "310115200002294567"],
    ["分组写法 110105 19491231 002X", "110105 19491231 002X"],
    ["港澳居民 810000198808081235", "810000198808081235"],
  ])("mainland resident ID in %j", (text, value) => {
    if (value === null) expectNothing(text);
    else expectOnly("id_card", text, value);
  });

  it.each([
    "110105194912310021", // wrong check character
    "110105194902300012", // 30 February, correct check character
    "990105194912310023", // no region 99, correct check character
    "ID JD11010519491231002X",
  ])("rejects the mainland ID %j", (text) => expectNothing(text));

  it.each([
    ["身分證字號 A123456789", "A123456789"],
    ["我的身分證是F223344558喔", "F223344558"],
    ["ID: B111111114", "B111111114"],
  ])("Taiwan ID in %j", (text, value) => expectOnly("id_card", text, value));

  it.each(["A123456788", "A323456789", "XA123456789", "a123456789"])("rejects the Taiwan ID %j", (text) =>
    expectNothing(text),
  );

  it.each([
    ["身份證 A123456(3)", "A123456(3)"],
    ["身份證AB987654(3)，唔該", "AB987654(3)"],
    ["HKID Z683365(A)", "Z683365(A)"],
    ["身份證號碼 C668668（9）", "C668668（9）"],
    ["no brackets: G123456A", "G123456A"],
    ["no brackets: A1234563", "A1234563"],
  ])("HKID in %j", (text, value) => expectOnly("id_card", text, value));

  it.each(["A123456(4)", "AB987654(2)", "G1234560"])("rejects the HKID %j", (text) => expectNothing(text));
});

describe("redactPii: bank cards", () => {
  it.each([
    ["卡号 4111 1111 1111 1111 扣了两次", "4111 1111 1111 1111"],
    ["card 4111111111111111", "4111111111111111"],
    ["Mastercard 5555-5555-5555-4444", "5555-5555-5555-4444"],
    ["Mastercard 2223003122003222", "2223003122003222"],
    ["Amex 3782 822463 10005", "3782 822463 10005"],
    ["Amex 378282246310005", "378282246310005"],
    ["JCB 3566 0020 2036 0505", "3566 0020 2036 0505"],
    ["银联卡6228480012345678903", "6228480012345678903"],
    ["銀聯卡 6228 4800 1234 5678 903", "6228 4800 1234 5678 903"],
    ["扣款卡 6217001234567893", "6217001234567893"],
    ["Visa 13: 4111111111111116", null],
    ["Visa 15: 411111111111116", null],
  ])("card in %j", (text, value) => {
    if (value === null) expectNothing(text);
    else expectOnly("bank_card", text, value);
  });

  it.each([
    "4111 1111 1111 1112", // Luhn fails
    "8888888888888888", // Luhn passes, no known issuer
    "6011000999900016", // Discover: not in the list
    "00004111111111111111", // inside a longer digit run
    "1234 4111 1111 1111 1111",
    "4111 1111 1111 1111 2222",
    "SKU4111111111111111",
    "4111 1111-1111 1111", // mixed separators
  ])("rejects %j", (text) => expectNothing(text));
});

describe("redactPii: several findings", () => {
  it("redacts each kind in a mixed zh-Hans message", () => {
    const text =
      "我叫王磊，手机13812345678，邮箱wang@example.com，身份证11010519491231002X，卡号6217001234567893被扣了两次。";
    expect(redactPii(text).text).toBe("我叫王磊，手机[PHONE]，邮箱[EMAIL]，身份证[ID]，卡号[CARD]被扣了两次。");
  });

  it("redacts each kind in a Cantonese message", () => {
    const text = "我個電話係+852 9123 4567，身份證A123456(3)，張卡係4111 1111 1111 1111，訂單HK20260312001";
    expect(redactPii(text).text).toBe("我個電話係[PHONE]，身份證[ID]，張卡係[CARD]，訂單HK20260312001");
  });

  it("redacts each kind in an English e-mail", () => {
    const text =
      "Hi,\nI'm Jane (jane.doe@example.com, +1 (415) 555-0123). Order #88412, card 5555555555554444.\nThanks";
    expect(redactPii(text).text).toBe("Hi,\nI'm Jane ([EMAIL], [PHONE]). Order #88412, card [CARD].\nThanks");
  });

  it("redacts adjacent numbers separated by punctuation", () => {
    expect(spans("13812345678，13987654321")).toEqual([
      ["phone", "13812345678"],
      ["phone", "13987654321"],
    ]);
    expect(spans("138 1234 5678/9123 4567")).toEqual([
      ["phone", "138 1234 5678"],
      ["phone", "9123 4567"],
    ]);
    expect(spans("13812345678 13987654321")).toEqual([
      ["phone", "13812345678"],
      ["phone", "13987654321"],
    ]);
    expect(redactPii("電話:0912345678電郵:a@b.tw").text).toBe("電話:[PHONE]電郵:[EMAIL]");
  });

  it("keeps the longest of overlapping matches", () => {
    // The e-mail's local part is a phone number; a mobile with +86 contains a shorter bare number.
    expect(spans("13812345678@163.com")).toEqual([["email", "13812345678@163.com"]]);
    expect(spans("+852 9123 4567")).toEqual([["phone", "+852 9123 4567"]]);
    expect(spans("Tel (02) 2345-6789")).toEqual([["phone", "(02) 2345-6789"]]);
  });

  it("prefers an ID to a card when one 18-digit number is both", () => {
    // 620102198511207813 is a valid Gansu resident ID; its Luhn sum is checked too.
    const text = "证件 620102198511207813";
    expect(spans(text)).toEqual([["id_card", "620102198511207813"]]);
  });

  it("returns findings in text order with offsets into the original", () => {
    const text = "a@b.io 身份证11010519491231002X 再打 0912-345-678";
    const { found } = redactPii(text);
    expect(found.map((f) => f.kind)).toEqual(["email", "id_card", "phone"]);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(["a@b.io", "11010519491231002X", "0912-345-678"]);
  });
});

describe("redactPii: options and input", () => {
  const text = "手机13812345678，邮箱wang@example.com，卡号6217001234567893";

  it("looks only for the kinds asked for", () => {
    expect(redactPii(text, { kinds: ["email"] }).text).toBe("手机13812345678，邮箱[EMAIL]，卡号6217001234567893");
    expect(redactPii(text, { kinds: ["phone", "bank_card"] }).text).toBe(
      "手机[PHONE]，邮箱wang@example.com，卡号[CARD]",
    );
    expect(redactPii(text, { kinds: [] }).text).toBe(text);
  });

  it("handles empty and digit-free text", () => {
    expect(redactPii("")).toEqual({ text: "", found: [] });
    expect(redactPii("客服态度很好，谢谢！")).toEqual({ text: "客服态度很好，谢谢！", found: [] });
  });

  it("refuses a text that is not a string", () => {
    expect(() => redactPii(42 as unknown as string)).toThrow(AttuneError);
    expect(() => redactPii(42 as unknown as string)).toThrow("attune: expected a string, found number");
    expect(() => redactPii(null as unknown as string)).toThrow("found null");
  });

  it("refuses unknown kinds and malformed options, naming the field", () => {
    expect(() => redactPii("x", { kinds: ["passport" as PiiKind] })).toThrow(
      'options.kinds[0]: expected one of phone, email, id_card, bank_card, found "passport"',
    );
    expect(() => redactPii("x", { kinds: "phone" as unknown as PiiKind[] })).toThrow(
      "options.kinds: expected an array, found string",
    );
    expect(() => redactPii("x", [] as unknown as { kinds?: PiiKind[] })).toThrow(
      "options: expected an object, found array",
    );
  });
});

/** Realistic pieces to build messages from: PII, near misses, and the text around them. */
const FRAGMENTS = [
  "13812345678",
  "138 1234 5678",
  "+86 138-1234-5678",
  "010-62345678",
  "0912-345-678",
  "(02) 2345-6789",
  "9123 4567",
  "+852 9123 4567",
  "+44 20 7946 0958",
  "(415) 555-0123",
  "a.b+c@mail.example.com",
  "11010519491231002X",
  "A123456789",
  "A123456(3)",
  "4111 1111 1111 1111",
  "6228480012345678903",
  "JD20260312-8841",
  "SF1234567890123",
  "20260312",
  "1234",
  "2026-03-12",
  "¥1,299.00",
  "@handle",
  "订单号",
  "我的手机是",
  "唔該",
  "，",
  "、",
  " ",
  "-",
  ".",
  "/",
  "(",
  ")",
  "+",
  "@",
  "X",
  "a",
  "0",
  "7",
];

/** Fragments glued together in any order: stresses the boundary rules. */
const glued = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(""));
/** Fragments separated the way people separate things in a message. */
const message = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(" ", "，", "、", "。", "\n", " / ", "：", ", ")), {
    maxLength: 12,
  })
  .map((parts) => parts.flat().join(""));
const anyText = fc.oneof(glued, message, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }));

describe("redactPii: properties", () => {
  it("never throws; spans are ordered, disjoint, inside the text, and match the output", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: out, found } = redactPii(text);
        let previousEnd = 0;
        let rebuilt = "";
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          rebuilt +=
            text.slice(previousEnd, f.start) +
            { phone: "[PHONE]", email: "[EMAIL]", id_card: "[ID]", bank_card: "[CARD]" }[f.kind];
          previousEnd = f.end;
        }
        expect(rebuilt + text.slice(previousEnd)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent: redacting redacted text changes nothing", () => {
    fc.assert(
      fc.property(fc.oneof(message, fc.string({ maxLength: 200 })), (text) => {
        const once = redactPii(text).text;
        expect(redactPii(once)).toEqual({ text: once, found: [] });
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the same spans when only some kinds are asked for", () => {
    const kinds = fc.subarray(["phone", "email", "id_card", "bank_card"] as PiiKind[]);
    fc.assert(
      fc.property(message, kinds, (text, wanted) => {
        for (const f of redactPii(text, { kinds: wanted }).found) expect(wanted).toContain(f.kind);
      }),
      { numRuns: 500 },
    );
  });
});
