import { describe, expect, it } from "vitest";
import { NEGATIVE_EMOTIONS, POSITIVE_EMOTIONS } from "./labels.js";
import { shippedAnalyzer } from "./test-support/shipped.js";

const analyze = (text: string) => shippedAnalyzer().analyze(text);

describe("analyze (shipped lexicons and model): what the engine must understand", () => {
  it("reads Cantonese code-switching and keeps evidence offsets in the Traditional original", () => {
    const text = "呢個 refund 到底幾時搞掂?我等咗成個禮拜，真係好嬲";
    const r = analyze(text);
    expect(r.lang).toBe("yue");
    expect(r.codeSwitching).toBe(true);
    expect(r.polarity).toBe("negative");
    expect(r.causes.map((c) => c.aspect)).toContain("refund_return");
    for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(r.evidence.some((e) => e.text.includes("嬲"))).toBe(true);
  });

  it("polite anger is anger, not gratitude", () => {
    const r = analyze("谢谢你们让我等了三天");
    expect(r.polarity).toBe("negative");
    expect(NEGATIVE_EMOTIONS.has(r.emotion)).toBe(true);
  });

  it("sarcasm: praise around a delay is negative, with the signal", () => {
    const r = analyze("真是太棒了，又延误了");
    expect(r.polarity).toBe("negative");
    expect(r.signals.sarcasm.present).toBe(true);
    const en = analyze("Great, another two hours on hold. Just perfect.");
    expect(en.polarity).toBe("negative");
  });

  it("escalation threats, repeat contact and urgency, each with evidence", () => {
    const r = analyze("我已经是第三次联系你们了！再不解决我就打12315投诉你们");
    expect(r.signals.escalationThreat.present).toBe(true);
    expect(r.signals.repeatContact.present).toBe(true);
    expect(r.signals.escalationThreat.evidence.map((e) => e.text).join()).toMatch(/12315|投诉/);
    expect(r.polarity).toBe("negative");
    expect(["anger", "frustration"]).toContain(r.emotion);
    expect(analyze("fix this asap, I need it working today").signals.urgency.present).toBe(true);
    expect(analyze("I'm going to file a chargeback and report you to the BBB").signals.escalationThreat.present).toBe(
      true,
    );
  });

  it("churn intent in three languages", () => {
    expect(analyze("I want to cancel my account, I'm switching to another provider").signals.churnIntent.present).toBe(
      true,
    );
    expect(analyze("再这样我就销户了，换别家").signals.churnIntent.present).toBe(true);
  });

  it("abuse aimed at staff", () => {
    expect(analyze("你们客服都是傻逼吗").signals.abuse.present).toBe(true);
    expect(analyze("you useless idiots").signals.abuse.present).toBe(true);
  });

  it("negation: not happy is negative, not bad is not negative", () => {
    expect(analyze("I'm not happy with this at all").polarity).toBe("negative");
    expect(analyze("我对这次服务一点都不满意").polarity).toBe("negative");
    expect(analyze("not bad at all, works fine").polarity).not.toBe("negative");
  });

  it("contrast: the clause after 'but' decides", () => {
    expect(analyze("The food was great but the delivery took two hours and it arrived cold").polarity).toBe("negative");
    expect(analyze("等了挺久的，但是东西质量真的很好，很满意").polarity).toBe("positive");
  });

  it("rhetorical questions read as anger", () => {
    const r = analyze("難道你們不知道客人一直在等嗎？");
    expect(r.polarity).toBe("negative");
    expect(r.evidence.some((e) => e.cue === "难道")).toBe(true);
  });

  it("capitals and repeated punctuation raise arousal", () => {
    const loud = analyze("WHERE IS MY ORDER?!?! THIS IS RIDICULOUS");
    const calm = analyze("where is my order? this is a bit slow");
    expect(loud.arousal).toBeGreaterThan(calm.arousal);
    expect(loud.polarity).toBe("negative");
  });

  it("emoji, elongation and degree words", () => {
    expect(analyze("sooo disappointed 😞").polarity).toBe("negative");
    expect(analyze("超级好吃！！下次还点👍").polarity).toBe("positive");
    expect(analyze("非常非常生气").intensity).toBeGreaterThan(analyze("有点不太满意").intensity);
  });

  it("gratitude and joy are positive", () => {
    const r = analyze("Thank you so much, you saved my day!");
    expect(r.polarity).toBe("positive");
    expect(POSITIVE_EMOTIONS.has(r.emotion)).toBe(true);
    expect(analyze("客服小姐姐太耐心了，谢谢！").polarity).toBe("positive");
  });

  it("mixed emotions list more than one emotion", () => {
    const r = analyze("I'm happy the refund came through, but honestly worried it will happen again next month");
    expect(r.emotions.length).toBeGreaterThan(1);
  });

  it("a plain question is neutral or confusion", () => {
    expect(["neutral", "confusion"]).toContain(analyze("请问你们周末营业吗").emotion);
    expect(["neutral", "confusion"]).toContain(analyze("What are your opening hours on Sunday?").emotion);
  });

  it("quoted e-mail history is not the customer's words", () => {
    const text =
      "Thanks, it works now. Really appreciate the quick fix!\n\nOn Mon, 3 Mar 2025 at 09:12, Support <help@example.com> wrote:\n> I am FURIOUS, this is the worst service ever and I will sue you";
    const r = analyze(text);
    expect(r.polarity).toBe("positive");
    expect(r.ignored.length).toBe(1);
    expect(r.signals.escalationThreat.present).toBe(false);
    for (const e of r.evidence) expect(e.start).toBeLessThan(r.ignored[0]?.start ?? 0);
  });

  it("reads the bracket emoticons of Weibo and WeChat as whole cues, brackets included in the evidence", () => {
    const angry = analyze("又加班到十点[怒][怒]");
    expect(angry.polarity).toBe("negative");
    expect(angry.evidence.filter((e) => e.text === "[怒]")).toHaveLength(2);
    const wry = "考试挂了[允悲]";
    const cue = analyze(wry).evidence.find((e) => e.text === "[允悲]");
    expect(cue && wry.slice(cue.start, cue.end)).toBe("[允悲]"); // one cue, not 悲 inside it
    expect(analyze("謝謝大家幫忙[心][心]").polarity).toBe("positive"); // Traditional text too
    expect(analyze("老板说明天放假[doge]").evidence.map((e) => e.text)).toContain("[doge]");
  });

  it("returns the full EmotionResult shape", () => {
    const r = analyze("快递三天了还没到，有点着急");
    expect(Object.keys(r.signals).sort()).toEqual(
      ["abuse", "churnIntent", "escalationThreat", "repeatContact", "sarcasm", "urgency"].sort(),
    );
    expect(r.emotions[0]?.label).toBe(r.emotion);
    expect(r.valence).toBeGreaterThanOrEqual(-1);
    expect(r.langConfidence).toBeGreaterThan(0.5);
    expect(r.causes.map((c) => c.aspect)).toContain("delivery");
  });
});
