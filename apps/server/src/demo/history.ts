import type { Channel, IncomingMessage } from "@attune/core";
import { mulberry32 } from "@attune/engine";
import {
  DEMO_CAUSES,
  DEMO_LINES,
  DEMO_PRODUCT_EN,
  DEMO_PRODUCTS,
  type DemoCause,
  type DemoLang,
} from "./history-texts.js";

/** An agent of the demo team. The first is the demo agent key's name, so that key sees its own wellbeing. */
export interface DemoAgent {
  id: string;
  name: string;
  team: string;
  langs: readonly DemoLang[];
}

/** Six agents in three teams. */
export const DEMO_AGENTS: readonly DemoAgent[] = [
  { id: "demo agent", name: "陈静", team: "华东一组", langs: ["zh-Hans", "en"] },
  { id: "wang.lei", name: "王磊", team: "华东一组", langs: ["zh-Hans"] },
  { id: "liu.yang", name: "刘洋", team: "华南二组", langs: ["zh-Hans", "en"] },
  { id: "zhao.min", name: "赵敏", team: "华南二组", langs: ["zh-Hans", "en"] },
  { id: "chan.kaming", name: "陳家明", team: "港台组", langs: ["yue", "zh-Hant", "en"] },
  { id: "lin.yating", name: "林雅婷", team: "港台组", langs: ["zh-Hant", "yue"] },
];

/** One planned conversation: its messages, who handled it, when it closed, and what came after. */
export interface PlannedConversation {
  key: string;
  agent: string;
  /** Messages in the conversation, including a CSAT survey answer when the customer gave one. */
  messages: IncomingMessage[];
  /** When it was closed (null: still open). */
  closedAt: string | null;
  /** The customer writing again a few days later, in a new conversation (after a follow-up). */
  returnVisit: IncomingMessage | null;
}

export interface HistoryOptions {
  now: Date;
  days: number;
  conversations: number;
  seed: number;
  /** Prefix of every idempotency key, conversation and customer id (so re-seeding stores nothing twice). */
  prefix: string;
}

type Rand = () => number;
const MINUTE = 60_000;
const DAY = 86_400_000;

function pickWeighted<T>(rand: Rand, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
}
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const LANGS: ReadonlyArray<[DemoLang, number]> = [
  ["zh-Hans", 0.45],
  ["zh-Hant", 0.18],
  ["yue", 0.12],
  ["en", 0.25],
];
const CHANNELS: ReadonlyArray<[Channel, number]> = [
  ["chat", 0.45],
  ["email", 0.18],
  ["social", 0.12],
  ["review", 0.08],
  ["call", 0.17],
];
const PRODUCT_CAUSES: ReadonlySet<DemoCause> = new Set([
  "delivery",
  "product_quality",
  "refund_return",
  "technical_fault",
]);

