import type { Turn } from "./types.js";

// The agent or bot could not do what was asked: "sorry, I couldn't find", "no results", "I didn't understand".
const SERVICE_FAILURE =
  /\b(sorry|unfortunately|i('m| am) afraid)\b|couldn'?t find|could not find|no (results|availability|matches|options)|not available|unavailable|fully booked|didn'?t (understand|catch)|don'?t understand|please (rephrase|try again)|抱歉|不好意思|无法|没有找到|找不到|查不到|已满|没有(空位|库存|结果)|不明白您的意思|请重新/i;
// The customer corrects us: "no, I said…", "that's not what I asked", "不是，我说的是…".
const CORRECTION =
  /^(no\b|nope|not (that|what)|that'?s not|wrong|i (said|asked|meant)|i already (said|told)|不是|不对|错了|我说的是|我是说|我问的是|唔係|唔啱)/i;

/** What the last exchange says about service: the agent failed, the customer corrects or asks again. */
export interface ServiceCues {
  failed: boolean;
  corrected: boolean;
  repeated: boolean;
}

export const NO_SERVICE_CUES: ServiceCues = { failed: false, corrected: false, repeated: false };

function words(text: string): Set<string> {
  const t = text.toLowerCase();
  const out = new Set<string>();
  for (const w of t.match(/[a-z0-9']+/g) ?? []) if (w.length > 2) out.add(w);
  for (let i = 0; i + 1 < t.length; i++) if (/[\u4e00-\u9fff]{2}/.test(t.slice(i, i + 2))) out.add(t.slice(i, i + 2));
  return out;
}

/** Service cues of the latest customer turn and the agent or bot turn just before it. */
export function serviceCues(turns: readonly Turn[]): ServiceCues {
  const last = turns.length - 1;
  if (last < 0 || turns[last]?.speaker !== "customer") return NO_SERVICE_CUES;
  const customer = (turns[last] as Turn).text;
  const before = turns[last - 1];
  const failed = before !== undefined && before.speaker !== "customer" && SERVICE_FAILURE.test(before.text);
  const corrected = CORRECTION.test(customer.trim());
  const mine = words(customer);
  let repeated = false;
  for (let i = last - 2; i >= 0 && !repeated; i--) {
    const t = turns[i] as Turn;
    if (t.speaker !== "customer") continue;
    const theirs = words(t.text);
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    repeated = mine.size >= 3 && shared / Math.min(mine.size, theirs.size || 1) >= 0.6;
  }
  return { failed, corrected, repeated };
}
