import { describe, expect, it } from "vitest";
import { blankRanges, findQuotedRanges } from "./quoted.js";

const own = (text: string) => blankRanges(text, findQuotedRanges(text)).trim();

describe("findQuotedRanges", () => {
  it("drops '> ' quoted lines wherever they are", () => {
    expect(own("Still not fixed.\n> We have fixed your router.\n> Regards")).toBe("Still not fixed.");
  });

  it("drops everything from an Original Message block", () => {
    const text =
      "Nobody called me back.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nThank you for contacting us, we are happy to help";
    expect(own(text)).toBe("Nobody called me back.");
  });

  it("drops 'On … wrote:' and Chinese 在…写道： blocks", () => {
    expect(
      own("Thanks, that worked!\nOn Mon, 3 Mar 2025 at 10:02, Support <help@x.com> wrote:\nPlease restart it"),
    ).toBe("Thanks, that worked!");
    expect(own("还是没有到账\n在 2025年3月5日 周三 10:20，客服中心 写道：\n您好，退款已经处理")).toBe("还是没有到账");
    expect(own("仲未收到\n於 2025年3月5日 客服 寫道：\n已經寄出")).toBe("仲未收到");
  });

  it("drops signatures after '-- ' and 'Sent from my iPhone'", () => {
    expect(own("Where is my parcel?\n-- \nJohn Smith\nACME Ltd")).toBe("Where is my parcel?");
    expect(own("退款呢？\n发自我的iPhone")).toBe("退款呢？");
  });

  it("keeps offsets: blanking preserves length", () => {
    const text = "Line one\n> quoted angry words\nLine three";
    const blanked = blankRanges(text, findQuotedRanges(text));
    expect(blanked.length).toBe(text.length);
    expect(blanked.indexOf("Line three")).toBe(text.indexOf("Line three"));
  });

  it("a single line is never treated as a quote", () => {
    expect(findQuotedRanges("> this is how I start my message")).toEqual([]);
  });

  it("a From: line alone (no Sent/To after it) is the customer's own text", () => {
    expect(own("Hello\nFrom: the customer at flat 3, still waiting")).toContain("still waiting");
  });
});
