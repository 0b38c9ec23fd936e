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

describe("serviceCues in task dialogues", () => {
  it("finds a question asked again for what the customer had already said", () => {
    expect(serviceCues([c("I need a hotel in Seattle"), b("What city?"), c("Seattle")]).reasked).toBe(true);
    expect(serviceCues([c("I need a hotel"), b("What city?"), c("Seattle")]).reasked).toBe(false);
    expect(
      serviceCues([c("Dallas, on the 12th"), b("How many nights would you like to stay?"), c("3 nights from the 12th")])
        .reasked,
    ).toBe(false);
  });

  it("reads a bot saying the same thing again as a failed answer, but not a corrected confirmation", () => {
    const offer = "The Marriott is an expensive hotel in the west. Would you like to book?";
    expect(
      serviceCues([c("a hotel in the west"), b(offer), c("something cheaper"), b(offer), c("cheaper!")]),
    ).toMatchObject({ failed: true, looped: true });
    expect(
      serviceCues([
        c("a table for 4"),
        b("Please confirm: Sakura, 7 pm, 4 people."),
        c("make it 5"),
        b("Please confirm: Sakura, 7 pm, 5 people."),
        c("yes"),
      ]),
    ).toMatchObject({ failed: false, looped: false });
  });

  it("tells a 'no' that answers or changes one's mind from a 'no' that corrects us", () => {
    expect(
      serviceCues([c("a hotel"), b("Hilton has rooms. Shall I book it?"), c("No, just the address")]).corrected,
    ).toBe(false);
    expect(serviceCues([c("book it"), b("Anything else?"), c("No, that's all, thanks")]).corrected).toBe(false);
    expect(serviceCues([c("send $60 to John"), b("Please confirm: $600 to John."), c("No, $60!")]).corrected).toBe(
      true,
    );
    expect(
      serviceCues([c("send $60 to John"), b("Please confirm: $60 to John."), c("No, make it $80")]).corrected,
    ).toBe(false);
  });

  it("finds an offer taken up, turned down, a closing and the next request after a finished task", () => {
    expect(serviceCues([c("a bus at 9"), b("The 9:10 bus costs $24."), c("That works for me.")]).accepted).toBe(true);
    expect(serviceCues([c("a bus at 9"), b("The 9:10 bus costs $24."), c("Anything cheaper?")]).declined).toBe(true);
    expect(serviceCues([c("a bus"), b("Sorry, I couldn't find any buses."), c("Great.")]).accepted).toBe(false);
    expect(serviceCues([c("a taxi"), b("Your taxi is booked."), c("That's all I need.")])).toMatchObject({
      completed: true,
      closing: true,
    });
    expect(serviceCues([c("a train"), b("Booking was successful."), c("I also need a hotel.")]).movedOn).toBe(true);
  });
});

describe("serviceCues: saying no, confirming, asking us to try again", () => {
  it("reads a 'no' to what the bot put forward as rejecting it, not to 'anything else?' or a taste question", () => {
    const rejected = (bot: string, customer: string) =>
      serviceCues([c("I need a room in Leeds"), b(bot), c(customer)]).rejected;
    expect(rejected("Shall I book the Park Inn for the 12th?", "No, the 14th please.")).toBe(true);
    expect(rejected("How about the Park Inn near the station?", "Nope.")).toBe(true);
    expect(rejected("Would you like breakfast included?", "No thanks.")).toBe(true);
    expect(rejected("Is there anything else I can help with?", "No, that's all.")).toBe(false);
    expect(rejected("Do you like quiet hotels?", "Not really, I like a bit of buzz.")).toBe(false);
    expect(rejected("The Park Inn has rooms from $90.", "No way, that's great!")).toBe(false);
  });

  it("keeps asking for another option apart from saying no", () => {
    const cues = serviceCues([c("a flight to Rome"), b("The 6am flight is $80."), c("Anything later in the day?")]);
    expect(cues).toMatchObject({ declined: true, rejected: false });
    expect(
      serviceCues([
        c("a car for Friday"),
        b("A compact from Avis is $45."),
        c("Do you have someone else, maybe Hertz?"),
      ]).declined,
    ).toBe(true);
    expect(
      serviceCues([c("a bus"), b("The 5:10 am bus is $15."), c("That's too early for me, any at noon?")]).declined,
    ).toBe(true);
  });

  it("reads 'that's not right' and 'incorrect' as corrections, and a request to verify as a confirmation", () => {
    expect(
      serviceCues([c("two rooms please"), b("Will you be arriving on June 3rd?"), c("That's not right, the 4th.")])
        .corrected,
    ).toBe(true);
    expect(
      serviceCues([c("a table at 7"), b("Please verify: a table for 2 at 6 pm."), c("incorrect, 7 pm")]).corrected,
    ).toBe(true);
    expect(
      serviceCues([c("a table at 7"), b("Table for 2 at 7 pm at Nonna's, correct?"), c("Yes, that's correct.")]),
    ).toMatchObject({ confirmed: true, corrected: false });
    expect(serviceCues([c("a table"), b("Nonna's has a table at 7 pm."), c("Right.")]).confirmed).toBe(false);
  });

  it("finds more ways a bot says it failed", () => {
    const failed = (bot: string) => serviceCues([c("a room for Friday"), b(bot), c("ok")]).failed;
    expect(failed("Sorry, the reservation didn't go through.")).toBe(true);
    expect(failed("I'm sorry, we don't have any rooms with a sea view.")).toBe(true);
    expect(failed("I'm still not finding anything in that area.")).toBe(true);
    expect(failed("The Grand is completely booked that night.")).toBe(true);
    expect(failed("You don't have any bags to check, so it's $40.")).toBe(false);
  });

  it("counts asking us to try again as asking again, but not the same words after a good answer", () => {
    expect(
      serviceCues([c("tickets for Friday"), b("Sorry, the purchase failed."), c("Could you try again at 8?")]).repeated,
    ).toBe(true);
    expect(
      serviceCues([
        c("a cheap hotel in the centre"),
        b("The Lodge is cheap and in the centre."),
        c("Book the cheap hotel in the centre for two nights."),
      ]).repeated,
    ).toBe(false);
    expect(
      serviceCues([
        c("a cheap hotel in the centre"),
        b("Sorry, I couldn't find any."),
        c("A cheap hotel in the centre, any at all?"),
      ]).repeated,
    ).toBe(true);
  });

  it("finds more ways of taking what was offered", () => {
    const accepted = (customer: string) =>
      serviceCues([c("a comedy"), b("You might enjoy Hot Fuzz."), c(customer)]).accepted;
    expect(accepted("I'll check that out.")).toBe(true);
    expect(accepted("Good pick, I will definitely try it.")).toBe(true);
    expect(accepted("That will work.")).toBe(true);
    expect(accepted("I have to work tomorrow.")).toBe(false);
  });
});
