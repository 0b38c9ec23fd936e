import { describe, expect, it } from "vitest";
import { assessWellbeing, type HandledConversation } from "./wellbeing.js";

const dayStart = new Date("2026-03-02T00:00:00Z");
const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
const calm = (t: string): HandledConversation => ({
  conversationId: `calm-${t}`,
  at: at(t),
  maxAnger: 0.1,
  abusive: false,
});
const angry = (t: string): HandledConversation => ({
  conversationId: `angry-${t}`,
  at: at(t),
  maxAnger: 0.85,
  abusive: false,
});
const abusive = (t: string): HandledConversation => ({
  conversationId: `abuse-${t}`,
  at: at(t),
  maxAnger: 0.5,
  abusive: true,
});
const assess = (
  handled: HandledConversation[],
  now: string,
  lastBreak: { at: string; minutes: number | null } | null = null,
) => assessWellbeing({ handled, lastBreak, dayStart, now: new Date(at(now)) });

describe("assessWellbeing", () => {
  it("says ok after calm work with a recent break", () => {
    const a = assess([calm("09:00"), calm("09:20")], "09:40", { at: at("09:10"), minutes: 10 });
    expect(a).toEqual({
      handledToday: 2,
      hardInARow: 0,
      abusiveToday: 0,
      minutesSinceBreak: 20,
      suggestion: "ok",
      reasons: [],
      why: [],
    });
  });

  it("counts the most recent streak of hard conversations only", () => {
    const a = assess([angry("09:00"), angry("09:10"), calm("09:20"), angry("09:30"), abusive("09:40")], "09:45");
    expect(a.hardInARow).toBe(2);
    expect(a.suggestion).toBe("rotate");
    expect(a.reasons).toEqual([
      "2 hard conversations in a row (abusive or very angry customers)",
      "the last customer was abusive",
    ]);
    expect(a.why).toEqual([
      { code: "hard_in_a_row", value: 2 },
      { code: "last_abusive", value: 1 },
    ]);
  });

  it("suggests a pause after three hard conversations in a row", () => {
    const a = assess([angry("09:00"), angry("09:10"), angry("09:20")], "09:30");
    expect(a).toMatchObject({ hardInARow: 3, suggestion: "pause" });
  });

  it("suggests a pause after three abusive customers in the day, even apart", () => {
    const a = assess(
      [abusive("08:00"), calm("08:30"), abusive("09:00"), calm("09:30"), abusive("10:00"), calm("10:10")],
      "10:20",
      {
        at: at("09:40"),
        minutes: 15,
      },
    );
    expect(a).toMatchObject({
      abusiveToday: 3,
      hardInARow: 0,
      suggestion: "pause",
      reasons: ["3 abusive customers today"],
    });
  });

  it("lets a break end a streak and restart the clock", () => {
    const a = assess([angry("09:00"), angry("09:10"), angry("09:20")], "09:50", { at: at("09:25"), minutes: 15 });
    expect(a).toMatchObject({ hardInARow: 0, minutesSinceBreak: 10, suggestion: "ok" });
  });

  it("counts time without a break from the first conversation of the day", () => {
    expect(assess([calm("08:00"), calm("09:00")], "09:40")).toMatchObject({
      minutesSinceBreak: 100,
      suggestion: "rotate",
    });
    expect(assess([calm("07:00"), calm("09:00")], "09:40")).toMatchObject({
      minutesSinceBreak: 160,
      suggestion: "pause",
      reasons: ["no break for 160 min"],
      why: [{ code: "no_break", value: 160 }],
    });
  });

  it("ignores yesterday's work and yesterday's break, and is null when idle", () => {
    const yesterday = { conversationId: "y", at: "2026-03-01T23:00:00.000Z", maxAnger: 1, abusive: true };
    expect(assess([yesterday], "09:00", { at: "2026-03-01T12:00:00.000Z", minutes: 30 })).toEqual({
      handledToday: 0,
      hardInARow: 0,
      abusiveToday: 0,
      minutesSinceBreak: null,
      suggestion: "ok",
      reasons: [],
      why: [],
    });
  });

  it("takes other thresholds", () => {
    const a = assessWellbeing(
      { handled: [angry("09:00")], lastBreak: null, dayStart, now: new Date(at("09:05")) },
      {
        veryAngry: 0.9,
        rotateAfterHardInARow: 1,
        pauseAfterHardInARow: 2,
        pauseAfterAbusiveToday: 1,
        rotateAfterMinutesWithoutBreak: 60,
        pauseAfterMinutesWithoutBreak: 120,
      },
    );
    expect(a).toMatchObject({ hardInARow: 0, suggestion: "ok" });
  });
});
