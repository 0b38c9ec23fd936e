import { AttuneError } from "@attune/engine";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import type { ImportResult, IncomingMessage } from "../domain/message.js";
import { splitEmailBody } from "./email-body.js";
import { assertSource, describeValue, digest, type ImportSource } from "./source.js";

/** Who counts as the company's side of an e-mail thread. */
export interface EmailImportOptions {
  /** Addresses of agents and shared inboxes (`support@shop.example`); compared case-insensitively. */
  agentAddresses?: string[];
  /** Domains whose senders are agents (`shop.example`); subdomains count too. */
  agentDomains?: string[];
}

/** Reply and forward prefixes stripped from subjects (en, de, nordic, zh-Hans, zh-Hant). */
const SUBJECT_PREFIX =
  /^\s*(?:\[[^\]]*\]\s*)?(re|fw|fwd|aw|sv|wg|回复|回覆|答复|答覆|转发|轉寄|轉發)\s*(\[\d+\])?\s*[:：]\s*/i;

/**
 * A subject with reply/forward prefixes removed, whitespace collapsed and lower-cased, so a thread's
 * messages share it: `Re: 回复: Order late` → `order late`.
 */
export function normalizeSubject(subject: string): string {
  let s = subject.trim();
  for (let previous = ""; previous !== s; ) {
    previous = s;
    s = s.replace(SUBJECT_PREFIX, "");
  }
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

/** A Message-ID without its angle brackets: `<abc@mail.example>` → `abc@mail.example`. */
function bareId(id: string | undefined): string | undefined {
  const bare = id?.trim().replace(/^<|>$/g, "").trim();
  return bare ? bare : undefined;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): string | undefined {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  for (const object of objects) {
    for (const entry of object.value) {
      const address = entry.address ?? entry.group?.find((g) => g.address)?.address;
      if (address) return address.toLowerCase();
    }
  }
  return undefined;
}

function allAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((o) => o.value.map((v) => v.address?.toLowerCase()).filter((a): a is string => !!a));
}

function checkOptions(options: EmailImportOptions): (address: string) => boolean {
  for (const key of ["agentAddresses", "agentDomains"] as const) {
    const list = options[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== "string"))) {
      throw new AttuneError("invalid_option", `${key} expected an array of strings, found ${describeValue(list)}`);
    }
  }
  const addresses = new Set((options.agentAddresses ?? []).map((a) => a.trim().toLowerCase()));
  const domains = (options.agentDomains ?? []).map((d) => d.trim().toLowerCase().replace(/^@/, ""));
  return (address) => {
    const domain = address.slice(address.lastIndexOf("@") + 1);
    return addresses.has(address) || domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
}

/** The thread root: first References id, else In-Reply-To, else the own Message-ID, else the normalized subject. */
function threadId(mail: ParsedMail): string | undefined {
  const references = typeof mail.references === "string" ? mail.references.split(/\s+/) : (mail.references ?? []);
  const root = bareId(references.find((r) => bareId(r))) ?? bareId(mail.inReplyTo?.split(/\s+/)[0]);
  if (root) return root;
  const own = bareId(mail.messageId);
  if (own) return own;
  const subject = normalizeSubject(mail.subject ?? "");
  return subject ? `subject:${subject}` : undefined;
}

/** An mbox archive's envelope line, as opposed to a body line that happens to start with "From ". */
function isEnvelopeLine(line: string): boolean {
  return /^From \S+ .*\d{1,2}:\d{2}/.test(line);
}

/** Drops an mbox envelope line that some tools leave at the top of a saved `.eml`. */
function withoutEnvelope(raw: Buffer): Buffer {
  const end = raw.indexOf(0x0a);
  const first = raw.subarray(0, end === -1 ? raw.length : end).toString("latin1");
  return first.startsWith("From ") && isEnvelopeLine(first.trimEnd()) ? raw.subarray(end + 1) : raw;
}

