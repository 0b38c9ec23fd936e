import type { FastifyInstance } from "fastify";

const DAY = 86_400_000;

/** Messages written for these tests: four languages, five channels, products, CSAT answers and an abusive customer. */
export function fixtureMessages(now: Date) {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY + minutes * 60_000).toISOString();
  const m = (
    conversationId: string,
    channel: string,
    text: string,
    when: string,
    extra: { speaker?: string; meta?: Record<string, unknown>; customerId?: string } = {},
  ) => ({
    externalId: `${conversationId}:${when}:${extra.speaker ?? "customer"}`,
    conversationId,
    customerId: extra.customerId ?? `cust-${conversationId}`,
    channel,
    speaker: extra.speaker ?? "customer",
    text,
    at: when,
    ...(extra.meta ? { meta: extra.meta } : {}),
  });
  return [
    m(
      "t-1",
      "chat",
      "我的蓝牙耳机快递显示签收了但我根本没收到，打我电话13812345678，气死我了！再不处理我就投诉！",
      at(3),
      {
        meta: { product: "蓝牙耳机" },
      },
    ),
    m("t-1", "chat", "非常抱歉，我马上帮您查物流。", at(3, 2), { speaker: "agent" }),
    m("t-1", "survey", "物流太慢了，很失望", at(2), { meta: { csat: 1 } }),
    m(
      "t-2",
      "email",
      "The refund for my headphones still hasn't arrived after two weeks. This is really frustrating.",
      at(5),
      {
        meta: { product: "headphones" },
      },
    ),
    m("t-2", "email", "I'm sorry for the wait, I've escalated the refund today.", at(5, 30), { speaker: "agent" }),
    m("t-2", "survey", "Slow refund", at(4), { meta: { csat: 2 } }),
    m("t-3", "chat", "謝謝你們，問題解決了，很滿意！", at(1), { meta: { product: "智能手錶" } }),
    m("t-3", "survey", "服務很好", at(1, 10), { meta: { csat: 5 } }),
    m("t-4", "chat", "You idiots are useless, worst service ever!!! I want my money back now", at(0, -20), {
      meta: { product: "headphones" },
    }),
    m("t-5", "social", "等咗成個鐘都冇人覆，好嬲，部電話又壞咗", at(0, -10)),
    m("t-6", "review", "质量太差了，用了两天就坏了，退货还要自己付运费", at(8), { meta: { product: "蓝牙耳机" } }),
    m("t-7", "call", "Hi, I just want to check when my order will ship, thanks", at(10)),
    m("t-8", "chat", "第三次联系你们了，账单又多扣了一百块钱，到底怎么回事", at(6)),
    m("old", "chat", "This is from long ago and angry!!!", at(90)),
  ];
}

/** Stores the fixture through the API (analyzed on ingest). */
export async function ingestFixture(app: FastifyInstance, ingestKey: string, now = new Date()): Promise<void> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/messages/batch",
    headers: { "x-api-key": ingestKey, "content-type": "application/json" },
    payload: JSON.stringify({ messages: fixtureMessages(now) }),
  });
  if (res.statusCode !== 201) throw new Error(`fixture ingest failed: ${res.statusCode} ${res.body}`);
}
