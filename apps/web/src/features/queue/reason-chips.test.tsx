// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { PriorityFactor, QueueItem } from "../../api/types.js";
import { initI18n } from "../../i18n/index.js";
import { renderIn } from "../../test-support.js";
import { QueueList } from "./queue-list.js";
import { reasonChips } from "./reason-chips.js";

const factor = (factor: string, value: number, reason: string, contribution = 5): PriorityFactor => ({
  factor,
  value,
  weight: 10,
  contribution,
  share: contribution / 40,
  reason,
});
const FACTORS = [
  factor("negativeIntensity", 0.9, "negative 0.9", 18),
  factor("escalationThreat", 1, "threatened 12315 complaint", 18),
  factor("anger", 0.8, "anger 0.8 and rising", 8),
  factor("rising", 1, "feeling worse turn by turn", 10),
  factor("repeatContact", 2, "3rd contact this week", 5),
  factor("waiting", 14.4, "waiting 14 min (SLA 10 min)", 4),
];

describe("reasonChips", () => {
  it("says why in English: angry and rising as one chip, the body threatened, the contact's ordinal", () => {
    const t = initI18n("en").getFixedT("en");
    expect(reasonChips(FACTORS, t, 10).map((c) => c.text)).toEqual([
      "threatened: “12315”",
      "angry, rising",
      "3rd contact this week",
      "waiting 14 min",
    ]);
  });

  it("says it in Chinese, and quotes the customer's words", () => {
    const t = initI18n("zh-CN").getFixedT("zh-CN");
    const chips = reasonChips([factor("churnIntent", 1, "wants to leave (“销户”)")], t);
    expect(chips.map((c) => c.text)).toEqual(["想要流失：“销户”"]);
    expect(reasonChips(FACTORS, t, 10).map((c) => c.text)).toContain("本周第 3 次联系");
  });

  it("leaves out factors that added nothing, and keeps at most `max`", () => {
    const t = initI18n("en").getFixedT("en");
    expect(reasonChips([factor("urgency", 0, "urgent", 0)], t)).toEqual([]);
    expect(reasonChips(FACTORS, t, 2)).toHaveLength(2);
  });
});

describe("QueueList", () => {
  afterEach(cleanup);
  const item = (id: string, priority: number): QueueItem => ({
    position: 1,
    id,
    externalId: `conv-${id}`,
    channel: "chat",
    assignedTo: null,
    priority,
    reasons: [],
    factors: FACTORS,
    trajectory: "escalating",
    final: { emotion: "anger", intensity: 0.85, polarity: "negative", score: -0.8 },
    lastMessageAt: "2026-11-23T08:00:00Z",
  });

  it("shows each conversation with its emotion and reason chips, linking to it", () => {
    renderIn("en", <QueueList items={[item("a", 72), item("b", 40)]} selected="b" />);
    const links = screen.getAllByTestId("queue-item");
    expect(links).toHaveLength(2);
    expect(links[0]?.getAttribute("href")).toBe("#/workspace/a");
    expect(links[0]?.textContent).toContain("anger · strong");
    expect(links[0]?.textContent).toContain("angry, rising");
    expect(links[1]?.getAttribute("aria-current")).toBe("true");
  });

  it("speaks Traditional Chinese when asked", () => {
    renderIn("zh-TW", <QueueList items={[item("a", 72)]} selected={null} />);
    expect(screen.getByTestId("queue-item").textContent).toContain("憤怒");
    expect(screen.getByTestId("queue-item").textContent).toContain("本週第 3 次聯絡");
  });

  it("says so when the queue is empty", () => {
    renderIn("en", <QueueList items={[]} selected={null} />);
    expect(screen.getByText("No open conversations. Well done.")).toBeTruthy();
  });
});
