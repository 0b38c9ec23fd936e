import type { AnalyticsFilter, IncomingMessage, Store } from "@attune/core";
import { beforeAll, describe, expect, it } from "vitest";

/** A made-up analysis with just the fields the facts read. */
const analysis = (
  emotion: string,
  polarity: string,
  score: number,
  intensity: number,
  opts: { cause?: string; abuse?: boolean; lang?: string } = {},
) => ({
  lang: opts.lang ?? "zh-Hans",
  emotion,
  polarity,
  score,
  intensity,
  signals: { abuse: { score: opts.abuse ? 0.9 : 0, present: opts.abuse === true, evidence: [] } },
  causes: opts.cause ? [{ aspect: opts.cause, span: { start: 0, end: 1, text: "x" } }] : [],
});

const now = "2026-03-10T12:00:00.000Z";
const march: AnalyticsFilter = { from: "2026-03-01T00:00:00.000Z", to: "2026-03-11T00:00:00.000Z" };

/**
 * The analytics read side and the agent roster, for every Store: the same small month of analyzed messages
 * must give the same figures on SQLite and PostgreSQL.
 */
export function analyticsContract(getStore: () => Store) {
  describe("analytics and roster", () => {
    let store: Store;
    let t: string;
    let ids: string[];
    let convs: string[];
    beforeAll(async () => {
      store = getStore();
      t = (await store.createTenant("Analytics")).id;
      const m = (over: Partial<IncomingMessage>): IncomingMessage => ({
        channel: "chat",
        speaker: "customer",
        text: "快递三天了还没到，气死我了",
        ...over,
      });
      const out = await store.insertMessages(
        t,
        [
          m({ conversationId: "a1", customerId: "c1", at: "2026-03-02T09:15:00+08:00", meta: { product: "耳机" } }),
          m({ conversationId: "a1", speaker: "agent", text: "抱歉，马上查", at: "2026-03-02T01:20:00Z" }),
          m({ conversationId: "a1", channel: "survey", text: "还行", at: "2026-03-03T02:00:00Z", meta: { csat: 2 } }),
          m({
            conversationId: "a2",
            customerId: "c2",
            channel: "email",
            text: "Refund took ages",
            at: "2026-03-04T10:00:00Z",
          }),
          m({ conversationId: "a2", channel: "survey", text: "", at: "2026-03-05T10:00:00Z", meta: { csat: 4 } }),
          m({ conversationId: "a3", customerId: "c3", text: "谢谢，很满意", at: "2026-03-09T23:30:00Z" }),
          m({ conversationId: "a4", customerId: "c4", text: "old", at: "2026-02-01T10:00:00Z" }),
          m({ conversationId: "a5", customerId: "c5", text: "你们这群骗子", at: "2026-03-10T08:00:00Z" }),
        ],
        now,
      );
      ids = out.map((o) => o.id);
      convs = out.map((o) => o.conversationId);
      await store.setAnalyses(t, [
        {
          id: ids[0] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("anger", "negative", -0.8, 0.9, { cause: "delivery" }),
        },
        { id: ids[1] as string, status: "done", skipReason: null, analysis: null },
        { id: ids[2] as string, status: "done", skipReason: null, analysis: analysis("neutral", "neutral", 0, 0.2) },
        {
          id: ids[3] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("frustration", "negative", -0.5, 0.6, { cause: "refund_return", lang: "en" }),
        },
        {
          id: ids[4] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("neutral", "neutral", 0, 0, { lang: "en" }),
        },
        {
          id: ids[5] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("gratitude", "positive", 0.8, 0.7),
        },
        {
          id: ids[6] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("anger", "negative", -0.9, 0.9, { cause: "delivery" }),
        },
        {
          id: ids[7] as string,
          status: "done",
          skipReason: null,
          analysis: analysis("anger", "negative", -0.9, 0.95, { cause: "agent_attitude", abuse: true }),
        },
      ]);
    });

    it("counts customer messages per key and UTC hour, in the period only", async () => {
      const rows = await store.analyticsTrend(t, march, "channel");
      const chat = rows.filter((r) => r.key === "chat");
      // 09:15 in Beijing is 01:15 UTC: times are normalized before bucketing.
      expect(chat.map((r) => r.hour)).toEqual(["2026-03-02T01", "2026-03-09T23", "2026-03-10T08"]);
      expect(chat.reduce((n, r) => n + r.messages, 0)).toBe(3);
      expect(chat[0]).toMatchObject({ messages: 1, negative: 1 });
      expect(chat[0]?.sumScore).toBeCloseTo(-0.8);
      const byProduct = await store.analyticsTrend(t, march, "product");
      expect(new Set(byProduct.map((r) => r.key))).toEqual(new Set(["耳机", "unknown"]));
      const en = await store.analyticsTrend(t, { ...march, lang: "en" }, "cause");
      expect(en.map((r) => r.key).sort()).toEqual(["none", "refund_return"]);
    });

    it("breaks causes down by emotion and quotes the most intense messages", async () => {
      const causes = await store.analyticsCauses(t, march);
      expect(causes.find((c) => c.cause === "delivery")).toEqual({
        cause: "delivery",
        emotion: "anger",
        total: 1,
        negative: 1,
      });
      expect(causes.some((c) => c.cause === "none")).toBe(false);
      const examples = await store.analyticsCauseExamples(t, march, 3);
      expect(examples.find((e) => e.cause === "delivery")).toMatchObject({
        messageId: ids[0],
        conversationId: convs[0],
        text: "快递三天了还没到，气死我了",
        emotion: "anger",
      });
    });

    it("relates the customer's peak emotion to CSAT answers", async () => {
      const { rows, correlation } = await store.analyticsSatisfaction(t, march);
      const anger = rows.find((r) => r.emotion === "anger");
      expect(anger).toMatchObject({ conversations: 2, surveyed: 1, sumCsat: 2 });
      expect(rows.find((r) => r.emotion === "frustration")).toMatchObject({
        conversations: 1,
        surveyed: 1,
        sumCsat: 4,
      });
      expect(correlation.n).toBe(2);
      expect(correlation.sy).toBe(6);
      // With a channel filter, CSAT still comes from the survey answers of the chosen conversations.
      const email = await store.analyticsSatisfaction(t, { ...march, channel: "email" });
      expect(email.rows).toEqual([
        { emotion: "frustration", conversations: 1, surveyed: 1, sumCsat: 4, sumScore: -0.5 },
      ]);
    });

    it("counts follow-ups by the conversation's cause and outcome", async () => {
      await store.createFollowUp(t, convs[0] as string, null, "closed angry", -0.8, "2026-03-02T02:00:00.000Z");
      const f2 = await store.createFollowUp(
        t,
        convs[3] as string,
        null,
        "closed frustrated",
        -0.5,
        "2026-03-04T11:00:00.000Z",
      );
      await store.closeFollowUp(
        t,
        f2?.id as string,
        { recovered: true, afterScore: 0.3, messageId: null, note: "" },
        now,
      );
      const rows = await store.analyticsFollowUps(t, march);
      expect(rows.sort((a, b) => a.cause.localeCompare(b.cause))).toEqual([
        { cause: "delivery", status: "open", recovered: false, count: 1 },
        { cause: "refund_return", status: "done", recovered: true, count: 1 },
      ]);
      expect(await store.analyticsFollowUps(t, { ...march, channel: "email" })).toHaveLength(1);
    });

    it("compares the latest correction of each message with the engine's label", async () => {
      await store.addCorrection(t, ids[0] as string, "frustration", null, "a", "2026-03-05T00:00:00.000Z");
      await store.addCorrection(t, ids[0] as string, "anger", null, "b", "2026-03-06T00:00:00.000Z");
      await store.addCorrection(t, ids[3] as string, "disappointment", null, "a", "2026-03-06T00:00:00.000Z");
      const rows = await store.analyticsCorrections(t, march);
      expect(rows.sort((a, b) => a.lang.localeCompare(b.lang))).toEqual([
        { lang: "en", predicted: "frustration", corrected: "disappointment", count: 1 },
        { lang: "zh-Hans", predicted: "anger", corrected: "anger", count: 1 },
      ]);
    });

    it("keeps a roster, breaks, and each agent's exposure; heatmaps by team, channel and hour", async () => {
      await store.upsertAgent(t, { id: "li", name: "李娜", team: "华东" }, now);
      await store.upsertAgent(t, { id: "li", name: "李娜", team: "华南" }, now);
      await store.upsertAgent(t, { id: "sam", name: "Sam", team: null }, now);
      expect(await store.listAgents(t)).toEqual([
        { id: "sam", name: "Sam", team: null },
        { id: "li", name: "李娜", team: "华南" },
      ]);
      expect(await store.recordBreak(t, "nobody", now, 10)).toBeNull();
      await store.recordBreak(t, "li", "2026-03-10T09:00:00.000Z", 10);
      await store.recordBreak(t, "li", "2026-03-10T11:00:00.000Z", null);
      expect(await store.lastBreaks(t)).toEqual([{ agentId: "li", at: "2026-03-10T11:00:00.000Z", minutes: null }]);

      await store.assignConversation(t, convs[0] as string, "li", now);
      await store.assignConversation(t, convs[7] as string, "li", now);
      const exposure = await store.agentExposure(t, "2026-03-02T00:00:00.000Z");
      const mine = exposure.filter((e) => e.agent === "li").sort((a, b) => a.lastAt.localeCompare(b.lastAt));
      expect(mine.map((e) => [e.agentTurns, e.abusive])).toEqual([
        [1, false],
        [0, true],
      ]);
      expect(mine[0]?.lastAt).toBe("2026-03-02T01:20:00.000Z");
      expect(mine[0]?.maxAnger).toBeCloseTo(0.9);

      const team = await store.analyticsHeatmap(t, march, "team");
      expect(team.find((c) => c.row === "华南" && c.emotion === "anger")?.count).toBe(2);
      expect(team.some((c) => c.row === "unassigned")).toBe(true);
      const hour = await store.analyticsHeatmap(t, march, "hour");
      expect(hour.find((c) => c.row === "1")).toMatchObject({ emotion: "anger", count: 1 });
      const channel = await store.analyticsHeatmap(t, { ...march, channel: "email" }, "channel");
      expect(channel).toEqual([{ row: "email", emotion: "frustration", count: 1 }]);
    });

    it("lists open conversations with the customer, and counts events by type since a time", async () => {
      const open = await store.listOpenConversations(t, 100);
      expect(open.find((c) => c.id === convs[0])).toMatchObject({ customer: "c1", channel: "chat", assignedTo: "li" });
      await store.appendEvent(t, "supervisor", "alert", { kind: "abuse" }, "2026-03-10T01:00:00.000Z");
      await store.appendEvent(t, "supervisor", "alert", { kind: "abuse" }, "2026-03-09T01:00:00.000Z");
      expect(await store.countEvents(t, "alert", "2026-03-10T00:00:00.000Z")).toBe(1);
    });

    it("drops a message's facts when its emotion data goes (consent, retention, erasure)", async () => {
      await store.setAnalysis(t, ids[5] as string, "skipped", null, "consent_withdrawn");
      expect((await store.analyticsTrend(t, march, "emotion")).some((r) => r.key === "gratitude")).toBe(false);
      await store.expireAnalyses(t, "2026-02-15T00:00:00.000Z");
      const feb = { from: "2026-01-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" };
      expect(await store.analyticsTrend(t, feb, "emotion")).toEqual([]);
      await store.eraseCustomer(t, "c5");
      expect((await store.analyticsCauses(t, march)).some((c) => c.cause === "agent_attitude")).toBe(false);
      // Another tenant sees none of it.
      const other = (await store.createTenant("Other")).id;
      expect(await store.analyticsTrend(other, march, "channel")).toEqual([]);
      expect(await store.listAgents(other)).toEqual([]);
    });
  });
}
