import type { Emotion } from "../labels.js";
import { isAcknowledgment } from "./context.js";
import { corrects, NO_SERVICE_CUES, type ServiceCues } from "./service-cues.js";
import { ACCEPTED, SMALL_TALK, TASTE_QUESTION } from "./service-phrases.js";
import type { Scored, TurnAnalysis } from "./types.js";

// Weights of satisfaction (issue #3), set on the written satisfaction set (test-data/satisfaction).
const NEUTRAL_SHARE = 0.3;
const OPENING_SHARE = 0.3;
const ANSWER_SHARE = 0.3;
const TASK_TALK_SHARE = 0.3;
const PRAISE_SHARE = 0.6;
const HISTORY_DECAY = 0.6;

// A greeting with nothing else: "Hi!", "Hello, how are you?", "您好！".
const GREETING =
  /^(hi|hello|hey|howdy|good (morning|afternoon|evening|day)|greetings|welcome|您好|你好|哈囉|哈佬)[\s!.,，！。~]*((there|friend|again)[\s!.,]*)?(how are you( doing)?( today)?\??|how('s| is) it going\??|你好吗？?|你好嗎？?)?[\s!.]*$/i;
const THANKS = /thank|thx|cheers|appreciate|谢谢|謝謝|多谢|多謝|唔該|感谢|感謝/i;
// The agent or bot asks something, or asks to confirm details: a bare "yes" answers it.
const ASKS = /[?？]|\bconfirm\b|确认|確認/i;
// A request or a question about the task: its mild feeling is a need ("I want…") or politeness, not a verdict.
const TASK_TALK =
  /^(hi|hello|hey|good (morning|afternoon|evening))?[,!. ]*(i('d| would) (like|love)|i (want|need|have to|must)|i('m| am) (looking|trying|hoping|interested|searching|planning)|(can|could|would|will) you|please|find|book|search|get|show|give|tell|reserve|order|play|is there|are there|do you|does|what|which|where|when|how|any|is it|are they)/i;

/**
 * What each customer turn says about the service, -1..1. A neutral message expresses little, so its
 * slight lean moves satisfaction little; an opening message describes the problem or the wish, not the
 * service (nobody has answered yet), unless it is intense, threatens or abuses. A bare "yes"/"ok" that
 * answers a question is an answer, and so is a feeling about the taste the agent asked about ("didn't
 * like that one") or a reply to "how are you?"; a request's mild feeling is a need or politeness, not
 * a verdict, and praise counts most where it thanks or takes up what was offered.
 */
export function expressedScores(turns: readonly TurnAnalysis[]): number[] {
  const out: number[] = [];
  let answered = false;
  let lastAgent = "";
  turns.forEach((t, i) => {
    if (!t.state) {
      // A greeting alone has not served the customer yet: what follows still opens the exchange.
      if (!GREETING.test(t.text.trim())) answered = true;
      lastAgent = t.text;
      return;
    }
    const own = t.state;
    let score = own.polarity === "neutral" ? own.score * NEUTRAL_SHARE : own.score;
    const signals = t.result?.signals;
    const pointed = signals?.escalationThreat.present || signals?.abuse.present;
    const note = own.note ?? "";
    const mild = own.intensity < 0.45 && own.emotion !== "anger" && !pointed;
    if (!answered) {
      if (own.intensity < 0.7 && !pointed) score *= OPENING_SHARE;
    } else if (SMALL_TALK.test(lastAgent)) {
      // The answer to "how are you?" is courtesy ("good, thanks!"), not a verdict.
      score *= ANSWER_SHARE;
    } else if (ASKS.test(lastAgent) && !/resignation|relief/.test(note) && isAcknowledgment(t.text)) {
      score *= ANSWER_SHARE;
    } else if (ASKS.test(lastAgent) && t.result?.polarity === "neutral" && own.polarity !== "neutral") {
      // A plain answer to the agent's question, read darker only for the upset before it.
      score = t.result.score * NEUTRAL_SHARE;
    } else if (TASTE_QUESTION.test(lastAgent) && !pointed) {
      score *= ANSWER_SHARE;
    } else if (mild && score < 0 && ASKS.test(lastAgent) && !corrects(turns, i)) {
      // "No, I don't mind", "none": the answer's content, not a verdict on the service.
      score *= ANSWER_SHARE;
    } else if (mild && TASK_TALK.test(t.text.trim())) {
      score *= TASK_TALK_SHARE;
    } else if (score > 0 && own.emotion !== "gratitude" && !THANKS.test(t.text) && !ACCEPTED.test(t.text.trim())) {
      // Praise that neither thanks nor takes up the offer is often about the topic ("John Wick was fun").
      score *= PRAISE_SHARE;
    }
    out.push(score);
    lastAgent = "";
  });
  return out;
}

/**
 * Satisfaction so far (-1..1): mostly the latest state, then the recent history, the path, how the
 * agent behaved, and how the last exchange went: the agent could not help, repeated itself or asked
 * again for what it had been told; the customer had to correct us, said no to what we put forward,
 * doubted the answer, asked again or gave up; or the task was done, the customer took what was
 * offered, confirmed we had the details right, closed, or went on to the next request. Earlier failed
 * exchanges still weigh a little, less once a task was done since.
 */
export function scoreSatisfaction(
  scores: readonly number[],
  trajectory: string,
  badAgentTurns: number,
  finalEmotion: Emotion,
  cues: ServiceCues = NO_SERVICE_CUES,
): Scored {
  if (scores.length === 0) return { score: 0, reasons: ["the customer has not spoken"] };
  const last = scores[scores.length - 1] as number;
  // The history weighs the recent turns most.
  let sum = 0;
  let weights = 0;
  let w = 1;
  for (let i = scores.length - 1; i >= 0; i--) {
    sum += (scores[i] as number) * w;
    weights += w;
    w *= HISTORY_DECAY;
  }
  const mean = sum / weights;
  const reasons: string[] = [`latest message ${last >= 0 ? "+" : ""}${last.toFixed(2)}`];
  let s = 0.6 * last + 0.25 * mean;
  if (scores.length > 1) reasons.push(`recent average ${mean >= 0 ? "+" : ""}${mean.toFixed(2)}`);
  // The path counts where the latest message still shows it, not where it was read away as task talk.
  if (trajectory === "recovered" && last > 0) {
    s += 0.2;
    reasons.push("recovered");
  } else if (trajectory === "de-escalating") {
    s += 0.1;
    reasons.push("calming down");
  } else if (trajectory === "escalating" && last < -0.25) {
    s -= 0.15;
    reasons.push("getting worse");
  }
  if (badAgentTurns > 0) {
    s -= 0.1 * Math.min(badAgentTurns, 2);
    reasons.push("agent refused, blamed or dismissed");
  }
  const add = (on: boolean, delta: number, reason: string) => {
    if (!on) return;
    s += delta;
    reasons.push(reason);
  };
  add(cues.failed && !cues.looped, -0.2, "the last answer could not help");
  add(cues.looped, -0.35, "the last answer repeated an earlier one");
  add(cues.reasked, -0.3, "asked again for what the customer had said");
  add(cues.corrected, -0.3, "the customer had to correct us");
  add(cues.doubted, -0.2, "the customer doubts the answer");
  add(cues.repeated, -0.2, "the customer had to ask again");
  // Saying no to what we put forward says it missed; asking for another is often just shopping around.
  add(cues.rejected, -0.2, "the customer said no to what was put forward");
  add(cues.declined, -0.1, "the customer asked for something else than what was offered");
  add(cues.gaveUp, -0.35, "the customer gave up or asked for a person");
  add(cues.resigned, -0.2, "the customer goes along without wanting to");
  if (cues.friction > 0) {
    s -= 0.1 * Math.min(cues.friction, 2);
    reasons.push("earlier answers failed");
  }
  add(cues.completed && last > -0.15, 0.15, "the task was done");
  add(cues.closing && !cues.failed && cues.friction === 0, 0.1, "the customer closed the exchange");
  add(cues.movedOn, 0.05, "went on to the next request");
  add(cues.confirmed && !cues.accepted, 0.1, "the customer confirmed we had it right");
  // Thanks after a struggle, or for an answer that could not help, is politeness more than delight…
  const struggle = cues.friction + (cues.failed ? 1 : 0);
  if (struggle > 0 && s > 0) s /= 1 + struggle;
  // …but taking what the agent now offers is the recovery itself.
  add(cues.accepted, 0.3, "the customer took what was offered");
  if (finalEmotion === "gratitude" || finalEmotion === "satisfaction") reasons.push(`ends with ${finalEmotion}`);
  return { score: Math.round(Math.max(-1, Math.min(1, s)) * 1000) / 1000, reasons };
}
