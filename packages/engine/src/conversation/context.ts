import type { Emotion, Polarity } from "../labels.js";
import { foldWidthAndCase, toSimplifiedSameLength } from "../text/fold.js";
import type { EmotionResult } from "../types.js";
import type { AgentCue } from "./agent-cues.js";
import type { ContextualState } from "./types.js";

// A bare acknowledgment: its meaning comes from what came before it.
const ACK =
  /^(好的?吧?|那好吧|算了吧|好吧|行吧?|可以|嗯+|哦+|噢|知道了|明白了?|了解|收到|ok(ay)?|k+|fine|alright|sure|whatever|算了|随便|好嘅|得啦?|得喇|ok啦|okok|好啦|是的|对|yes|yeah|yep|got it|i see)$/;
// Marks of giving up: "好的吧……", "fine.", "whatever", "算了".
const RESIGNED = /吧|…|\.\.\.|。。|算了|随便|whatever|^fine\.?$|唉|哎/;
// The agent says something is done, not just promised.
const DONE =
  /已(经)?(为您|帮您|给您)?(处理|退款|退回|补发|发出|安排|解决|修复|恢复|到账|重置|取消|更改|改好)|处理好了|搞定|搞掂|fixed|resolved|sorted|done|refunded|processed|credited|(has|have) been (sent|issued|refunded|restored|reset|fixed|credited|rebooked)|should (work|be working) now|is back (up|online)/;

const foldText = (t: string) => toSimplifiedSameLength(foldWidthAndCase(t)).text.trim();

/** Is this customer turn a bare acknowledgment ("好的", "ok", "fine.")? */
export function isAcknowledgment(text: string): boolean {
  return isFoldedAcknowledgment(foldText(text));
}

function isFoldedAcknowledgment(folded: string): boolean {
  const bare = folded.replace(/[\s!?！？。.,，~～…]+/g, (m) => (m.includes("…") || m.includes("...") ? "…" : ""));
  return ACK.test(bare.replace(/…$/, "")) && bare.length <= 12;
}

/** The state an emotion result reads as, before context. */
export function stateOf(result: EmotionResult): ContextualState {
  return { emotion: result.emotion, intensity: result.intensity, polarity: result.polarity, score: result.score };
}

/** What the turns before this one say about how to read it. */
export interface TurnContext {
  previous: ContextualState | undefined;
  /** The last agent or bot turn's text and cues, if any came since the previous customer turn. */
  lastAgentText: string | undefined;
  lastAgentCues: readonly AgentCue[];
  /** Hand-offs so far (agent transfers and bot turns). */
  transfers: number;
  /** The customer has been negative at some point so far. */
  wasNegative: boolean;
}

const make = (
  emotion: Emotion,
  intensity: number,
  polarity: Polarity,
  score: number,
  note: string,
): ContextualState => ({
  emotion,
  intensity,
  polarity,
  score,
  note,
});

/**
 * Reads a customer turn in its context: "好的" after a fix is relief; "好的吧……" after the third
 * transfer is resignation; "fine." after a struggle is rarely fine; a short neutral reply carries
 * part of the feeling before it.
 */
export function readInContext(text: string, result: EmotionResult, ctx: TurnContext): ContextualState {
  const own = stateOf(result);
  const folded = foldText(text);
  if (isFoldedAcknowledgment(folded)) {
    const resigned = RESIGNED.test(folded);
    const fixed = ctx.lastAgentText !== undefined && DONE.test(foldText(ctx.lastAgentText));
    if (resigned && (ctx.transfers >= 2 || ctx.wasNegative)) {
      const why = ctx.transfers >= 2 ? `after ${ctx.transfers} hand-offs` : "after a struggle";
      // Giving up is worse than the complaint before it, not a calming down.
      const score = Math.max(-1, Math.min(-0.45, (ctx.previous?.score ?? 0) - 0.1));
      return make("frustration", 0.5, "negative", score, `"${text.trim()}" ${why} reads as resignation`);
    }
    if (fixed && !resigned)
      return make("satisfaction", 0.4, "positive", 0.45, `"${text.trim()}" after a fix reads as relief`);
    if (ctx.previous) {
      // A plain "ok" keeps most of the feeling it answers.
      const score = ctx.previous.score * 0.6;
      return {
        emotion: ctx.previous.emotion,
        intensity: ctx.previous.intensity * 0.6,
        polarity: Math.abs(score) < 0.15 ? "neutral" : ctx.previous.polarity,
        score,
        note: `"${text.trim()}" carries the feeling before it`,
      };
    }
    return own;
  }
  if (ctx.previous && result.emotion === "neutral" && result.intensity < 0.3 && ctx.previous.polarity === "negative") {
    // A factual follow-up from an upset customer is still an upset customer, a little calmer.
    const score = (own.score + ctx.previous.score * 0.5) / 1.5;
    return {
      ...ctx.previous,
      intensity: ctx.previous.intensity * 0.7,
      score,
      note: "a factual reply from an upset customer",
    };
  }
  return own;
}