/** A time on day `daysAgo`, during Beijing office hours (09:00–22:00, busier at midday and evening). */
function officeTime(rand: Rand, now: Date, daysAgo: number): number {
  const beijingMidnight = Math.floor((now.getTime() + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const hour = pickWeighted(rand, [
    [9, 0.6],
    [10, 1],
    [11, 1.2],
    [12, 0.8],
    [13, 0.9],
    [14, 1.1],
    [15, 1.1],
    [16, 1],
    [17, 0.9],
    [19, 0.8],
    [20, 1],
    [21, 0.7],
  ]);
  return beijingMidnight - daysAgo * DAY + hour * 3_600_000 + Math.floor(rand() * 60) * MINUTE;
}

/**
 * A month of support history, deterministic for a seed: conversations in four languages over five channels,
 * customers angry, worried or pleased about eight causes and five products, agents answering, some customers
 * feeling better and some not, CSAT answers that follow the outcome, and customers who write again later.
 */
export function planHistory(o: HistoryOptions): PlannedConversation[] {
  const rand = mulberry32(o.seed);
  const plans: PlannedConversation[] = [];
  const customers: string[] = [];
  for (let i = 0; i < o.conversations; i++) {
    const lang = pickWeighted(rand, LANGS);
    const lines = DEMO_LINES[lang];
    const channel = lang === "yue" && rand() < 0.4 ? "call" : pickWeighted(rand, CHANNELS);
    const cause = pickWeighted(rand, DEMO_CAUSES);
    const product = PRODUCT_CAUSES.has(cause) || rand() < 0.3 ? pick(rand, DEMO_PRODUCTS) : null;
    const named = product && lang === "en" ? DEMO_PRODUCT_EN[product] : product;
    const say = (text: string) => text.replaceAll("{p}", named ?? (lang === "en" ? "order" : "订单"));
    // Older days are a little quieter, so the trend has a shape.
    const daysAgo = Math.min(o.days - 1, Math.floor(rand() ** 1.25 * o.days));
    const start = officeTime(rand, o.now, daysAgo);
    if (start > o.now.getTime() - 5 * MINUTE) continue;
    const customer = customers.length > 10 && rand() < 0.15 ? pick(rand, customers) : `${o.prefix}customer-${i}`;
    customers.push(customer);
    const key = `${o.prefix}conv-${i}`;
    const agents = DEMO_AGENTS.filter((a) => a.langs.includes(lang));
    const agent = pick(rand, agents.length ? agents : DEMO_AGENTS).id;
    const tone = pickWeighted(rand, [
      ["strong", 0.34],
      ["mild", 0.46],
      ["warm", 0.1],
      ["abusive", 0.1],
    ] as const);
    const opening =
      tone === "warm"
        ? pick(rand, lines.warm)
        : tone === "abusive"
          ? `${say(pick(rand, lines.strong[cause]))}${lang === "en" ? " " : ""}${pick(rand, lines.abusive)}`
          : say(pick(rand, lines[tone][cause]));
    const messages: IncomingMessage[] = [];
    const base = {
      conversationId: key,
      customerId: customer,
      channel,
      lang,
      ...(product ? { meta: { product } } : {}),
    };
    const at = (ms: number) => new Date(ms).toISOString();
    let t = start;
    messages.push({ ...base, externalId: `${key}:0`, speaker: "customer", text: opening, at: at(t) });
    const answered = t + (2 + Math.floor(rand() * 40)) * MINUTE;
    const isLast = answered > o.now.getTime();
    if (!isLast) {
      t = answered;
      messages.push({ ...base, externalId: `${key}:1`, speaker: "agent", text: pick(rand, lines.agent), at: at(t) });
    }
    const good = tone === "warm" || rand() < (tone === "mild" ? 0.75 : 0.45);
    if (!isLast && tone !== "warm" && rand() < 0.7 && t + 10 * MINUTE < o.now.getTime()) {
      t += (3 + Math.floor(rand() * 20)) * MINUTE;
      const text = good ? pick(rand, lines.warm) : pick(rand, lines.stillBad);
      messages.push({ ...base, externalId: `${key}:2`, speaker: "customer", text, at: at(t) });
    }
    // Yesterday's conversations are mostly closed, older ones all: a weeks-old open ticket is not a demo's story.
    const closedAt = daysAgo >= 1 && (rand() < 0.92 || daysAgo >= 2) ? t + 30 * MINUTE : null;
    if (closedAt !== null && rand() < 0.4) {
      const csat = good ? (rand() < 0.6 ? 5 : 4) : tone === "mild" ? (rand() < 0.5 ? 3 : 2) : rand() < 0.6 ? 1 : 2;
      const comment = csat >= 4 ? lines.survey.high : csat === 3 ? lines.survey.mid : lines.survey.low;
      messages.push({
        conversationId: key,
        customerId: customer,
        channel: "survey",
        lang,
        externalId: `${key}:survey`,
        speaker: "customer",
        text: rand() < 0.8 ? pick(rand, comment) : "",
        at: at(closedAt + 60 * MINUTE),
        meta: { csat, survey: "post-chat", ...(product ? { product } : {}) },
      });
    }
    const back = closedAt === null ? null : closedAt + (1 + Math.floor(rand() * 3)) * DAY;
    const returnVisit =
      back !== null && !good && back < o.now.getTime() && rand() < 0.6
        ? {
            conversationId: `${key}:again`,
            customerId: customer,
            channel,
            lang,
            externalId: `${key}:again:0`,
            speaker: "customer" as const,
            text: rand() < 0.6 ? pick(rand, lines.warm) : pick(rand, lines.stillBad),
            at: at(back),
          }
        : null;
    plans.push({ key, agent, messages, closedAt: closedAt === null ? null : at(closedAt), returnVisit });
  }
  return plans;
}
