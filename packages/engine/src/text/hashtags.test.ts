import { describe, expect, it } from "vitest";
import { shippedAnalyzer } from "../test-support/shipped.js";
import { splitHashtags } from "./hashtags.js";
import { characterSegmenter, tokenize } from "./tokenize.js";

const words = (text: string) =>
  splitHashtags(text, text.toLowerCase(), tokenize(text.toLowerCase(), characterSegmenter))
    .filter((t) => t.kind === "word")
    .map((t) => `${t.text}@${t.start}`);

describe("splitHashtags", () => {
  it("splits PascalCase tags into their words, with offsets into the text", () => {
    expect(words("#NeverAgain")).toEqual(["never@1", "again@6"]);
    expect(words("so slow #WorstServiceEVER")).toEqual(["so@0", "slow@3", "worst@9", "service@14", "ever@21"]);
    expect(words("#IHateMondays")).toEqual(["i@1", "hate@2", "mondays@6"]);
  });

  it("leaves names, single words and words outside tags alone", () => {
    expect(words("#iPhone #eBay #fail #Monday")).toEqual(["iphone@1", "ebay@9", "fail@15", "monday@21"]);
    expect(words("NeverAgain without a hash")).toEqual(["neveragain@0", "without@11", "a@19", "hash@21"]);
  });

  it("lets the engine read a tagged complaint, evidence pointing into the tag", () => {
    const text = "Three hours on hold #WorstServiceEver";
    const result = shippedAnalyzer().analyze(text);
    expect(result.polarity).toBe("negative");
    const cue = result.evidence.find((e) => e.cue === "worst service" || e.cue === "worst");
    expect(cue).toBeDefined();
    expect(text.slice(cue?.start, cue?.end)).toBe(cue?.text);
    // The words of a split tag touch: none of them is taken for part of a name.
    expect(shippedAnalyzer().prepare("#TotallyDisappointed with the update").rules.negative).toBeGreaterThan(0);
  });
});
