import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Turn } from "../conversation/types.js";
import { shippedAnalyzer } from "../test-support/shipped.js";
import { createCoach } from "./create-coach.js";
import { extractFacts } from "./facts.js";

const coach = createCoach(shippedAnalyzer());
const customer = (...texts: string[]): Turn[] => texts.map((text) => ({ speaker: "customer", text }));

describe("suggestReplies", () => {
  it("gives three different empathy-first replies in the customer's language, with marked blanks", () => {
    const s = coach.suggestReplies(customer("我的订单JD20260312-8841三天了还没到，到底怎么回事？？"));
    expect(s.context.locale).toBe("zh-Hans");
    expect(s.replies).toHaveLength(3);
    expect(new Set(s.replies.map((r) => r.text)).size).toBe(3);
    for (const r of s.replies) {
      expect(r.text).toContain("JD20260312-8841"); // the known order number is filled in
      expect(r.blanks).toContain("time");
      expect(r.text).toContain("【时间】");
    }
  });

  it("answers Taiwan, Hong Kong and English customers in their own usage", () => {
    expect(coach.suggestReplies(customer("我的包裹已經延遲一個禮拜了，客服都不回，真的很扯！")).context.locale).toBe(
      "zh-Hant-TW",
    );
    const hk = coach.suggestReplies(customer("你哋送錯嘢畀我，仲要我自己搵人退，搞錯呀！"));
    expect(hk.context.locale).toBe("zh-Hant-HK");
    expect(hk.replies[0]?.text).toMatch(/[我哋您]/);
    expect(coach.suggestReplies(customer("My refund still hasn't arrived.")).context.locale).toBe("en");
  });

  it("never trips the tone guard it is checked by", () => {
    const conversations = [
      customer("Third time asking: where is my refund of $45.99 for order #A73920? Ridiculous."),
      customer("退款到现在还没到账，再不处理我就投诉到12315！"),
      customer("我的包裹已經延遲一個禮拜了，真的很扯！"),
      customer("點解仲未退錢畀我？等咗成個月"),
      customer("Hi, how do I change my delivery address?"),
    ];
    for (const conv of conversations) {
      for (const r of coach.suggestReplies(conv).replies) {
        const check = coach.checkDraft(r.text, conv);
        const bad = check.flags.filter((f) => !["missing_next_step"].includes(f.type));
        expect(bad, `${r.text}\n${JSON.stringify(bad)}`).toEqual([]);
      }
    }
  });

  it("matches intensity: no dramatic apology for a mild question", () => {
    const mild = coach.suggestReplies(customer("Hi, could you tell me when my order will ship?"));
    for (const r of mild.replies)
      expect(r.text).not.toMatch(/completely understand|every right|sincerely apologi[sz]e|very sorry/i);
    const angry = coach.suggestReplies(
      customer("This is the THIRD time my order is late!!! Absolutely unacceptable, I want a refund NOW"),
    );
    expect(angry.replies.some((r) => /sorry|apologi/i.test(r.text))).toBe(true);
  });

  it("sets a polite boundary with an abusive customer and offers to continue or escalate", () => {
    const s = coach.suggestReplies(customer("you useless idiots, where is my f**king parcel"));
    expect(s.context.boundary).toBe(true);
    for (const r of s.replies)
      expect(r.text).toMatch(/respectful|directed at me|continue|supervisor|senior colleague/i);
  });

  it("brings in a supervisor when the agent cannot settle it", () => {
    const s = coach.suggestReplies(customer("第三次联系了，再不退款我就找律师、打12315投诉你们！"));
    expect(s.context.escalate).toBe(true);
    expect(s.replies.some((r) => /主管|资深同事/.test(r.text))).toBe(true);
  });

  it("writes e-mail with a greeting, the customer's name and a sign-off", () => {
    const s = coach.suggestReplies(customer("Still no refund after two weeks."), {
      channel: "email",
      customerName: "Ms Lee",
    });
    expect(s.replies[0]?.text).toMatch(/^(Dear|Hello|Hi) Ms Lee,/);
    expect(s.replies[0]?.text).toMatch(/regards|wishes/i);
  });

  it("thanks a happy customer back instead of apologizing", () => {
    const s = coach.suggestReplies(customer("Thank you so much, the replacement arrived and it works perfectly!"));
    for (const r of s.replies) expect(r.text).not.toMatch(/sorry|apologi/i);
  });
});

