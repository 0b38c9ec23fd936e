import type { Turn } from "./types.js";

// The agent or bot could not do what was asked: "I couldn't find", "no results", "I didn't understand",
// "something went wrong". A bare "sorry" is not one: "sorry to hear that" is empathy, not failure.
const SERVICE_FAILURE =
  /couldn'?t find|could not find|can'?t find|no (results|availability|matches|options|tables|rooms|flights|hotels)|not available|unavailable|fully booked|(did not|didn'?t|don'?t|do not) (quite )?(understand|catch|get that)|not sure what you mean|(please )?(rephrase|say (it|that) again)|could you repeat|something went wrong|try again later|(can|could) only help with|(can'?t|cannot|can not|unable to|not able to) (help|do|check|process|handle|find|change|cancel)|没有找到|沒有找到|找不到|查不到|已满|已滿|没有(空位|库存|结果)|沒有(空位|庫存|結果)|暂时无法|暫時無法|无法(处理|查询|办理|识别|筛选|理解)|無法(處理|查詢|辦理|識別|篩選|理解)|(不|没有|沒有|唔)(太)?(明白|理解|懂)(您|你)?(的|嘅)?意思|没有理解|沒有理解|唔明白|换个说法|換個說法|请重新|請重新|再讲一次|再講一次|再说一次|再說一次|出错|出錯/i;
// The customer corrects us at the start of the turn: "no, I said…", "不是，我说的是…", "唔係…".
const CORRECTION_START = /^(no\b|nope|not (that|what)|that'?s not|wrong|不是|不对|不對|错了|錯了|唔係|唔啱)/i;
// …or anywhere in it: "I just said 2", "that's not what I asked", "我问的是…", "我咪講咗…".
const CORRECTION =
  /\bi (just |already )?(said|told you|asked (for|about)|meant)\b|\bi (just |already )(did|tried)\b|\bi'?m asking\b|not what i (asked|said|meant|wanted)|you (just |already )?said that|我(说|說|问|問)的是|我(已经|已經|都|咪)?(说|說|讲|講)(了|咗|过|過)|我(没|沒|冇)(问|問|说|說)|我係話|已经.{0,6}过了|已經.{0,6}過了|咗都係咁/i;
// The customer gives up or asks for a person: "forget it", "never mind", "get me a human", "算了，转人工".
const GAVE_UP =
  /forget it|never ?mind|i'?ll (just )?(do it|book it|sort it|ask|call|try) (myself|elsewhere|somewhere else|on the (website|app)|on my own)|i'?ll just (do|book|call|go|ask|use|try)|(speak|talk|put me through) to (a|an|someone|somebody|a real|an actual)|(real|actual) (person|human)|get me (a|an) (human|person|agent)|useless|hopeless|pointless|waste of time|thanks for nothing|算了|算啦|转人工|轉人工|人工客服|唔使喇|唔使了|不用了|没用|沒用|冇用|有什么用|有什麼用/i;
// The agent or bot says the task is done: booked, sent, refunded, "已为您预订", "已經幫你安排咗".
const COMPLETED =
  /\b(done|all set)[.!]|^(booked|reserved|confirmed|sent|added|transferred)\b|\b(booked|reserved|confirmed|added|scheduled|sent|transferred)[.!]|(has|have) been (booked|reserved|confirmed|transferred|scheduled|arranged|approved|refunded|credited|added|sent|issued|set up|changed|moved|updated|opened)|\b(i'?ve|i have|we'?ve|we have) (booked|reserved|confirmed|transferred|scheduled|arranged|approved|refunded|credited|added|sent|issued|set up|changed|cancelled|canceled|moved|updated|opened|blocked)|\b(is|are) (now )?(booked|reserved|confirmed|scheduled|set up|open|frozen|blocked|on (its|their) way)\b|已(经|經)?(为您|為您|帮您|幫您|帮你|幫你|给您|給您)?(预订|預訂|订好|訂好|办理|辦理|安排|提交|登记|登記|冻结|凍結|加入|补发|補發|处理|處理|完成|发出|發出|退款)|(办|辦|订|訂|搞|处理|處理)(好|掂)|已完成|完成咗/i;

/** What the exchanges so far say about service: the agent failed, the customer corrects or asks again. */
export interface ServiceCues {
  /** The agent or bot turn just before the latest customer turn could not help. */
  failed: boolean;
  /** …and it said the same thing it had said before (a loop). */
  looped: boolean;
  corrected: boolean;
  repeated: boolean;
  /** The customer gives up or asks for a person. */
  gaveUp: boolean;
  /** The agent or bot turn just before says the task is done. */
  completed: boolean;
  /** Failed exchanges before the latest one, the recent ones counting most (0 when none). */
  friction: number;
}

export const NO_SERVICE_CUES: ServiceCues = {
  failed: false,
  looped: false,
  corrected: false,
  repeated: false,
  gaveUp: false,
  completed: false,
  friction: 0,
};

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function words(text: string): Set<string> {
  const t = text.toLowerCase();
  const out = new Set<string>();
  for (const w of t.match(/[a-z0-9']+/g) ?? []) if (w.length > 2) out.add(w);
  // Chinese character pairs; code-unit tests rather than a regex over a slice at every position.
  for (let i = 0; i + 1 < t.length; i++)
    if (isHan(t.charCodeAt(i)) && isHan(t.charCodeAt(i + 1))) out.add(t.slice(i, i + 2));
  return out;
}

/** Share of the smaller set's words that the other one has too. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

// How much an earlier failed exchange still weighs, per customer turn since.
const FRICTION_DECAY = 0.6;

/** Service cues of the latest customer turn, the agent or bot turn just before it, and the exchanges before. */
export function serviceCues(turns: readonly Turn[]): ServiceCues {
  const last = turns.length - 1;
  if (last < 0 || turns[last]?.speaker !== "customer") return NO_SERVICE_CUES;
  const customer = (turns[last] as Turn).text.trim();
  const before = turns[last - 1];
  const answered = before !== undefined && before.speaker !== "customer";
  const failed = answered && SERVICE_FAILURE.test(before.text);
  let looped = false;
  if (answered && failed) {
    // The agent turn before the previous customer turn, if it said (almost) the same.
    for (let i = last - 2; i >= 0; i--) {
      const t = turns[i] as Turn;
      if (t.speaker === "customer") continue;
      looped = t.text === before.text || overlap(words(t.text), words(before.text)) >= 0.8;
      break;
    }
  }
  const corrected = CORRECTION_START.test(customer) || CORRECTION.test(customer);
  // Asking for a person before anyone answered is a preference, not giving up.
  const gaveUp = answered && GAVE_UP.test(customer);
  const completed = answered && !failed && COMPLETED.test(before.text);
  const mine = words(customer);
  let repeated = false;
  let friction = 0;
  let weight = 1;
  for (let i = last - 1; i >= 0; i--) {
    const t = turns[i] as Turn;
    if (t.speaker !== "customer") continue;
    if (!repeated && i < last - 1 && mine.size >= 3) repeated = overlap(mine, words(t.text)) >= 0.6;
    // An earlier exchange failed when the customer had to correct us or the turn before could not help.
    const prior = turns[i - 1];
    if (
      CORRECTION_START.test(t.text.trim()) ||
      CORRECTION.test(t.text) ||
      (prior !== undefined && prior.speaker !== "customer" && SERVICE_FAILURE.test(prior.text))
    )
      friction += weight;
    weight *= FRICTION_DECAY;
  }
  return { failed, looped, corrected, repeated, gaveUp, completed, friction };
}
