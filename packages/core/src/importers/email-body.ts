/** An e-mail body split into the sender's new words, the history they quoted, and their signature. */
export interface EmailBodyParts {
  text: string;
  quoted?: string;
  signature?: string;
}

/** Separator lines that start forwarded or replied-to history in common clients (en, zh-Hans, zh-Hant). */
const HISTORY_SEPARATOR =
  /^\s*-{2,}\s*(original message|forwarded message|原始邮件|原始郵件|原始訊息|转发的邮件|轉寄的郵件|轉發的郵件|转发邮件)\s*-{2,}\s*$/i;

/** Gmail/Apple attribution lines: "On Mon, 4 Mar 2024, Ann <a@b> wrote:", "…于2024年3月4日周一 10:00写道：", "…於 … 寫道：". */
const ATTRIBUTION_END = /(wrote|写道|寫道)\s*[:：]\s*$/i;
const ATTRIBUTION_START = /^\s*on\s|(写道|寫道)\s*[:：]\s*$/i;

/** Outlook-style header blocks that precede the quoted message. */
const OUTLOOK_FROM = /^\s*\*?(from|发件人|寄件者|寄件人)\*?\s*[:：]/i;
const OUTLOOK_NEXT =
  /^\s*\*?(sent|date|to|subject|发送时间|发送日期|日期|收件人|主题|寄件日期|傳送時間|收件者|主旨)\*?\s*[:：]/i;

/** Lines written by mobile clients in place of a signature. */
const DEVICE_SIGNATURE =
  /^\s*(sent from my \S.*|sent from (outlook|mail) for \S.*|get outlook for \S.*|sent via \S.*|发自我的\s*\S.*|發自我的\s*\S.*|从我的\s*\S.*发送|從我的\s*\S.*傳送|寄自我的\s*\S.*)\s*$/i;

/** Whole-line closings that open a sign-off block; the formal ones count even when nothing follows them. */
const FORMAL_SIGN_OFF =
  /^\s*(best regards|kind regards|warm regards|regards|best wishes|sincerely|yours sincerely|yours truly|respectfully|此致|此致敬礼|敬礼|順頌商祺|顺颂商祺|顺祝商祺|順祝商祺|敬上|謹啟|谨启|祝好|祝商祺)\s*[,，.。!！]?\s*$/i;
const SOFT_SIGN_OFF =
  /^\s*(best|cheers|thanks|thank you|many thanks|thx|谢谢|謝謝|多谢|多謝|唔該|唔该|唔該晒|唔该晒|多謝晒|感谢|感謝)\s*[,，.。!！]?\s*$/i;

/** A line that can sit under a closing: a name, title, company or phone, not a sentence. */
function isSignatureLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && !/[。！？!?]$/.test(t) && !/[.;；]$/.test(t.replace(/\b(Ltd|Inc|Co|Corp)\.$/i, ""));
}

function isQuoteLine(line: string): boolean {
  return /^\s*>/.test(line);
}

/** Index of the first line that starts quoted history (separator, attribution or Outlook header block), or -1. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (HISTORY_SEPARATOR.test(line)) return i;
    if (ATTRIBUTION_END.test(line) && ATTRIBUTION_START.test(line)) return i;
    // Gmail wraps long attributions: "On Mon, … Ann <ann@" / "example.com> wrote:".
    if (/^\s*on\s/i.test(line) && ATTRIBUTION_END.test(lines[i + 1] ?? "") && !isQuoteLine(line)) return i;
    if (OUTLOOK_FROM.test(line)) {
      const following = lines.slice(i + 1, i + 5);
      if (following.some((l) => OUTLOOK_NEXT.test(l))) {
        const before = lines[i - 1] ?? "";
        return /^\s*[_\-=]{8,}\s*$/.test(before) ? i - 1 : i;
      }
    }
  }
  return -1;
}

/** Index of the first signature line within `lines` (the new words only), or -1. */
function signatureStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "-- " || line.trimEnd() === "--" || line.trimEnd() === "——") return i;
    if (DEVICE_SIGNATURE.test(line)) return i;
  }
  const content = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== "");
  // A sign-off block sits in the last few non-empty lines, and everything after the closing looks like a name card.
  for (let k = Math.max(0, content.length - 6); k < content.length; k++) {
    const entry = content[k];
    if (!entry || k === 0) continue;
    const rest = content.slice(k + 1);
    const closing = FORMAL_SIGN_OFF.test(entry.line) || (SOFT_SIGN_OFF.test(entry.line) && rest.length > 0);
    if (closing && rest.length <= 4 && rest.every(({ line }) => isSignatureLine(line) || FORMAL_SIGN_OFF.test(line))) {
      return entry.i;
    }
  }
  return -1;
}

function joined(lines: string[]): string | undefined {
  const text = lines
    .join("\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
  return text.trim() === "" ? undefined : text;
}

/**
 * Splits a plain-text e-mail body into the sender's new words, the quoted history and the signature.
 * Heuristic, tuned on Gmail, Outlook, Apple Mail, Foxmail and QQ Mail replies in English and Chinese;
 * interleaved `> ` lines are moved to `quoted` wherever they appear.
 *
 * @example
 * splitEmailBody("Still broken.\n\nOn Mon, 4 Mar 2024, Support <help@shop.example> wrote:\n> Fixed now.")
 * // → { text: "Still broken.", quoted: "On Mon, 4 Mar 2024, Support <help@shop.example> wrote:\n> Fixed now." }
 */
export function splitEmailBody(body: string): EmailBodyParts {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const start = historyStart(lines);
  const head = start === -1 ? lines : lines.slice(0, start);
  const history = start === -1 ? [] : lines.slice(start);
  const own = head.filter((line) => !isQuoteLine(line));
  const inlineQuotes = head.filter(isQuoteLine);
  const sig = signatureStart(own);
  const words = sig === -1 ? own : own.slice(0, sig);
  const signature = sig === -1 ? undefined : joined(own.slice(sig));
  const quoted = joined([...inlineQuotes, ...(inlineQuotes.length && history.length ? [""] : []), ...history]);
  const parts: EmailBodyParts = { text: (joined(words) ?? "").trim() };
  if (quoted) parts.quoted = quoted;
  if (signature) parts.signature = signature;
  return parts;
}