describe("checkDraft", () => {
  const angry = customer("我的订单JD20260312-8841三天了还没到，第三次问了！");

  it("flags refusals, blame, dismissals, jargon, over-promises, cold text and what is missing, with spans and reasons", () => {
    const draft =
      "冷静一下。这个没办法，您应该早点下单的。订单JD20260312-8841已经在系统回传中，保证明天一定到，请耐心等待。";
    const check = coach.checkDraft(draft, angry);
    const types = check.flags.map((f) => f.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "dismissal",
        "absolute_refusal",
        "blame",
        "jargon",
        "over_promise",
        "too_cold",
        "missing_apology",
      ]),
    );
    for (const f of check.flags) {
      expect(draft.slice(f.start, f.end)).toBe(f.text);
      expect(f.reason.length).toBeGreaterThan(10);
    }
    expect(check.empathy.score).toBeLessThan(20);
    expect(check.empathy.breakdown.length).toBeGreaterThan(2);
  });

  it("rewrites to fix the tone and keeps every fact", () => {
    const draft =
      "Calm down. There's nothing I can do, you should have read the T&Cs. The RMA for #A73920 ($45.99) was filed on March 15 at 3:30pm.";
    const check = coach.checkDraft(draft, customer("Where is my refund?! Third time asking!"));
    for (const fact of ["#A73920", "$45.99", "March 15", "3:30pm"]) expect(check.rewrite).toContain(fact);
    const again = coach.checkDraft(check.rewrite, customer("Where is my refund?! Third time asking!"));
    const left = again.flags.filter((f) => ["dismissal", "absolute_refusal", "blame", "jargon"].includes(f.type));
    expect(left).toEqual([]);
    expect(again.empathy.score).toBeGreaterThan(check.empathy.score + 30);
  });

  it("leaves a good draft alone", () => {
    const good =
      "非常理解您的心情，真的很抱歉让您等了这么久。我马上联系快递核实订单JD20260312-8841，今天下午5点前给您答复，如果今天还找不到，我直接为您补发，之后我会一直跟进。";
    const check = coach.checkDraft(good, angry);
    expect(check.flags).toEqual([]);
    expect(check.empathy.score).toBeGreaterThanOrEqual(80);
  });

  it("never drops an order number, amount, date or time from a draft (property)", () => {
    const facts = fc.constantFrom(
      "JD20260312-8841",
      "#A73920",
      "¥128.50",
      "HK$399",
      "$45.99",
      "3月15日",
      "March 15",
      "下午3点前",
      "5pm",
      "48小时内",
      "15/3",
    );
    const noise = fc.constantFrom(
      "冷静一下。",
      "这个没办法。",
      "您应该早点说。",
      "Calm down.",
      "There's nothing I can do.",
      "You should have checked.",
      "请耐心等待。",
      "Noted.",
      "保证明天到。",
      "lol ",
      "亲~ ",
      "The SKU is wrong. ",
      "我们会处理",
      "We will check",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(facts, noise), { minLength: 1, maxLength: 8 }), (parts) => {
        const draft = parts.join(" ");
        const check = coach.checkDraft(draft, angry);
        for (const f of extractFacts(draft)) expect(check.rewrite).toContain(f.text);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a draft that is not a string", () => {
    expect(() => coach.checkDraft(42 as unknown as string, angry)).toThrow(
      /expected the draft to be a string, found number/,
    );
  });
});

describe("extractFacts", () => {
  it("finds order numbers, amounts, dates and times in three languages", () => {
    const text =
      "订单JD20260312-8841退款¥128.50，3月15日下午3点前到账；order #A73920, $45.99 refunded on March 15 by 5pm; 單號HK889900123 HK$399";
    expect(extractFacts(text).map((f) => f.text)).toEqual(
      expect.arrayContaining([
        "JD20260312-8841",
        "¥128.50",
        "3月15日",
        "下午3点前",
        "#A73920",
        "$45.99",
        "March 15",
        "5pm",
        "HK889900123",
        "HK$399",
      ]),
    );
  });
});
