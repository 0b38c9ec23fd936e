import { describe, expect, it } from "vitest";
import { parseSocialCsv, parseSocialJson } from "./social.js";
import { fixture } from "./test-support.js";

describe("parseSocialCsv", () => {
  it("reads a zh-Hans/zh-Hant/Cantonese review export with BOM, CRLF, quoted fields and star ratings", () => {
    const { messages, skipped } = parseSocialCsv(fixture("social/dianping-reviews.csv"), { utcOffsetMinutes: 480 });
    expect(messages.map((m) => m.externalId)).toEqual([
      "dianping:dp-1001",
      "dianping:dp-1002",
      "openrice:dp-1003",
      "google:dp-1006",
    ]);
    expect(messages[0]).toEqual({
      externalId: "dianping:dp-1001",
      conversationId: "dp-1001",
      customerId: "吃货小王",
      channel: "review",
      speaker: "customer",
      text: '排队一个小时才上菜，服务员态度还很差，问了三次都说"马上就来"。再也不来了！',
      at: "2024-03-02T11:40:00.000Z",
      meta: { rating: 1, platform: "dianping", url: "https://www.dianping.example/review/1001" },
    });
    expect(messages[1]?.text).toBe("环境不错，菜品一般。\n甜品很好吃，推荐芒果班戟。");
    expect(messages[2]).toMatchObject({
      text: "等咗成個鐘都未有位，啲職員仲當我透明，真係激死人！",
      meta: { rating: 2 },
    });
    expect(messages[3]).toMatchObject({ customerId: "台北小美", at: "2024-03-05T10:20:00.000Z", meta: { rating: 5 } });
    expect(skipped).toEqual([
      { item: "row 4", reason: 'row 4: no text (column "review" is empty)' },
      {
        item: "row 5",
        reason: 'row 5: expected a rating like 4, 4/5 or ★★★★☆ in column "stars", found "five"',
      },
    ]);
  });

  it("reads a Weibo thread: replies join the root post's conversation and brand posts are the agent's", () => {
    const { messages, skipped } = parseSocialCsv(fixture("social/weibo-posts.csv"), { brandHandles: ["星辰商城"] });
    expect(messages.map((m) => [m.externalId, m.conversationId, m.speaker, m.channel])).toEqual([
      ["weibo:wb-9001", "wb-9001", "customer", "social"],
      ["weibo:wb-9002", "wb-9001", "agent", "social"],
      ["weibo:wb-9003", "wb-9001", "customer", "social"],
    ]);
    expect(messages[0]?.at).toBe("2024-03-04T06:00:00.000Z");
    expect(skipped).toEqual([
      {
        item: "row 4",
        reason: 'row 4: expected a date like 2024-03-01T10:00:00Z in column "timestamp", found "not a date"',
      },
    ]);
  });

  it("reads tab- and semicolon-separated exports", () => {
    const tsv = parseSocialCsv("author\ttext\nann\tThe app logs me out every hour.\n");
    expect(tsv.messages[0]).toMatchObject({
      customerId: "ann",
      text: "The app logs me out every hour.",
      channel: "social",
    });
    const semi = parseSocialCsv("user;comment;score\nbo;Slow delivery;2\n", { platform: "trustpilot" });
    expect(semi.messages[0]).toMatchObject({ channel: "review", meta: { rating: 2, platform: "trustpilot" } });
  });

  it("gives rows without an id a stable content key, so a re-import dedups", () => {
    const csv = "username,text,date\nkai,送错货了，而且没人回复。,2024-03-01T08:00:00Z\n";
    const first = parseSocialCsv(csv).messages[0]?.externalId;
    expect(first).toMatch(/^social:[0-9a-f]{24}$/);
    expect(parseSocialCsv(Buffer.from(csv)).messages[0]?.externalId).toBe(first);
  });

  it("answers an unknown layout with one clear error", () => {
    expect(parseSocialCsv("name,phone\nAnn,555-0100\n")).toEqual({
      messages: [],
      skipped: [
        {
          item: "file",
          reason:
            "unknown layout: expected a text column (one of text, content, body, review, review_text, comment, message, full_text), found columns: name, phone",
        },
      ],
    });
    expect(parseSocialCsv("").skipped[0]?.reason).toBe("expected a CSV header row, found an empty file");
    expect(parseSocialCsv('text\n"unclosed\n').skipped[0]?.reason).toMatch(/^expected valid CSV, found a syntax error/);
  });

  it("skips a row with the wrong number of fields", () => {
    const { messages, skipped } = parseSocialCsv("id,text\n1,ok\n2,too,many\n");
    expect(messages).toHaveLength(1);
    expect(skipped).toEqual([{ item: "row 2", reason: "row 2: expected 2 fields, found 3" }]);
  });

  it("validates its input and options", () => {
    expect(() => parseSocialCsv(null as unknown as string)).toThrow(
      "attune: parseSocialCsv expected a string or Buffer, found null",
    );
    expect(() => parseSocialCsv("text\nhi\n", { utcOffsetMinutes: 5000 })).toThrow(
      "utcOffsetMinutes expected minutes between -840 and 840, found 5000",
    );
  });
});

describe("parseSocialJson", () => {
  it("reads an X export with nested users and a Google review in Cantonese", () => {
    const { messages, skipped } = parseSocialJson(fixture("social/x-and-google.json"), {
      brandHandles: ["@ShopSupport"],
    });
    expect(messages).toHaveLength(3);
    expect(messages[0]).toEqual({
      externalId: "x:1765012345678901234",
      conversationId: "1765012345678901234",
      customerId: "dana_r",
      channel: "social",
      speaker: "customer",
      text: "@ShopSupport three weeks and my refund still hasn't shown up. Honestly done with this company.",
      at: "2024-03-04T15:02:11.000Z",
      lang: "en",
      meta: { platform: "x", url: "https://x.example/dana_r/status/1765012345678901234" },
    });
    expect(messages[1]).toMatchObject({ speaker: "agent", conversationId: "1765012345678901234" });
    expect(messages[2]).toMatchObject({
      externalId: "google:g-77",
      channel: "review",
      customerId: "陳太",
      at: "2024-03-05T02:00:00.000Z",
      meta: { rating: 5, platform: "google" },
    });
    expect(skipped).toEqual([
      {
        item: "row 4",
        reason:
          "row 4: no text column (expected one of text, content, body, review, review_text, comment, message, full_text)",
      },
      { item: "row 5", reason: 'row 5: expected an object, found "not an object"' },
    ]);
  });

  it("reports invalid JSON and unknown shapes without throwing", () => {
    expect(parseSocialJson("{oops").skipped[0]?.reason).toMatch(/^expected JSON, found invalid JSON: /);
    expect(parseSocialJson('{"meta":{}}').skipped[0]?.reason).toMatch(
      /^expected an array of records or an object with one of .*, found an object with keys: meta$/,
    );
    expect(parseSocialJson('[{"name":"x"}]').skipped[0]?.reason).toMatch(
      /^unknown layout: expected records with a text field/,
    );
  });
});
