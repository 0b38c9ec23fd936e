import { describe, expect, it } from "vitest";
import { parseSurveyCsv, parseSurveyJson } from "./survey.js";
import { fixture } from "./test-support.js";

describe("parseSurveyCsv", () => {
  it("reads a zh-Hans 问卷 export: 满意度 into meta.csat, 意见 into text, score-only answers with empty text", () => {
    const { messages, skipped } = parseSurveyCsv(fixture("survey/csat-zh.csv"), { utcOffsetMinutes: 480 });
    expect(messages[0]).toEqual({
      externalId: "survey:r-101",
      conversationId: "T-5501",
      customerId: "138****2201",
      channel: "survey",
      speaker: "customer",
      text: "问题拖了一个星期都没解决，每次都让我重新描述一遍，非常失望。",
      at: "2024-03-04T02:15:00.000Z",
      meta: { csat: 1 },
    });
    expect(messages.map((m) => [m.externalId, m.meta?.csat, m.text])).toEqual([
      ["survey:r-101", 1, "问题拖了一个星期都没解决，每次都让我重新描述一遍，非常失望。"],
      ["survey:r-102", 5, "客服小姐姐很耐心，十分钟就帮我改好了地址，点赞！"],
      ["survey:r-103", 4, ""],
      ["survey:r-106", undefined, "退款流程太複雜了，希望可以簡化。"],
    ]);
    expect(skipped).toEqual([
      { item: "row 4", reason: 'row 4: expected a CSAT score from 1 to 5 in column "满意度", found "7"' },
      {
        item: "row 5",
        reason: expect.stringMatching(
          /^row 5: no answer: expected a CSAT score or a comment \(one of csat, .*\), found neither$/,
        ),
      },
    ]);
  });

  it("keys answers without an id by content, so a re-import dedups", () => {
    const csv = "csat,feedback\n3,The courier was late again.\n";
    const once = parseSurveyCsv(csv, { survey: "nps-q1" }).messages[0];
    expect(once?.externalId).toMatch(/^nps-q1:[0-9a-f]{24}$/);
    expect(once?.meta).toEqual({ csat: 3, survey: "nps-q1" });
    expect(parseSurveyCsv(csv, { survey: "nps-q1" }).messages[0]?.externalId).toBe(once?.externalId);
  });

  it("answers an unknown layout with one clear error", () => {
    expect(parseSurveyCsv("name,phone\nAnn,555\n").skipped).toEqual([
      {
        item: "file",
        reason: expect.stringMatching(
          /^unknown layout: expected a CSAT or comment column \(one of .*\), found columns: name, phone$/,
        ),
      },
    ]);
  });
});

describe("parseSurveyJson", () => {
  it("reads zh-Hant, Cantonese and English answers with labelled scores", () => {
    const { messages, skipped } = parseSurveyJson(fixture("survey/csat-hk-en.json"));
    expect(messages.map((m) => [m.externalId, m.conversationId, m.meta?.csat, m.at])).toEqual([
      ["survey:q-1", "HK-301", 2, "2024-03-05T01:00:00.000Z"],
      ["survey:q-2", "HK-302", 5, "2024-03-05T01:30:00.000Z"],
      ["survey:q-3", undefined, 4, "2024-03-05T10:00:00.000Z"],
    ]);
    expect(messages[0]?.text).toBe("等咗三日先有人覆，仲要講極都唔明，好失望。");
    expect(skipped).toEqual([
      { item: "row 4", reason: 'row 4: expected a CSAT score from 1 to 5 in column "csat", found "0"' },
    ]);
  });

  it("reports broken JSON and bad input", () => {
    expect(parseSurveyJson("[1,").skipped[0]?.reason).toMatch(/^expected JSON, found invalid JSON/);
    expect(() => parseSurveyJson({} as unknown as string)).toThrow(
      "attune: parseSurveyJson expected a string or Buffer, found object",
    );
  });
});
