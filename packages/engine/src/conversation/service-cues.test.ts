import { describe, expect, it } from "vitest";
import { serviceCues } from "./service-cues.js";
import type { Turn } from "./types.js";

const c = (text: string): Turn => ({ speaker: "customer", text });
const b = (text: string): Turn => ({ speaker: "bot", text });

describe("serviceCues", () => {
  it("finds a failed answer the bot repeats, and the customer correcting it", () => {
    const cues = serviceCues([
      c("Is there a bus to the old town?"),
      b("Sorry, I didn't understand that. Could you rephrase?"),
      c("A bus. To the old town."),
      b("Sorry, I didn't understand that. Could you rephrase?"),
      c("I just said it: a bus"),
    ]);
    expect(cues).toMatchObject({ failed: true, looped: true, corrected: true });
    expect(cues.friction).toBeGreaterThan(0);
  });

  it("reads 'sorry to hear that' as empathy, not failure, and a booking as done", () => {
    expect(
      serviceCues([c("I lost my card"), b("I'm sorry to hear that. Which card?"), c("the debit one")]).failed,
    ).toBe(false);
    expect(serviceCues([c("订明早的高铁"), b("已为您预订G5次二等座。"), c("好的")]).completed).toBe(true);
  });

  it("does not read a plain decision as giving up, or bad news as a task done", () => {
    const cues = serviceCues([
      c("Flights to Oslo?"),
      b("Your flight has been cancelled by the airline."),
      c("I'll book it again"),
    ]);
    expect(cues).toMatchObject({ gaveUp: false, completed: false });
    expect(serviceCues([c("I did get the email"), b("Booked. See you Friday."), c("great")])).toMatchObject({
      corrected: false,
      completed: true,
    });
  });

  it("counts giving up only after someone answered", () => {
    expect(serviceCues([c("I need to speak to someone about my contract")]).gaveUp).toBe(false);
    expect(
      serviceCues([c("我的流量怎么用得这么快"), b("抱歉，我没有理解您的问题。"), c("算了，转人工吧")]).gaveUp,
    ).toBe(true);
    expect(
      serviceCues([c("我想訂機票"), b("抱歉，我唔明白你嘅意思，請再講一次。"), c("唔係呀嘛，咁都唔明？")]),
    ).toMatchObject({
      failed: true,
      corrected: true,
    });
  });
});
