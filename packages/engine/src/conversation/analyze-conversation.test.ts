import { describe, expect, it } from "vitest";
import { AttuneError } from "../errors.js";
import { shippedAnalyzer } from "../test-support/shipped.js";
import type { Turn } from "./types.js";

const analyze = (turns: Turn[], options = {}) => shippedAnalyzer().analyzeConversation(turns, options);
const c = (text: string, at?: string): Turn => (at ? { speaker: "customer", text, at } : { speaker: "customer", text });
const a = (text: string, at?: string): Turn => (at ? { speaker: "agent", text, at } : { speaker: "agent", text });

describe("analyzeConversation", () => {
  it("reads 好的 after a fix as relief and 好的吧…… after three hand-offs as resignation", () => {
    const fixed = analyze([
      c("退款到现在还没到账，怎么回事？"),
      a("非常抱歉，已经为您处理好了，退款已到账，请查看。"),
      c("好的"),
    ]);
    expect(fixed.final.polarity).toBe("positive");
    expect(fixed.turns[2]?.state?.note).toMatch(/relief/);
    const resigned = analyze([
      c("退款到现在还没到账"),
      a("我帮您转接到退款部门。"),
      { speaker: "bot", text: "请选择：1 查询 2 退款 3 人工" },
      a("这个问题我转给相关部门的同事处理。"),
      c("好的吧……"),
    ]);
    expect(resigned.final.polarity).toBe("negative");
    expect(resigned.turns[4]?.state?.note).toMatch(/resignation/);
  });

  it("'fine.' after a struggle is rarely fine", () => {
    const r = analyze([
      c("I've been charged twice and nobody answers my emails"),
      a("Please hold while I transfer you."),
      c("fine."),
    ]);
    expect(r.final.polarity).toBe("negative");
  });

  it("finds the trajectory and the agent turns that changed it", () => {
    const recovered = analyze([
      c("My order is a week late and nobody replies. This is ridiculous!"),
      a(
        "I'm really sorry, I completely understand how frustrating this is. I've arranged a replacement by express; it will arrive tomorrow before 12pm, and I'll follow up with you.",
      ),
      c("Oh wow, thank you so much, that's great!"),
    ]);
    expect(recovered.trajectory).toBe("recovered");
    expect(recovered.turningPoints).toEqual([expect.objectContaining({ turn: 1, direction: "better" })]);
    const escalating = analyze([
      c("Hi, my parcel hasn't arrived yet, could you check?"),
      a("Calm down. There's nothing I can do, you should have chosen express."),
      c("Are you KIDDING me?! This is the worst service ever, I'm filing a chargeback!!!"),
    ]);
    expect(escalating.trajectory).toBe("escalating");
    expect(escalating.turningPoints[0]).toMatchObject({ turn: 1, direction: "worse" });
    expect(escalating.turningPoints[0]?.why).toMatch(/blamed|dismissed|refusal/);
    expect(analyze([c("请问周末营业吗？"), a("您好，周末正常营业。"), c("好的，了解")]).trajectory).toBe("steady");
  });

  it("priority explains itself: reasons, factor shares summing to 1, operator weights", () => {
    const turns = [
      c("第三次联系你们了！快递还是没到，再不处理我就打12315投诉！", "2026-03-02T10:00:00+08:00"),
      c("人呢？？", "2026-03-02T10:14:00+08:00"),
    ];
    const r = analyze(turns, { contactsThisWeek: 2, now: "2026-03-02T10:14:00+08:00" });
    expect(r.priority.reasons.join(" | ")).toMatch(/threatened .*12315.* complaint/);
    expect(r.priority.reasons.join(" | ")).toMatch(/3rd contact this week/);
    expect(r.priority.reasons.join(" | ")).toMatch(/waiting 14 min/);
    const shares = r.priority.factors.reduce((s, f) => s + f.share, 0);
    expect(shares).toBeCloseTo(1, 2);
    const again = analyze(turns, { contactsThisWeek: 2, now: "2026-03-02T10:14:00+08:00" });
    expect(again.priority).toEqual(r.priority);
    const noThreatWeight = analyze(turns, {
      contactsThisWeek: 2,
      now: "2026-03-02T10:14:00+08:00",
      priorityWeights: { escalationThreat: 0 },
    });
    expect(noThreatWeight.priority.score).toBeLessThan(r.priority.score);
  });

  it("an angry threatening customer outranks a calm question", () => {
    const angry = analyze([
      c("This is the 4th time I'm asking for my refund. I'm reporting you to the BBB and disputing the charge!"),
    ]);
    const calm = analyze([c("Hi, what are your opening hours on Sunday?")]);
    expect(angry.priority.score).toBeGreaterThan(calm.priority.score + 20);
    expect(angry.escalationRisk.score).toBeGreaterThan(calm.escalationRisk.score);
    expect(angry.escalationRisk.reasons.length).toBeGreaterThan(0);
    expect(angry.satisfaction.score).toBeLessThan(calm.satisfaction.score);
  });

  it("scores agent turns with a breakdown", () => {
    const r = analyze([
      c("你们又把我的订单弄丢了，太过分了！"),
      a(
        "非常理解您的心情，真的很抱歉。我马上为您补发，今天下午5点前给您物流单号，或者您也可以选择全额退款，之后我会跟进到您收到为止。",
      ),
      c("好吧"),
      a("这个没办法，您应该自己去驿站找。"),
    ]);
    const good = r.turns[1]?.quality;
    const bad = r.turns[3]?.quality;
    expect(good?.empathy).toBeGreaterThan(80);
    expect(good?.helpfulness).toBeGreaterThan(80);
    expect(good?.breakdown.filter((b) => b.met === true).map((b) => b.check)).toEqual(
      expect.arrayContaining([
        "acknowledged the feeling",
        "apologized where the company is at fault",
        "owned the problem",
        "gave a concrete next step",
        "offered options",
        "promised a follow-up",
      ]),
    );
    expect(bad?.empathy).toBeLessThan(40);
    expect(bad?.breakdown.filter((b) => b.fault).map((b) => b.check)).toEqual(
      expect.arrayContaining(["flat refusal", "blamed the customer"]),
    );
    expect(r.agentQuality?.turns).toBe(2);
  });

  it("rejects malformed turns naming the turn and field", () => {
    expect(() => analyze("hi" as unknown as Turn[])).toThrow(AttuneError);
    expect(() => analyze([{ speaker: "boss", text: "hi" } as unknown as Turn])).toThrow(
      /turns\[0\]\.speaker: expected one of customer, agent, bot, found "boss"/,
    );
    expect(() => analyze([{ speaker: "customer", text: 5 } as unknown as Turn])).toThrow(
      /turns\[0\]\.text: expected a string, found number/,
    );
    expect(() => analyze([{ speaker: "customer", text: "hi", at: "yesterday-ish" }])).toThrow(
      /turns\[0\]\.at: expected an ISO-8601 time/,
    );
  });

  it("handles an empty conversation and an agent-only one", () => {
    expect(analyze([]).final.emotion).toBe("neutral");
    expect(analyze([a("Hello, how can I help?")]).agentQuality?.turns).toBe(1);
  });
});
