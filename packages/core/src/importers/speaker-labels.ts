import type { Speaker } from "../domain/message.js";

/** Labels that name each side of a call, compared case-insensitively; `Agent 2`, `客服小李` match by prefix. */
export const SPEAKER_LABELS: Record<Speaker, readonly string[]> = {
  agent: [
    "agent",
    "rep",
    "representative",
    "support",
    "csr",
    "advisor",
    "adviser",
    "operator",
    "staff",
    "associate",
    "客服",
    "坐席",
    "座席",
    "专员",
    "專員",
    "接线员",
    "接線員",
    "话务员",
    "話務員",
    "职员",
    "職員",
    "店员",
    "店員",
  ],
  customer: [
    "customer",
    "client",
    "caller",
    "user",
    "consumer",
    "顾客",
    "顧客",
    "客户",
    "客戶",
    "用户",
    "用戶",
    "来电者",
    "來電者",
    "来电人",
    "來電人",
    "客人",
    "买家",
    "買家",
  ],
  bot: [
    "bot",
    "ivr",
    "virtual agent",
    "virtual assistant",
    "assistant",
    "system",
    "机器人",
    "機器人",
    "智能客服",
    "语音导航",
    "語音導航",
    "语音助手",
    "語音助手",
    "系统",
    "系統",
  ],
};

/** Words that make any label a bot's, wherever they appear: `客服机器人`, `Support Bot`. */
const BOT_WORDS = /\b(bot|ivr)\b|机器人|機器人|智能客服|语音导航|語音導航/i;

/** Extra labels a caller can add for its own transcripts (e.g. agent names). */
export type ExtraSpeakerLabels = Partial<Record<Speaker, readonly string[]>>;

function matchesTerm(label: string, term: string): boolean {
  if (label === term) return true;
  if (!label.startsWith(term)) return false;
  // CJK terms are followed directly by a name (`客服小李`); Latin ones need a break (`Agent 2`, not `Agency`).
  const next = label.charAt(term.length);
  return /[\u3400-\u9fff]/.test(term) || !/[a-z]/i.test(next);
}

/**
 * Maps a speaker label to who spoke, or `undefined` when the label is not a known one.
 *
 * @example
 * resolveSpeakerLabel("客服小李"); // "agent"
 * resolveSpeakerLabel("Speaker 1"); // undefined
 */
export function resolveSpeakerLabel(label: string, extra: ExtraSpeakerLabels = {}): Speaker | undefined {
  const key = label.trim().toLowerCase();
  if (key === "") return undefined;
  for (const speaker of ["bot", "agent", "customer"] as const) {
    if ((extra[speaker] ?? []).some((l) => l.trim().toLowerCase() === key)) return speaker;
  }
  if (BOT_WORDS.test(key)) return "bot";
  for (const speaker of ["bot", "agent", "customer"] as const) {
    if (SPEAKER_LABELS[speaker].some((term) => matchesTerm(key, term))) return speaker;
  }
  return undefined;
}

/**
 * Splits a leading speaker label off a line: `Agent: Hello`, `客服：您好`, `[Customer] Hi`, `- 顾客： 喂`.
 * An unknown `Name:` prefix counts only when it looks like a name (up to three words, or four Chinese characters,
 * no sentence punctuation, not starting with a digit); a label the call cannot place is reported by the importer.
 */
export function splitSpeakerLabel(line: string): { label?: string; text: string } {
  const trimmed = line.trim().replace(/^[-–—]\s+/, "");
  const bracket = /^\[([^\]]{1,30})\]\s*(.*)$/s.exec(trimmed);
  if (bracket?.[1]) return { label: bracket[1].trim(), text: (bracket[2] ?? "").trim() };
  const colon = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/s.exec(trimmed);
  if (colon?.[1]) {
    const label = colon[1].trim();
    const cjk = /[\u3400-\u9fff]/.test(label);
    const looksLikeName =
      resolveSpeakerLabel(label) !== undefined ||
      (!/^\d/.test(label) &&
        !/[,.;!?，。；！？/]/.test(label) &&
        !/^https?$/i.test(label) &&
        (cjk ? [...label].length <= 4 : label.split(/\s+/).length <= 3));
    if (looksLikeName) return { label, text: (colon[2] ?? "").trim() };
  }
  return { text: trimmed };
}