/** Parses one raw message; returns the message or the reason it was skipped. Never throws on bad input. */
async function parseOne(
  raw: Buffer,
  isAgent: (address: string) => boolean,
): Promise<{ message: IncomingMessage } | { reason: string }> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(withoutEnvelope(raw), { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    return { reason: `expected a MIME message, found one mailparser rejects: ${(error as Error).message}` };
  }
  if (mail.headers.size === 0) {
    return { reason: "expected MIME headers (From:, Date:, …) before the body, found none" };
  }
  const from = firstAddress(mail.from);
  if (!from) {
    const header = mail.headers.get("from");
    return {
      reason: `expected a From: header with an address, found ${header ? `"${String(mail.from?.text ?? header)}"` : "no From: header"}`,
    };
  }
  const body = mail.text ?? "";
  const attachments = mail.attachments
    .filter((a) => a.contentDisposition !== "inline" || !a.contentId)
    .map((a) => a.filename ?? `(unnamed ${a.contentType})`);
  if (body.trim() === "" && attachments.length === 0) {
    const type = mail.headers.get("content-type");
    const found = typeof type === "object" && type && "value" in type ? type.value : "no readable part";
    return { reason: `expected a text/plain or text/html part, found ${found} with no text` };
  }
  const parts = splitEmailBody(body);
  if (parts.text === "" && attachments.length === 0) {
    return { reason: "expected new text from the sender, found only quoted history or a signature" };
  }
  const agent = isAgent(from);
  const customerId = agent ? [...allAddresses(mail.to), ...allAddresses(mail.cc)].find((a) => !isAgent(a)) : from;
  const meta: Record<string, unknown> = {};
  if (mail.subject) meta.subject = mail.subject;
  const name = mail.from?.value[0]?.name;
  if (name) meta.fromName = name;
  if (parts.quoted) meta.quoted = parts.quoted;
  if (parts.signature) meta.signature = parts.signature;
  if (attachments.length) meta.attachments = attachments;
  const message: IncomingMessage = {
    externalId: bareId(mail.messageId) ?? `email:${digest(raw)}`,
    channel: "email",
    speaker: agent ? "agent" : "customer",
    text: parts.text,
    meta,
  };
  const conversationId = threadId(mail);
  if (conversationId) message.conversationId = conversationId;
  if (customerId) message.customerId = customerId;
  if (mail.date && !Number.isNaN(mail.date.getTime()) && mail.headers.has("date")) message.at = mail.date.toISOString();
  return { message };
}

/**
 * Reads one `.eml` message: the sender's new words become `text`; quoted history, signature, subject and
 * attachment names go to `meta`. A message that cannot be read comes back in `skipped`, never as a throw.
 * Messages without a Message-ID get a content digest as `externalId`, so re-importing the same file dedups.
 *
 * @example
 * const { messages } = await parseEml(buffer, { agentDomains: ["shop.example"] });
 * messages[0]; // { channel: "email", speaker: "customer", customerId: "ann@mail.example", text: "Still broken.", … }
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export async function parseEml(input: ImportSource, options: EmailImportOptions = {}): Promise<ImportResult> {
  assertSource(input, "parseEml");
  const isAgent = checkOptions(options);
  const raw = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input);
  const outcome = await parseOne(raw, isAgent);
  if ("reason" in outcome) return { messages: [], skipped: [{ item: "message", reason: outcome.reason }] };
  return { messages: [outcome.message], skipped: [] };
}

/**
 * Splits an mbox archive into raw messages: a message starts at an envelope line `From sender date` at the top
 * of the file or after a blank line; `>From ` quoting (mboxrd and mboxo) is undone in the bodies.
 * Works on bytes, so 8-bit GBK or Big5 bodies survive untouched.
 */
export function splitMbox(input: ImportSource): Buffer[] {
  assertSource(input, "splitMbox");
  const text =
    typeof input === "string" ? Buffer.from(input, "utf8").toString("latin1") : Buffer.from(input).toString("latin1");
  const lines = text.split("\n");
  const messages: string[][] = [];
  let current: string[] | undefined;
  lines.forEach((line, i) => {
    const previous = i === 0 ? "" : (lines[i - 1] ?? "").replace(/\r$/, "");
    if (line.startsWith("From ") && previous === "" && isEnvelopeLine(line.replace(/\r$/, ""))) {
      current = [];
      messages.push(current);
      return;
    }
    // Text before the first envelope line is not a message of the archive; it is ignored only if blank.
    if (!current) {
      current = [];
      messages.push(current);
    }
    current.push(/^>+From /.test(line) ? line.slice(1) : line);
  });
  return messages
    .map((m) => {
      while (m.length && (m[m.length - 1] ?? "").replace(/\r$/, "") === "") m.pop();
      return Buffer.from(m.join("\n"), "latin1");
    })
    .filter((m) => m.length > 0);
}

/**
 * Reads an mbox archive (Thunderbird, Gmail Takeout, `mutt`): each message as {@link parseEml} reads it.
 * A message that cannot be read is skipped with its position and reason; the rest still import.
 *
 * @example
 * const { messages, skipped } = await parseMbox(archive, { agentAddresses: ["support@shop.example"] });
 * skipped; // [{ item: "message 3", reason: "expected a From: header with an address, found no From: header" }]
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export async function parseMbox(input: ImportSource, options: EmailImportOptions = {}): Promise<ImportResult> {
  assertSource(input, "parseMbox");
  const isAgent = checkOptions(options);
  const raws = splitMbox(input);
  const result: ImportResult = { messages: [], skipped: [] };
  if (raws.length === 0) {
    return { messages: [], skipped: [{ item: "file", reason: "expected mbox messages, found an empty file" }] };
  }
  for (const [i, raw] of raws.entries()) {
    const outcome = await parseOne(raw, isAgent);
    if ("reason" in outcome) result.skipped.push({ item: `message ${i + 1}`, reason: outcome.reason });
    else result.messages.push(outcome.message);
  }
  return result;
}
