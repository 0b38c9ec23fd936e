import { describe, expect, it } from "vitest";
import { createAnalyzer, modelBlend } from "./analyzer.js";
import { loadEngineData } from "./node/load-engine-data.js";
import { shippedAnalyzer } from "./test-support/shipped.js";

const data = loadEngineData();
const model = data.model;

/** An analyzer over the shipped data whose model carries the given blend. */
function withBlend(blend: unknown) {
  if (!model) throw new Error("the shipped model is missing: run `npx attune train`");
  return createAnalyzer({ ...data, model: { ...model, meta: { ...model.meta, blend } } });
}

describe("the social channel's blend", () => {
  it("is read from the model, falling back to the service blend when a model has none", () => {
    expect(modelBlend(undefined)).toEqual({ emotion: 1, polarity: 1, social: { emotion: 1, polarity: 1 } });
    const old = { ...model, meta: { blend: { emotion: 0.8, polarity: 0.6 } } } as NonNullable<typeof model>;
    expect(modelBlend(old)).toEqual({ emotion: 0.8, polarity: 0.6, social: { emotion: 0.8, polarity: 0.6 } });
    const both = { ...old, meta: { blend: { emotion: 1, polarity: 0.6, social: { emotion: 0.4, polarity: 0 } } } };
    expect(modelBlend(both).social).toEqual({ emotion: 0.4, polarity: 0 });
  });

  it("applies to social posts only: other channels read a message exactly as without a channel", () => {
    const analyzer = withBlend({ emotion: 1, polarity: 1, social: { emotion: 0, polarity: 0 } });
    const text = "Where is everyone watching the game tonight? Heading out at 7";
    const plain = JSON.stringify(analyzer.analyze(text));
    for (const channel of ["chat", "email", "review", "call", "survey"] as const) {
      expect(JSON.stringify(analyzer.analyze(text, { channel }))).toBe(plain);
    }
    // With the social blend at 0 the model is not heard at all: the result is the rules' alone.
    const rulesOnly = createAnalyzer({ ...data, model: undefined });
    const social = analyzer.analyze(text, { channel: "social" });
    const rules = rulesOnly.analyze(text);
    expect(social.polarity).toBe(rules.polarity);
    expect(social.emotion).toBe(rules.emotion);
  });

  it("is what the shipped model chose on left-out social posts, and it leans on the lexicons more", () => {
    const blend = modelBlend(model);
    expect(blend.social.polarity).toBeLessThanOrEqual(blend.polarity);
    expect(blend.social.emotion).toBeLessThanOrEqual(blend.emotion);
  });

  it("rejects an unknown channel with the list of known ones", () => {
    expect(() => shippedAnalyzer().analyze("hi", { channel: "fax" as "chat" })).toThrow(
      /expected channel to be one of chat, email, social, review, call, survey, found "fax"/,
    );
  });
});
