import type { ConversationAnalysis } from "../conversation/types.js";
import type { Aspect } from "../labels.js";
import { feelingGroup, fill, join, pick, type SlotValues } from "./compose.js";
import { extractFacts } from "./facts.js";
import type { PhraseBank, ReplyLocale, Slot } from "./phrases/phrase-bank.js";

/** Options for `suggestReplies`. */
export interface SuggestOptions {
  /** Reply language; default: the customer's (Cantonese → zh-Hant-HK, Traditional → zh-Hant-TW). */
  locale?: ReplyLocale;
  /** Channel shapes greeting and sign-off; default chat. */
  channel?: "chat" | "email" | "call" | "social";
  /** What the service knows: filled in instead of blanks. */
  customerName?: string;
  orderNumber?: string;
}

/** One suggested reply: its text, the parts it was built from, and the blanks the agent must fill. */
export interface SuggestedReply {
  text: string;
  style: "warm" | "concise" | "options";
  parts: string[];
  blanks: Slot[];
}

/** What the suggestions were matched to. */
export interface SuggestionContext {
  locale: ReplyLocale;
  emotion: ConversationAnalysis["final"]["emotion"];
  intensity: number;
  cause: Aspect | null;
  channel: NonNullable<SuggestOptions["channel"]>;
  /** The customer was abusive: the replies set a boundary. */
  boundary: boolean;
  /** The agent should bring in a supervisor (threat, abuse, repeated contact or high risk). */
  escalate: boolean;
}

const STYLES: SuggestedReply["style"][] = ["warm", "concise", "options"];
const PROMISE =
  /([^。！？!?\n.]*(?:明天|今天|后天|\d+\s*(?:小时|天|个工作日)|tomorrow|today|within \d+|by (?:monday|tuesday|wednesday|thursday|friday|\d))[^。！？!?\n.]*)/i;
const PROMISE_VERB = /(会|将|會|will|'ll|shall)/i;

/** What the conversation already says: the order number, an amount, and what the agent promised. */
export function knownSlots(conversation: ConversationAnalysis, options: SuggestOptions): SlotValues {
  const slots: SlotValues = {};
  if (options.customerName) slots.name = options.customerName;
  for (const t of conversation.turns) {
    for (const f of extractFacts(t.text)) {
      if (f.kind === "order" && !slots.order) slots.order = f.text;
      if (f.kind === "amount" && !slots.amount) slots.amount = f.text;
    }
  }
  if (options.orderNumber) slots.order = options.orderNumber;
  for (let i = conversation.turns.length - 1; i >= 0; i--) {
    const t = conversation.turns[i];
    if (t?.speaker !== "agent") continue;
    const m = PROMISE.exec(t.text);
    if (m?.[1] && PROMISE_VERB.test(m[1])) {
      // The promise itself, without the greeting it came with ("您好，我们明天会回复" → "我们明天会回复").
      const promise = m[1]
        .replace(/^[\s,，]*(您好|你好|hi|hello|dear [^,，]*|thanks?( you)?( for [^,，]*)?)[\s,，!！]*/i, "")
        .trim();
      if (promise.length >= 4) slots.promise = promise;
      break;
    }
  }
  return slots;
}

/**
 * Three replies for the agent, empathy first: acknowledge and validate the feeling (matched to its
 * strength) → apologize where the company is at fault → take ownership → a concrete next step with a
 * time → options where there are any → follow-up. Abuse gets a polite boundary; a conversation the
 * agent cannot settle gets a supervisor. Unknown facts are left as marked blanks.
 */
export function buildSuggestions(
  conversation: ConversationAnalysis,
  bank: PhraseBank,
  context: SuggestionContext,
  slots: SlotValues,
): SuggestedReply[] {
  const group = feelingGroup(context.emotion);
  const negative = conversation.final.polarity === "negative";
  const high = context.intensity >= 0.55 ? "high" : "low";
  const atFault = negative && ["anger", "frustration", "disappointment", "sadness"].includes(context.emotion);
  const cause = context.cause;
  const replies: SuggestedReply[] = [];
  for (let v = 0; v < 3; v++) {
    const style = STYLES[v] as SuggestedReply["style"];
    const parts: string[] = [];
    const blanks = new Set<Slot>();
    const add = (template: string | undefined) => {
      if (!template) return;
      const r = fill(template, slots, bank);
      for (const b of r.blanks) blanks.add(b);
      parts.push(r.text);
    };
    if (context.channel === "email" || (context.channel === "call" && v === 0) || (slots.name && v !== 1)) {
      add(pick(bank.greeting[context.channel === "social" ? "chat" : context.channel], v));
    }
    if (group === "positive") {
      add(pick(bank.acknowledge.positive[high], v));
      add(pick(bank.thanksBack, v));
      if (v !== 1) add(pick(bank.invite, v));
    } else {
      if (context.boundary) add(pick(bank.boundary, v));
      add(pick(bank.acknowledge[group][context.boundary ? "low" : high], v));
      if (atFault) add(pick(bank.apology[high], v));
      if (negative && v !== 1) add(pick(bank.ownership, v));
      if (slots.promise && negative) add(pick(bank.keepPromise, v));
      add(pick(cause && bank.nextStep[cause] ? (bank.nextStep[cause] as string[]) : bank.nextStep.general, v));
      const options = cause ? bank.options[cause] : undefined;
      if (options && style === "options") add(pick(options, v));
      if (negative && style !== "concise") add(pick(bank.followUp, v));
      if (context.boundary) add(pick(bank.offerContinue, v));
      else if (context.escalate && (style === "options" || context.intensity >= 0.7)) add(pick(bank.supervisor, v));
    }
    if (context.channel === "email" || context.channel === "call") add(pick(bank.signoff[context.channel], v));
    replies.push({ text: join(parts, bank), style, parts, blanks: [...blanks] });
  }
  return replies;
}
