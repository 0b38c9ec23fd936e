import { describe, expect, it } from "vitest";
import { presentRootCauses } from "./presenters.js";

const example = (messageId: string, text: string, intensity = 0.9) => ({
  cause: "delivery",
  messageId,
  conversationId: `c-${messageId}`,
  text,
  emotion: "anger",
  intensity,
  at: "2026-11-01T08:00:00Z",
});

describe("presentRootCauses", () => {
  it("quotes distinct texts only, redacted, at most perCause of them", () => {
    const causes = presentRootCauses(
      [{ cause: "delivery", emotion: "anger", total: 10, negative: 8 }],
      [
        example("1", "Where is my parcel?! Call me on 13812345678"),
        example("2", "Where is my parcel?! Call me on 13812345678"),
        example("3", "第三次问了，快递到底在哪？"),
        example("4", "Still nothing."),
        example("5", "One more."),
      ],
      3,
    );
    const texts = causes[0]?.examples.map((e) => e.text) ?? [];
    expect(texts).toHaveLength(3);
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).not.toContain("13812345678");
    expect(causes[0]?.examples.map((e) => e.messageId)).toEqual(["1", "3", "4"]);
    expect(causes[0]?.negativeShare).toBe(0.8);
  });
});
