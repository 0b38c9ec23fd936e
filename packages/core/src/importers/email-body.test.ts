import { describe, expect, it } from "vitest";
import { splitEmailBody } from "./email-body.js";

describe("splitEmailBody", () => {
  it("keeps a body with no history or signature whole", () => {
    expect(splitEmailBody("The app crashes every time I open my orders.\r\nPlease help.")).toEqual({
      text: "The app crashes every time I open my orders.\nPlease help.",
    });
  });

  it("separates an 'On … wrote:' attribution wrapped over two lines", () => {
    const parts = splitEmailBody(
      "Still not fixed.\n\nOn Mon, 4 Mar 2024 at 10:00, Shop Support <support@\nshop.example> wrote:\n> We fixed it.",
    );
    expect(parts.text).toBe("Still not fixed.");
    expect(parts.quoted).toMatch(/^On Mon, 4 Mar 2024[\s\S]*> We fixed it\.$/);
  });

  it("separates zh-Hans 写道 attributions and 此致/敬礼 sign-offs", () => {
    const parts = splitEmailBody(
      "快递显示已签收，但我根本没有收到包裹！\n\n此致\n敬礼！\n王强\n\n在 2024年3月4日 10:00，客服中心 <kf@shop.example> 写道：\n> 您的包裹已送达。",
    );
    expect(parts).toEqual({
      text: "快递显示已签收，但我根本没有收到包裹！",
      quoted: "在 2024年3月4日 10:00，客服中心 <kf@shop.example> 写道：\n> 您的包裹已送达。",
      signature: "此致\n敬礼！\n王强",
    });
  });

  it("moves interleaved '> ' lines to quoted and keeps the replies between them", () => {
    const parts = splitEmailBody("> Did you restart the router?\nYes, twice.\n> Is the light green?\nNo, it is red.");
    expect(parts.text).toBe("Yes, twice.\nNo, it is red.");
    expect(parts.quoted).toBe("> Did you restart the router?\n> Is the light green?");
  });

  it("treats the '-- ' delimiter and device lines as signatures", () => {
    expect(splitEmailBody("Where is my parcel?\n-- \nMark Jones\nSales Lead").signature).toBe(
      "-- \nMark Jones\nSales Lead",
    );
    expect(splitEmailBody("點解仲未到？\n\n從我的 iPhone 傳送")).toEqual({
      text: "點解仲未到？",
      signature: "從我的 iPhone 傳送",
    });
  });

  it("does not take a closing line followed by real sentences for a signature", () => {
    const body = "Thanks\nBut the second parcel is still missing, can you check?";
    expect(splitEmailBody(body)).toEqual({ text: body });
  });

  it("keeps a thankful last line when nothing like a name follows it", () => {
    expect(splitEmailBody("The refund arrived.\nThanks!")).toEqual({ text: "The refund arrived.\nThanks!" });
  });

  it("recognises Outlook header blocks in English", () => {
    const parts = splitEmailBody(
      "Please cancel it.\n\nFrom: Shop <help@shop.example>\nSent: Friday, 1 March 2024 10:00\nTo: me@mail.example\nSubject: Order",
    );
    expect(parts.text).toBe("Please cancel it.");
    expect(parts.quoted?.startsWith("From: Shop")).toBe(true);
  });
});
