import type { TFunction } from "i18next";
import type { PriorityFactor } from "../../api/types.js";

/** One reason a conversation sits where it does in the queue, in the reader's language. */
export interface ReasonChip {
  factor: string;
  text: string;
  /** Share of the priority score, 0..1. */
  share: number;
}

/** The words the engine quoted in a reason (“…”), if any. */
function quoted(reason: string): string | undefined {
  return /“([^”]+)”/.exec(reason)?.[1] ?? /^threatened (.+) complaint$/.exec(reason)?.[1];
}

/**
 * Turns the engine's priority factors into short localized chips ("angry, rising", "threatened
 * complaint", "3rd contact this week"), largest share first. The negativity factor is left out: the
 * emotion chip beside it already says how upset the customer is.
 */
export function reasonChips(factors: readonly PriorityFactor[], t: TFunction, max = 4): ReasonChip[] {
  const has = (name: string) => factors.some((f) => f.factor === name && f.contribution > 0);
  const chips: ReasonChip[] = [];
  for (const f of factors) {
    if (f.contribution <= 0) continue;
    let text: string | undefined;
    switch (f.factor) {
      case "anger":
        text = has("rising") ? t("factor.angerRising") : t("factor.anger");
        break;
      case "rising":
        if (!has("anger")) text = t("factor.rising");
        break;
      case "escalationThreat":
      case "abuse":
      case "churnIntent":
      case "urgency": {
        const words = quoted(f.reason);
        text = words
          ? t(`factor.${f.factor}Quoted`, { text: words })
          : t(`factor.${f.factor}` as "factor.abuse", { defaultValue: f.reason });
        break;
      }
      case "repeatContact":
        text = t("factor.repeatContact", { count: Math.round(f.value) + 1, ordinal: true });
        break;
      case "waiting":
        text = t("factor.waiting", { minutes: Math.round(f.value) });
        break;
      case "negativeIntensity":
        break;
      default:
        text = f.reason;
    }
    if (text) chips.push({ factor: f.factor, text, share: f.share });
  }
  return chips.slice(0, max);
}
