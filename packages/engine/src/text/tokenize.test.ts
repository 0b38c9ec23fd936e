import { describe, expect, it } from "vitest";
import { characterSegmenter, tokenize } from "./tokenize.js";

const kinds = (text: string) => tokenize(text, characterSegmenter).map((t) => `${t.kind}:${t.text}`);

describe("tokenize", () => {
  it("keeps English contractions and hyphenated words whole", () => {
    expect(kinds("don't won't follow-up")).toEqual(["word:don't", "word:won't", "word:follow-up"]);
  });

  it("recognizes emoticons and emoji (with skin tones and ZWJ sequences)", () => {
    expect(kinds(":( :-) >:( t_t xd <3 orz")).toEqual([
      "emoticon::(",
      "emoticon::-)",
      "emoticon:>:(",
      "emoticon:t_t",
      "emoticon:xd",
      "emoticon:<3",
      "emoticon:orz",
    ]);
    expect(kinds("👍🏻 👨‍👩‍👧 😡")).toEqual(["emoji:👍🏻", "emoji:👨‍👩‍👧", "emoji:😡"]);
  });

  it("does not take list numbering for an emoticon", () => {
    expect(kinds("(item 8)")).toEqual(["punct:(", "word:item", "number:8", "punct:)"]);
  });

  it("keeps masked profanity as one word", () => {
    expect(kinds("f**k this")).toEqual(["word:f**k", "word:this"]);
  });

  it("groups repeated punctuation", () => {
    expect(kinds("why!!!??")).toEqual(["word:why", "punct:!!!??"]);
  });

  it("segments Chinese runs with the given segmenter and keeps offsets", () => {
    const tokens = tokenize("退款 refund 呢", (run) => (run === "退款" ? ["退款"] : Array.from(run)));
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ["退款", 0, 2],
      ["refund", 3, 9],
      ["呢", 10, 11],
    ]);
  });

  it("falls back to characters when a segmenter loses characters", () => {
    const tokens = tokenize("退款呢", () => ["退款"]);
    expect(tokens.map((t) => t.text)).toEqual(["退", "款", "呢"]);
  });
});

describe("tokenize: mentions and links", () => {
  it("keeps @handles and URLs as single tokens, not words", () => {
    expect(
      tokenize("@user thanks! see https://x.co/a?b=1 or www.example.com", characterSegmenter).map((t) => t.kind),
    ).toEqual(["mention", "word", "punct", "word", "url", "word", "url"]);
  });
});
