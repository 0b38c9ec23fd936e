// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../api/types.js";
import { renderIn } from "../../test-support.js";
import { DraftField } from "../composer/draft-field.js";
import { evidenceSegments } from "./evidence-segments.js";
import { MessageItem } from "./message-item.js";

afterEach(cleanup);

const TEXT = "第三次了！你们到底什么时候退款？再不处理我就投诉到12315";
const at = (s: string) => TEXT.indexOf(s);
const ev = (s: string, cue: string, effect: string) => ({ start: at(s), end: at(s) + s.length, text: s, cue, effect });
const message: StoredMessage = {
  id: "m1",
  conversationId: "c1",
  channel: "chat",
  speaker: "customer",
  text: TEXT,
  at: "2026-11-23T08:00:00Z",
  lang: "zh-Hans",
  analysisStatus: "done",
  skipReason: null,
  analysis: {
    lang: "zh-Hans",
    polarity: "negative",
    score: -0.8,
    emotion: "anger",
    intensity: 0.82,
    emotions: [{ label: "anger", intensity: 0.82 }],
    signals: {},
    causes: [{ aspect: "refund_return" }],
    evidence: [
      ev("第三次", "repeat contact", "repeatContact"),
      ev("到底", "rhetorical", "anger"),
      ev("投诉到12315", "threat", "escalationThreat"),
    ],
  },
};

describe("evidenceSegments", () => {
  it("cuts at every boundary, keeps overlapping spans, and rebuilds the text exactly", () => {
    const segs = evidenceSegments("so very angry", [
      { start: 3, end: 13, text: "very angry", cue: "anger", effect: "anger" },
      { start: 3, end: 7, text: "very", cue: "degree", effect: "degree" },
    ]);
    expect(segs.map((s) => s.text)).toEqual(["so ", "very", " angry"]);
    expect(segs[1]?.evidence.map((e) => e.cue)).toEqual(["anger", "degree"]);
    expect(segs.map((s) => s.text).join("")).toBe("so very angry");
  });

  it("clips spans that run past the text and drops empty ones", () => {
    const segs = evidenceSegments("abc", [
      { start: 2, end: 99, text: "c", cue: "x", effect: "x" },
      { start: 1, end: 1, text: "", cue: "y", effect: "y" },
    ]);
    expect(segs.map((s) => [s.text, s.evidence.length])).toEqual([
      ["ab", 0],
      ["c", 1],
    ]);
  });
});

describe("MessageItem", () => {
  it("shows the emotion, and highlights the evidence words on hover and on keyboard focus", () => {
    renderIn("zh-CN", <MessageItem message={message} />);
    expect(screen.getByText(/愤怒/)).toBeTruthy();
    expect(screen.queryAllByTestId("evidence")).toHaveLength(0);
    const text = screen.getByTestId("message-text");
    fireEvent.mouseEnter(text);
    expect(screen.getAllByTestId("evidence").map((m) => m.textContent)).toEqual(["第三次", "到底", "投诉到12315"]);
    fireEvent.mouseLeave(text);
    expect(screen.queryAllByTestId("evidence")).toHaveLength(0);
    fireEvent.focus(text);
    expect(screen.getAllByTestId("evidence")).toHaveLength(3);
    expect(text.textContent).toBe(TEXT);
  });

  it("says why a customer message was not analyzed", () => {
    renderIn("en", <MessageItem message={{ ...message, analysis: null, skipReason: "consent_withdrawn" }} />);
    expect(screen.getByText("not analyzed: consent withdrawn")).toBeTruthy();
  });
});

describe("DraftField", () => {
  it("underlines each flagged span that still matches the text, with its reason", () => {
    const draft = "Calm down. That's impossible.";
    renderIn(
      "en",
      <DraftField
        id="d"
        value={draft}
        onChange={() => {}}
        placeholder=""
        reasonOf={(f) => `reason for ${f.type}`}
        flags={[
          { type: "dismissal", start: 0, end: 9, text: "Calm down", reason: "" },
          { type: "absolute_refusal", start: 11, end: 28, text: "That's impossible", reason: "" },
          { type: "blame", start: 0, end: 4, text: "nope", reason: "" },
        ]}
      />,
    );
    const marks = screen.getAllByTestId("tone-mark");
    expect(marks.map((m) => m.textContent)).toEqual(["Calm down", "That's impossible"]);
    expect(marks[0]?.getAttribute("title")).toBe("reason for dismissal");
  });
});
