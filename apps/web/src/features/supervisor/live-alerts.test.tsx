import { describe, expect, it } from "vitest";
import type { Alert } from "../../api/types.js";
import { initI18n } from "../../i18n/index.js";
import { alertReason } from "./live-alerts.js";

const alert = (kind: Alert["kind"], facts?: Alert["facts"]): Alert => ({
  kind,
  conversationId: "c1",
  messageId: "m1",
  reason: "the server's English",
  severity: "critical",
  ...(facts ? { facts } : {}),
});

describe("alertReason", () => {
  it("says each kind of alert in the reader's language from its facts", () => {
    const zh = initI18n("zh-CN").getFixedT("zh-CN");
    expect(alertReason(alert("escalation_threat", { words: ["投诉", "12315"] }), zh)).toBe("原话：“投诉、12315”");
    expect(alertReason(alert("high_intensity", { emotion: "anger", intensity: 0.86 }), zh)).toBe("愤怒强度 86%");
    expect(alertReason(alert("rising_risk", { riskBefore: 0.2, riskAfter: 0.81 }), zh)).toBe("升级风险 20% → 81%");
    const tw = initI18n("zh-TW").getFixedT("zh-TW");
    expect(alertReason(alert("waiting_past_sla", { waitingMinutes: 12, slaMinutes: 5 }), tw)).toBe(
      "已等待 12 分鐘（時限 5 分鐘）",
    );
  });

  it("falls back to the server's sentence when an alert carries no facts", () => {
    const en = initI18n("en").getFixedT("en");
    expect(alertReason(alert("abuse"), en)).toBe("the server's English");
  });
});
