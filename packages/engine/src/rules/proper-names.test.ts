import { describe, expect, it } from "vitest";
import { shippedAnalyzer } from "../test-support/shipped.js";

const cues = (text: string) =>
  shippedAnalyzer()
    .prepare(text)
    .rules.evidence.map((e) => e.text);

describe("dropNameHits: sentiment words inside capitalized names", () => {
  it("ignores a feeling word that is part of a person's, a show's or a shop's name", () => {
    expect(cues("I may go to the Taylor Swift concert on Sunday")).not.toContain("Swift");
    expect(cues("The Walking Dead finale was awful")).toEqual(["awful"]);
    expect(cues("I called Best Buy and they hung up on me")).not.toContain("Buy");
  });

  it("keeps the same word in lower case, at the start of a sentence, and in greetings", () => {
    expect(cues("the delivery was swift and painless")).toContain("swift");
    expect(cues("Dead battery again. Great.")).toContain("Dead");
    expect(cues("Happy New Year everyone")).toContain("Happy");
    expect(cues("Wishing you a Merry Christmas")).toContain("Merry");
  });

  it("leaves text written mostly in Title case alone (headlines, emphasis)", () => {
    expect(cues("So Happy With This Purchase")).toContain("Happy With");
    expect(cues("I Love This Product So Much").join(" ")).toMatch(/Love/);
  });

  it("keeps evidence offsets exact after dropping hits", () => {
    const text = "Ordered from Best Buy, the screen is terrible";
    for (const e of shippedAnalyzer().analyze(text).evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
