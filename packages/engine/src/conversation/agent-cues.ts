import { foldWidthAndCase, toSimplifiedSameLength } from "../text/fold.js";

/**
 * What an agent's reply does, good and bad: the basis of agent-turn scoring and of the tone guard.
 * Patterns run on folded text (lower case, Simplified), so one list serves zh-Hans, zh-Hant and
 * Cantonese; offsets are the original's.
 */
export type AgentCueKind =
  | "acknowledge"
  | "apology"
  | "ownership"
  | "next_step"
  | "time"
  | "options"
  | "follow_up"
  | "thanks"
  | "absolute_refusal"
  | "blame"
  | "dismissal"
  | "jargon"
  | "over_promise"
  | "too_casual"
  | "canned"
  | "transfer"
  | "instruction";

/** One cue found in an agent's text. */
export interface AgentCue {
  kind: AgentCueKind;
  start: number;
  end: number;
  text: string;
}

const PATTERNS: Record<AgentCueKind, RegExp> = {
  acknowledge:
    /理解您的(心情|感受|着急|焦急|不满|担心|困扰)|了解您的(心情|感受|不满|着急|担心|困扰|意思)|造成您的(困扰|不便)|明白您(现在|的)|理解你的(心情|感受)|非常理解|完全理解|能理解|明白您的(心情|意思|感受)|换作是我|让您(着急|担心|失望|不愉快|久等|受委屈)|给您带来(了)?(不便|困扰|麻烦)|体谅|明白你嘅|明白您嘅|i (completely |totally |fully )?understand (how|why|that|your)|i can (imagine|see) (how|why)|that must (be|have been)|i hear you|i know how (frustrating|stressful|worrying|annoying)|sounds (really )?(frustrating|stressful)|(understandably|rightly) (upset|frustrated|annoyed|worried)|that's (really )?(frustrating|not okay|not ok|unacceptable)/g,
  apology: /抱歉|对不起|不好意思|致歉|道歉|深表歉意|对唔住|唔好意思|sorry|apologi[sz]e|apologies|my apologies/g,
  ownership:
    /我(来|會|会|马上|立即|立刻|现在就|亲自|这边)(帮|为|替|给)?(您|你)?(处理|跟进|核实|查|催|安排|解决|联系|申请|登记|负责)|由我(来)?(负责|跟进|处理)|我(会|來|嚟)负责|我幫你|我帮你|交给我|i('ll| will) (personally |now )?(take care|handle|sort|look into|chase|fix|arrange|process|make sure|escalate)|let me (check|look|fix|sort|take care|arrange|chase|see)|i('m| am) (on it|taking care|looking into)|i've (already )?(escalated|raised|arranged|processed|issued|refunded|credited|reset|rebooked)/g,
  next_step:
    /(为您|替您|给您|帮您|已为您|已经为您)(申请|安排|办理|补发|退款|退回|重新发|加急|升级|登记|创建|处理)|(会|将)(在|于)?.{0,6}(内|前)?(联系您|回复您|到账|送达|发出|处理完|给您答复)|(工单|单号|退款|补发|换货).{0,8}(已|已经)(提交|创建|申请|安排)|(i('ve| have)|we('ve| have)) (issued|arranged|booked|sent|raised|processed|requested|scheduled|credited|refunded|reset)|(you('ll| will)|it will|this will|the refund will|the courier will|a technician will) .{0,40}(within|by|before|on|in) |(will|should) (arrive|be (credited|refunded|delivered|sent|fixed|resolved|back))/g,
  time: /今天|明天|后天|今晚|马上|立即|\d+\s*(个)?(小时|分钟|个?工作日|天|日)(内|之内)?|\d{1,2}\s*[点點:：]\d{0,2}\s*(前|之前)?|\d+月\d+[日号號]|(上午|下午|晚上)\s*\d+|within \d+|by (today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)|\b(today|tonight|tomorrow)\b|\d+\s*(working |business )?(hours?|minutes?|days?)\b|\b\d{1,2}(:\d{2})?\s*(am|pm)\b|end of (the )?day|this (afternoon|evening|week)/g,
  options:
    /或者(您|你)?|(您|你)也可以|还是(您|你)?(希望|想|要)|(您|你)可以选择|两种方案|兩個方案|两个选择|以下(几种|两种)?方案|(方案|选项)[一二12]|一是.{1,20}二是|either .{1,60} or |you can (choose|pick)|(two|a few|several) options|option (a|1)|if you('d)? prefer|would you (like|prefer)/g,
  follow_up:
    /跟进|回访|再(联系|联络|回复|通知)(您|你)|第一时间(通知|告知|联系)|随时(告知|通知|更新)|(会|将)(主动)?(通知|告知|更新)(您|你)|有进展.{0,4}(通知|告知|联系)|follow(ing)? up|get back to you|keep you (posted|updated|informed)|update you|i('ll| will) (call|email|message|contact|check in with) you|check back/g,
  thanks: /感谢(您|你)|谢谢(您|你)?|多谢|唔该|thank you|thanks for|appreciate (your|you)/g,
  absolute_refusal:
    /不可能|没办法|沒辦法|无能为力|办不到|做不到|不行|不能(退|换|赔|处理)|无法(处理|办理|退|赔|满足)|冇可能|冇办法|唔得|帮唔到|that('s| is) (impossible|not possible)|there('s| is) nothing (i|we) can do|we (can't|cannot|won't) (do|help|refund|change|accept)|(it's|it is) not possible|no way|not our problem|nothing more (i|we) can do/g,
  blame:
    /你应该|您应该|你應該|您没有按照|你没有按照|您没按|是您自己|是你自己|你自己(没|不)|您自己(没|不)|你们自己|您当时(没|应该)|怪(您|你)|係你自己|you should have|you shouldn't have(?! (had|needed|been made) to)|you didn't (read|check|follow|follow the)|you failed to|(that's|it's|it is) your (fault|responsibility|problem)|if you had (read|checked|followed)|as you were told|you were supposed to/g,
  dismissal:
    /冷静一下|冷静点|别激动|不要激动|没什么大不了|没必要(生气|激动)|至于吗|唔使咁激动|唔好咁激动|放轻松|不是什么大(事|问题)|没那么(重要|严重|夸张)|别往心里去|别(太)?在意|别难过(啦|了)?|别紧张|小问题(啦|而已)?|[^，。！？\s]{1,10}而已|正常现象|属(于)?正常(情况|现象)|是正常的|just (a|one) (day|hour|minute|small|little)|it happens|these things happen|(that's|it's) (totally |perfectly )?normal|don't worry about it|not worth (getting|being) upset|calm down|relax|(it's|it is) not (a|that) big (deal)?|no need to (get|be) (upset|angry)|don't (get|be) (upset|so upset|angry)|chill( out)?|take a deep breath|there's no need to shout/g,
  jargon:
    /\bsku\b|\brma\b|\bsla\b|\bl[123] (ticket|support|team)\b|backend|back-end sync|\bapi\b|\bticket tier\b|as per (clause|section|policy|our t&c)|per our (t&c|terms)|\bt&cs?\b|\berror code\b|\bcase id\b (status )?\b|工单流转|系统回传|逆向物流|二线|后台(同步|数据)|流程节点|按(照)?(规定|条款)第|冲正|清算在途|在途状态|批扣|代扣协议|风控(模型|规则)?|反洗钱|话单|出账|扫描节点|干线运输|预授权|对账|白名单|履约|拆单|子单|t\+\d/g,
  over_promise:
    /保证|保證|一定(会|能)?(到|解决|处理|送达)|绝对|絕對|100%|百分之百|肯定(会|能)(到|解决)|i guarantee|guaranteed|definitely (be|arrive|get|have)|i promise|this will never happen again|won't happen again|100% (sure|fixed)/g,
  too_casual:
    /(?<![\u4e00-\u9fff])亲(?![自切身眼手人属戚])[~～!！]*|哈哈+|嘻嘻|么么哒|宝宝|😂|🤣|😜|😘|lol\b|lmao|\bdude\b|\bmate\b|no worries|\bchill\b|\bhaha+\b|\bbuddy\b|\byo\b|\bk\b|\bkk\b/g,
  canned:
    /请参照|详见|以[^，。]{1,4}为准|仅供参考|一经(完成|售出|使用|购买)|已在处理中|请(您)?理解|(根据|按照?)(公司)?规定|please refer to|see (the |our )?(faq|help centre|help center|website)|as stated|kindly note|per (our )?policy|您的(问题|反馈|请求)(已|已经)(收到|记录|受理)|请耐心等待|请您耐心等待|感谢您的(理解|耐心)与支持|如有(其他)?(问题|疑问).{0,6}(随时|欢迎)|your (request|ticket|case|feedback) has been (received|logged|noted|recorded)|we appreciate your patience|please be patient|noted\.|thank you for contacting|is there anything else i can help/g,
  instruction:
    /建议(您|你)|(您|你)可以(先|试试|尝试|去|在|直接|点击)|可以试试|请(您)?(先|尝试|重启|检查|点击|前往|登录|提供|上传|拨打)|(you can|you could|try (to )?|please (try|check|restart|click|go to|log in|send|upload|call|reply))/g,
  transfer:
    /转(接|给|到)(其他|相关|专门|另一)?(部门|同事|专员|人工)|转人工|轉接|稍后(会)?有(专人|同事)|transfer(ring)? you|pass(ing)? (this|you) (on|over) to|another (department|team)|the relevant (team|department)/g,
};

// Upper-case abbreviations customers generally know; any other is internal jargon (L2, SP, TMS, ERP, CRM).
const KNOWN_ACRONYMS = new Set(
  "APP OK VIP ID PIN SMS WIFI USB PDF FAQ QR IOS TV PC AM PM HK TW US UK EU EMS DHL UPS ATM GPS SIM CEO PS AI VR 4G 5G 2G 3G OTP CVV IBAN NFC LED LCD GST VAT TAX ETA FPS USD HKD RMB CNY TWD NT APN".split(
    " ",
  ),
);
const ACRONYM = /(?<![A-Za-z0-9])(?:[A-Z]{2,5}[0-9]?|[A-Z][0-9])(?![A-Za-z0-9])/g;

/** Finds every cue in an agent's text, ordered by position. */
export function findAgentCues(text: string): AgentCue[] {
  const folded = toSimplifiedSameLength(foldWidthAndCase(text)).text;
  const cues: AgentCue[] = [];
  const letters = text.match(/[A-Za-z]/g) ?? [];
  const upper = letters.filter((c) => c <= "Z").length;
  // An all-capitals English message is shouting, not jargon.
  const shouting = letters.length >= 12 && upper / letters.length > 0.7 && !/[\u4e00-\u9fff]/.test(text);
  ACRONYM.lastIndex = 0;
  for (let m = shouting ? null : ACRONYM.exec(text); m; m = ACRONYM.exec(text)) {
    // Order and tracking numbers (JD-2026…, HK889900) are facts, not jargon.
    if (KNOWN_ACRONYMS.has(m[0])) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/^[-\d]/.test(after)) continue;
    cues.push({ kind: "jargon", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const kind of Object.keys(PATTERNS) as AgentCueKind[]) {
    const re = PATTERNS[kind];
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      cues.push({ kind, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
    }
  }
  // A negated refusal-like phrase ("不是不行") or an apology inside "不好意思打扰" still count: kept simple on purpose.
  return cues.sort((a, b) => a.start - b.start);
}

/** Whether any cue of `kind` is present. */
export const has = (cues: readonly AgentCue[], kind: AgentCueKind): boolean => cues.some((c) => c.kind === kind);
