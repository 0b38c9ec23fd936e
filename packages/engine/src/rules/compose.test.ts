import { describe, expect, it } from "vitest";
import { tinyAnalyzer } from "../test-support/tiny-lexicon.js";

const prepare = (text: string) => tinyAnalyzer().prepare(text);
const evidenceFor = (text: string, cue: string) => prepare(text).rules.evidence.find((e) => e.cue === cue);

describe("composeRules", () => {
  it("a returning customer's praise is loyalty, not a repeat contact", () => {
    for (const text of [
      "第三次回购了，好吃！",
      "3rd time ordering here and great as always",
      "Bought it again, so happy",
    ]) {
      const r = prepare(text).rules;
      expect(r.signals.repeatContact.score, text).toBe(0);
      expect(r.flags.has("sarcasm"), text).toBe(false);
      expect(r.positive, text).toBeGreaterThan(0);
    }
    // A count beside a complaint still is one, and praise beside a count is still sarcasm.
    expect(prepare("第三次买了，又慢又难吃").rules.signals.repeatContact.score).toBeGreaterThan(0.5);
    expect(prepare("I have called 3 times, terrible").rules.signals.repeatContact.score).toBeGreaterThan(0.5);
    const sarcastic = prepare("Great, third time this week!!").rules;
    expect(sarcastic.signals.repeatContact.score).toBeGreaterThan(0.5);
    expect(sarcastic.flags.has("sarcasm")).toBe(true);
  });

  it("praise asked about with 'when' is waited for, not had", () => {
    for (const text of ["幾時搞掂？", "When will it be good?", "Can you tell me when it will be great?"]) {
      const r = prepare(text).rules;
      expect(r.positive, text).toBe(0);
      expect(
        r.evidence.some((e) => e.effect.includes("asked when")),
        text,
      ).toBe(true);
    }
    // Not a question, or praise in a sentence of its own: felt.
    expect(prepare("When I called, it was great").rules.positive).toBeGreaterThan(0);
    expect(prepare("When is my refund coming? Thanks!").rules.positive).toBeGreaterThan(0);
    expect(prepare("搞掂").rules.positive).toBeGreaterThan(0);
  });

  it("a blocker keeps a feeling word inside it from matching, and shows nothing itself", () => {
    const r = prepare("慢慢来").rules;
    expect(r.negative).toBe(0);
    expect(r.evidence).toEqual([]);
    expect(prepare("太慢").rules.negative).toBeGreaterThan(0);
  });

  it("'still the same' complains, unless praise follows it", () => {
    expect(prepare("还是一样，没修好").rules.negative).toBeGreaterThan(0);
    const praise = prepare("还是一样好吃").rules;
    expect(praise.negative).toBe(0);
    expect(praise.positive).toBeGreaterThan(0);
  });

  it("negation flips a positive word within its scope, in both languages", () => {
    expect(prepare("我很满意").rules.positive).toBeGreaterThan(0);
    const zh = prepare("我不是很满意").rules;
    expect(zh.negative).toBeGreaterThan(0);
    expect(zh.positive).toBe(0);
    expect(zh.flags.has("negation")).toBe(true);
    const en = prepare("I'm not happy").rules;
    expect(en.negative).toBeGreaterThan(0);
    expect(en.positive).toBe(0);
    const contraction = prepare("I wasn't happy").rules;
    expect(contraction.negative).toBeGreaterThan(0);
  });

  it("negation does not reach across a clause boundary", () => {
    const r = prepare("不是我说，满意").rules;
    expect(r.positive).toBeGreaterThan(0);
    expect(r.negative).toBe(0);
  });

  it("negating a negative word only weakly helps", () => {
    const r = prepare("不难吃").rules;
    expect(r.positive).toBeGreaterThan(0);
    expect(r.positive).toBeLessThan(1);
  });

  it("Cantonese negators 唔 and 冇 negate", () => {
    expect(prepare("唔满意").rules.negative).toBeGreaterThan(0);
  });

  it("degree words strengthen and diminishers soften", () => {
    const plain = prepare("慢").rules.negative;
    expect(prepare("非常慢").rules.negative).toBeGreaterThan(plain);
    expect(prepare("有点慢").rules.negative).toBeLessThan(plain);
    expect(prepare("very good").rules.positive).toBeGreaterThan(prepare("good").rules.positive);
    expect(prepare("a bit worried").rules.negative).toBeLessThan(prepare("worried").rules.negative);
  });

  it("suffix degree words (气死了, 好吃极了) strengthen the word before them", () => {
    expect(prepare("好吃极了").rules.positive).toBeGreaterThan(prepare("好吃").rules.positive);
  });

  it("contrast makes what follows weigh more than what came before", () => {
    const r = prepare("The food was good but the delivery was terrible");
    expect(r.rules.flags.has("contrast")).toBe(true);
    expect(r.rules.negative).toBeGreaterThan(r.rules.positive * 1.5);
    const zh = prepare("味道不错，但是送得太慢了").rules;
    expect(zh.negative).toBeGreaterThan(0);
    const reversed = prepare("送得慢，但是味道不错").rules;
    expect(reversed.positive).toBeGreaterThan(reversed.negative);
  });

  it("rhetorical questions read as accusations", () => {
    const r = prepare("难道你们不知道吗？");
    expect(r.rules.flags.has("rhetorical")).toBe(true);
    expect(r.rules.emotions[0]).toBeGreaterThan(0); // anger
    expect(prepare("why on earth would you do that?").rules.flags.has("rhetorical")).toBe(true);
  });

  it("repeated punctuation, capitals and elongation raise arousal or strength", () => {
    expect(prepare("生气！！！").rules.arousal).toBeGreaterThan(prepare("生气。").rules.arousal);
    expect(prepare("I am SO ANGRY right now").rules.flags.has("caps")).toBe(true);
    const long = prepare("sooo disappointed").rules;
    expect(prepare("so disappointed").rules.negative).toBeGreaterThan(0);
    expect(long.negative).toBeGreaterThan(0);
    expect(prepare("I'm happyyyy").rules.flags.has("elongation")).toBe(true);
  });

  it("emoji and emoticons are cues", () => {
    expect(prepare("😡😡").rules.negative).toBeGreaterThan(2);
    expect(prepare("ok :(").rules.negative).toBeGreaterThan(0);
    expect(prepare("谢谢🙏").rules.positive).toBeGreaterThan(2);
  });

  it("polite anger: thanks for making me wait is anger, not gratitude", () => {
    const r = prepare("谢谢你们让我等了三天");
    expect(r.rules.flags.has("polite_anger")).toBe(true);
    expect(r.rules.negative).toBeGreaterThan(r.rules.positive);
    expect(prepare("thanks for making me wait a week").rules.flags.has("polite_anger")).toBe(true);
  });

  it("sarcasm: praise beside a complaint turns negative and sets the signal", () => {
    const r = prepare("真是太棒了，又延误了");
    expect(r.rules.flags.has("sarcasm")).toBe(true);
    expect(r.rules.signals.sarcasm.score).toBeGreaterThanOrEqual(0.5);
    expect(r.rules.negative).toBeGreaterThan(r.rules.positive);
    // Plain praise stays praise.
    expect(prepare("真是太棒了，谢谢").rules.flags.has("sarcasm")).toBe(false);
  });

  it("signals: threats, churn, abuse, urgency and counted repeat contacts, with evidence", () => {
    const r = prepare("第三次了，再不退款我就打12315投诉，然后销户").rules;
    expect(r.signals.escalationThreat.score).toBeGreaterThan(0.9);
    expect(r.signals.churnIntent.score).toBeGreaterThan(0.8);
    expect(r.signals.repeatContact.score).toBeGreaterThan(0.7);
    expect(r.signals.repeatContact.evidence[0]?.text).toBe("第三次");
    expect(prepare("This is the 5th time I've asked").rules.signals.repeatContact.score).toBeGreaterThan(0.7);
    expect(prepare("fix it asap or I file a chargeback").rules.signals.urgency.score).toBeGreaterThan(0.7);
    expect(prepare("you f**king idiot").rules.signals.abuse.score).toBeGreaterThan(0.8);
  });

  it("a negated threat is not a threat", () => {
    expect(prepare("我不会投诉的").rules.signals.escalationThreat.score).toBe(0);
  });

  it("causes name what the customer talks about", () => {
    const r = prepare("快递还没到，退款呢").rules;
    expect(r.causes.map((c) => c.aspect)).toEqual(["delivery", "refund_return"]);
  });

  it("mixed emotions keep both sides", () => {
    const r = prepare("I'm happy with the product but worried about the delivery").rules;
    expect(r.positive).toBeGreaterThan(0);
    expect(r.negative).toBeGreaterThan(0);
  });

  it("evidence slices the original text exactly, also for Traditional characters", () => {
    const text = "真係好嬲！搞錯咗啦";
    const ev = prepare(text).rules.evidence;
    expect(ev.length).toBeGreaterThan(0);
    for (const e of ev) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(evidenceFor(text, "搞錯")?.text).toBe("搞錯");
  });
});
