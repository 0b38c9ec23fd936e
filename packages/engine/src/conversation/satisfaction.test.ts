import { describe, expect, it } from "vitest";
import { shippedAnalyzer } from "../test-support/shipped.js";
import type { Turn } from "./types.js";

const c = (text: string): Turn => ({ speaker: "customer", text });
const b = (text: string): Turn => ({ speaker: "bot", text });
const satisfaction = (turns: Turn[]) => shippedAnalyzer().analyzeConversation(turns).satisfaction.score;

describe("satisfaction in a task dialogue", () => {
  const asked = [c("I need a table for two in the centre tonight."), b("What time would you like?")];

  it("orders a failure, a plain answer, an offer taken up and thanks for a finished task", () => {
    const failed = satisfaction([...asked, c("8pm"), b("Sorry, I couldn't find any tables."), c("Really? Try 9pm.")]);
    const plain = satisfaction([...asked, c("8pm")]);
    const taken = satisfaction([...asked, c("8pm"), b("Casa Rosa has a table at 8pm."), c("Sounds good, book it.")]);
    const thanked = satisfaction([
      ...asked,
      c("8pm"),
      b("Your table at Casa Rosa is booked for 8pm."),
      c("Thank you so much, that's all!"),
    ]);
    expect(failed).toBeLessThan(-0.25);
    expect(Math.abs(plain)).toBeLessThan(0.25);
    expect(taken).toBeGreaterThan(0.25);
    expect(thanked).toBeGreaterThan(taken);
  });

  it("reads an opening wish, a reply to 'how are you?' and a request as task talk, not a verdict", () => {
    expect(Math.abs(satisfaction([c("Hi! I'd love a good comedy for tonight.")]))).toBeLessThan(0.25);
    expect(
      Math.abs(satisfaction([b("Hello! How are you today?"), c("Great, thanks! Looking for a comedy.")])),
    ).toBeLessThan(0.25);
    expect(
      Math.abs(satisfaction([c("Find me a hotel."), b("Hilton has rooms."), c("I want to find a restaurant too.")])),
    ).toBeLessThan(0.25);
  });

  it("asking again for what the customer said costs more than a question that was needed", () => {
    const needed = satisfaction([c("I need a rental car."), b("Which city?"), c("Portland")]);
    const again = satisfaction([c("I need a rental car in Portland."), b("Which city?"), c("Portland")]);
    expect(again).toBeLessThan(needed - 0.2);
  });

  it("a 'no' to what the bot put forward costs more than asking for another option", () => {
    const plain = satisfaction([...asked, c("8pm")]);
    const another = satisfaction([...asked, c("8pm"), b("Casa Rosa has a table at 8pm."), c("Anything cheaper?")]);
    const no = satisfaction([
      ...asked,
      c("8pm"),
      b("Shall I book Casa Rosa at 8pm?"),
      c("No, somewhere by the river."),
    ]);
    expect(another).toBeLessThan(plain);
    expect(no).toBeLessThan(another);
    expect(no).toBeGreaterThan(-0.5);
  });

  it("thanks for an answer that could not help is politeness, and a confirmation we got right counts a little", () => {
    const helped = satisfaction([...asked, c("8pm"), b("Casa Rosa has a table at 8pm."), c("Thanks.")]);
    const failed = satisfaction([...asked, c("8pm"), b("Sorry, I couldn't find any tables."), c("Thanks.")]);
    expect(failed).toBeLessThan(helped - 0.2);
    const plain = satisfaction([...asked, c("8pm"), b("Casa Rosa has a table at 8pm."), c("Yes.")]);
    const right = satisfaction([
      ...asked,
      c("8pm"),
      b("A table for two at 8pm at Casa Rosa, correct?"),
      c("Yes, that's right."),
    ]);
    expect(right).toBeGreaterThan(plain);
    expect(right).toBeLessThan(0.25);
  });

  it("reads the feeling in an answer to 'why not?' as taste, not a verdict on the service", () => {
    const why = satisfaction([
      c("Can you suggest a film?"),
      b("Do you like horror?"),
      c("No."),
      b("Why not?"),
      c("Too gory, I hate the jump scares."),
    ]);
    expect(why).toBeGreaterThan(-0.25);
  });
});
