import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IncomingMessage, Store } from "@attune/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsContract } from "./analytics.contract.js";
import { openStore } from "./create-store.js";

const now = "2026-03-02T10:00:00.000Z";
const msg = (over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  channel: "chat",
  speaker: "customer",
  text: "快递还没到",
  customerId: "cust-1",
  conversationId: "conv-1",
  ...over,
});

/** One contract, every Store: the same expectations for SQLite and PostgreSQL. */
function storeContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let a: string;
    let b: string;
    beforeAll(async () => {
      store = await open();
      a = (await store.createTenant("Tenant A")).id;
      b = (await store.createTenant("Tenant B")).id;
    });
    afterAll(async () => {
      await store.close();
    });

    it("reads many conversations, their messages and their customers at once, within the tenant", async () => {
      const t = (await store.createTenant("Batch reads")).id;
      const out = await store.insertMessages(
        t,
        [
          msg({ externalId: "b1", conversationId: "bx", customerId: "cx", at: "2026-03-02T10:02:00Z" }),
          msg({ externalId: "b2", conversationId: "by", customerId: "cy", at: "2026-03-02T10:00:00Z" }),
          msg({ externalId: "b3", conversationId: "bx", customerId: "cx", at: "2026-03-02T10:01:00Z" }),
          msg({ externalId: "b4", conversationId: "bz", customerId: "cx", speaker: "agent", text: "您好" }),
        ],
        now,
      );
      const [bx, by, , bz] = out.map((o) => o.conversationId);
      const [cx, cy] = [out[0]?.customerId as string, out[1]?.customerId as string];
      const lists = await store.listMessagesOfConversations(t, [bx as string, by as string, "missing"]);
      expect([...lists.keys()].sort()).toEqual([bx, by].sort());
      expect(lists.get(bx as string)?.map((m) => m.id)).toEqual([out[2]?.id, out[0]?.id]); // b3, then b1: oldest first
      expect(
        (await store.getConversations(t, [bx as string, by as string, "missing"])).map((c) => c.id).sort(),
      ).toEqual([bx, by].sort());
      expect((await store.getCustomers(t, [cx, cy])).map((c) => c.id).sort()).toEqual([cx, cy].sort());
      // Customer turns only: the agent's turn in bz does not make it one of cx's conversations.
      const since = await store.listCustomerConversationsSince(t, [cx, cy], "2026-03-01T00:00:00Z");
      expect([...(since.get(cx) ?? [])]).toEqual([bx]);
      expect([...(since.get(cy) ?? [])]).toEqual([by]);
      expect((await store.listCustomerConversationsSince(t, [cx], "2026-03-03T00:00:00Z")).size).toBe(0);
      expect(bz).toBeDefined();
      // Another tenant sees none of it.
      expect((await store.listMessagesOfConversations(b, [bx as string])).size).toBe(0);
      expect(await store.getConversations(b, [bx as string])).toEqual([]);
      expect(await store.getCustomers(b, [cx])).toEqual([]);
      expect((await store.listCustomerConversationsSince(b, [cx], "2000-01-01T00:00:00Z")).size).toBe(0);
      expect((await store.customersWithOpenFollowUps(t, [cx, cy])).size).toBe(0);
      await store.createFollowUp(t, bx as string, cx, "closed angry", -0.8, now);
      expect([...(await store.customersWithOpenFollowUps(t, [cx, cy]))]).toEqual([cx]);
      expect((await store.customersWithOpenFollowUps(b, [cx])).size).toBe(0);
    });

    it("migrates idempotently", async () => {
      await store.migrate();
      await store.migrate();
    });

    it("stores messages, creating the customer and the conversation, and reads them back in order", async () => {
      const out = await store.insertMessages(
        a,
        [
          msg({ externalId: "m1", at: "2026-03-02T10:00:00Z" }),
          msg({ externalId: "m2", speaker: "agent", text: "您好", at: "2026-03-02T10:01:00Z" }),
        ],
        now,
      );
      expect(out.map((o) => o.duplicate)).toEqual([false, false]);
      expect(out[0]?.conversationId).toBe(out[1]?.conversationId);
      const list = await store.listConversationMessages(a, out[0]?.conversationId as string);
      expect(list.map((m) => m.externalId)).toEqual(["m1", "m2"]);
      expect(list[0]).toMatchObject({
        channel: "chat",
        speaker: "customer",
        text: "快递还没到",
        analysisStatus: "pending",
        meta: {},
      });
    });

    it("never stores the same idempotency key twice, in one batch or across retries", async () => {
      const first = await store.insertMessages(a, [msg({ externalId: "dup-1" }), msg({ externalId: "dup-1" })], now);
      expect(first.map((o) => o.duplicate)).toEqual([false, true]);
      expect(first[1]?.id).toBe(first[0]?.id);
      const retry = await store.insertMessages(a, [msg({ externalId: "dup-1" })], now);
      expect(retry[0]).toMatchObject({ id: first[0]?.id, duplicate: true });
      // The same key in another tenant is another message.
      const other = await store.insertMessages(b, [msg({ externalId: "dup-1" })], now);
      expect(other[0]?.duplicate).toBe(false);
      expect(other[0]?.id).not.toBe(first[0]?.id);
    });

    it("rolls a failing batch back as a whole", async () => {
      const bad = { ...msg({ externalId: "rollback-2" }), text: null as unknown as string };
      await expect(store.insertMessages(a, [msg({ externalId: "rollback-1" }), bad], now)).rejects.toThrow();
      const retry = await store.insertMessages(a, [msg({ externalId: "rollback-1" })], now);
      expect(retry[0]?.duplicate).toBe(false);
    });

    it("keeps analysis, pending lists and conversation state", async () => {
      const [m] = await store.insertMessages(a, [msg({ externalId: "an-1", conversationId: "conv-an" })], now);
      expect((await store.listPendingMessages(1000)).some((p) => p.id === m?.id)).toBe(true);
      await store.setAnalysis(a, m?.id as string, "done", { emotion: "anger" }, null);
      const stored = await store.getMessage(a, m?.id as string);
      expect(stored).toMatchObject({ analysisStatus: "done", analysis: { emotion: "anger" } });
      expect((await store.listPendingMessages(1000)).some((p) => p.id === m?.id)).toBe(false);
      await store.setAnalysis(a, m?.id as string, "skipped", null, "consent_withdrawn");
      expect(await store.getMessage(a, m?.id as string)).toMatchObject({
        analysisStatus: "skipped",
        skipReason: "consent_withdrawn",
        analysis: null,
      });
      await store.setConversationState(a, m?.conversationId as string, { trajectory: "escalating" }, 42.5, now);
      expect(await store.getConversation(a, m?.conversationId as string)).toMatchObject({
        priority: 42.5,
        state: { trajectory: "escalating" },
      });
    });

    it("orders the queue by priority and leaves closed conversations out", async () => {
      const t = (await store.createTenant("Queue")).id;
      const [low, high, closed] = await store.insertMessages(
        t,
        [msg({ conversationId: "q-low" }), msg({ conversationId: "q-high" }), msg({ conversationId: "q-closed" })],
        now,
      );
      await store.setConversationState(t, low?.conversationId as string, {}, 5, now);
      await store.setConversationState(t, high?.conversationId as string, {}, 50, now);
      await store.setConversationState(t, closed?.conversationId as string, {}, 99, now);
      await store.setConversationStatus(t, closed?.conversationId as string, "closed", now);
      const queue = await store.listQueue(t, 10);
      expect(queue.map((c) => c.externalId)).toEqual(["q-high", "q-low"]);
      expect(await store.assignConversation(t, high?.conversationId as string, "agent-7", now)).toBe(true);
      expect((await store.getConversation(t, high?.conversationId as string))?.assignedTo).toBe("agent-7");
    });

    it("keeps consent per customer and modality", async () => {
      const c = await store.setConsent(a, "cust-consent", { text: false }, now);
      expect(c.consent).toEqual({ text: false, voice: true, face: false });
      const again = await store.setConsent(a, "cust-consent", { face: true }, now);
      expect(again.consent).toEqual({ text: false, voice: true, face: true });
      expect((await store.getCustomer(a, c.id))?.consent.text).toBe(false);
    });

    it("gives events increasing ids and replays what came after an id, per topic", async () => {
      const e1 = await store.appendEvent(a, "supervisor", "alert", { n: 1 }, now);
      const e2 = await store.appendEvent(a, "conversation:x", "update", { n: 2 }, now);
      const e3 = await store.appendEvent(a, "supervisor", "alert", { n: 3 }, now);
      expect(e2.id).toBeGreaterThan(e1.id);
      expect(e3.id).toBeGreaterThan(e2.id);
      const after = await store.listEvents(a, ["supervisor"], e1.id, 10);
      expect(after.map((e) => e.payload)).toEqual([{ n: 3 }]);
      expect((await store.listEvents(a, ["supervisor", "conversation:x"], 0, 10)).length).toBeGreaterThanOrEqual(3);
      expect(await store.latestEventId(a)).toBe(e3.id);
      const other = await store.createTenant("events-other");
      expect(await store.latestEventId(other.id)).toBe(0);
    });

    it("scopes every read to the tenant", async () => {
      const [m] = await store.insertMessages(a, [msg({ externalId: "secret", conversationId: "secret-conv" })], now);
      expect(await store.getMessage(b, m?.id as string)).toBeNull();
      expect(await store.getConversation(b, m?.conversationId as string)).toBeNull();
      expect(await store.listConversationMessages(b, m?.conversationId as string)).toEqual([]);
      expect((await store.listQueue(b, 100)).some((c) => c.id === m?.conversationId)).toBe(false);
      await store.appendEvent(a, "supervisor", "alert", { secret: true }, now);
      expect(
        (await store.listEvents(b, ["supervisor"], 0, 100)).some((e) => (e.payload as { secret?: boolean }).secret),
      ).toBe(false);
      expect(await store.assignConversation(b, m?.conversationId as string, "intruder", now)).toBe(false);
    });

    it("keeps corrections, follow-ups and the audit log, and erases a customer completely", async () => {
      const t = (await store.createTenant("Feedback")).id;
      const [m1, m2] = await store.insertMessages(
        t,
        [
          msg({ customerId: "erase-me", conversationId: "e-1", externalId: "e1" }),
          msg({ customerId: "erase-me", conversationId: "e-2", externalId: "e2" }),
        ],
        now,
      );
      expect(
        await store.countCustomerConversations(
          t,
          m1?.customerId as string,
          "2000-01-01T00:00:00Z",
          m1?.conversationId as string,
        ),
      ).toBe(1);
      const c = await store.addCorrection(t, m1?.id as string, "anger", "negative", "alice", now);
      expect(c).toMatchObject({ emotion: "anger", correctedBy: "alice" });
      expect(await store.addCorrection(b, m1?.id as string, "anger", null, "mallory", now)).toBeNull();
      expect((await store.listCorrections(t)).map((x) => x.text)).toEqual(["快递还没到"]);
      const f = await store.createFollowUp(
        t,
        m1?.conversationId as string,
        m1?.customerId ?? null,
        "closed angry",
        -0.8,
        now,
      );
      expect(
        await store.createFollowUp(t, m1?.conversationId as string, m1?.customerId ?? null, "again", -0.8, now),
      ).toBeNull();
      expect((await store.openFollowUpsForCustomer(t, m1?.customerId as string)).map((x) => x.id)).toEqual([f?.id]);
      expect(
        await store.closeFollowUp(
          t,
          f?.id as string,
          { recovered: true, afterScore: 0.5, messageId: m2?.id ?? null, note: "ok" },
          now,
        ),
      ).toBe(true);
      expect((await store.listFollowUps(t, "done"))[0]?.outcome?.recovered).toBe(true);
      await store.appendAudit(t, { actor: "admin", action: "erase_customer", subject: "x", details: { n: 1 } }, now);
      expect((await store.listAudit(t)).map((e) => e.action)).toEqual(["erase_customer"]);
      expect(await store.eraseCustomer(b, "erase-me")).toBeNull();
      expect(await store.eraseCustomer(t, "erase-me")).toEqual({ messages: 2, conversations: 2 });
      expect(await store.getMessage(t, m1?.id as string)).toBeNull();
      expect(await store.findCustomer(t, "erase-me")).toBeNull();
      expect(await store.listCorrections(t)).toEqual([]);
    });

    it("expires analyses older than the retention date, keeping the messages", async () => {
      const t = (await store.createTenant("Retention")).id;
      const [old, fresh] = await store.insertMessages(
        t,
        [
          msg({ at: "2020-01-01T00:00:00Z", conversationId: "r-old" }),
          msg({ at: "2026-03-01T00:00:00Z", conversationId: "r-new" }),
        ],
        now,
      );
      await store.setAnalyses(t, [
        { id: old?.id as string, status: "done", analysis: { emotion: "anger" }, skipReason: null },
        { id: fresh?.id as string, status: "done", analysis: { emotion: "joy" }, skipReason: null },
      ]);
      expect(await store.expireAnalyses(t, "2025-01-01T00:00:00Z")).toBe(1);
      expect(await store.getMessage(t, old?.id as string)).toMatchObject({
        text: "快递还没到",
        analysis: null,
        skipReason: "retention_expired",
      });
      expect((await store.getMessage(t, fresh?.id as string))?.analysis).toEqual({ emotion: "joy" });
    });

    analyticsContract(() => store);

    it("finds API keys by hash only", async () => {
      const key = await store.createApiKey(a, "agent", "Alice", "hash-abc");
      expect(await store.findApiKey("hash-abc")).toEqual(key);
      expect(await store.findApiKey("hash-nope")).toBeNull();
    });
  });
}

storeContract("SQLite", () =>
  openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), "attune-store-")), "attune.db") }),
);

const url = process.env.DATABASE_URL;
if (!url) {
  console.warn(
    "Store contract: PostgreSQL skipped: set DATABASE_URL (CI sets postgres://postgres@127.0.0.1:5432/test) to run it",
  );
}
describe.skipIf(!url)("PostgreSQL", () => {
  // A fresh schema per run, so the suite never sees an earlier run's rows.
  const schema = `attune_contract_${process.pid}_${Date.now()}`;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
  const withSchema = () => {
    const u = new URL(url as string);
    u.searchParams.set("options", `-c search_path=${schema}`);
    return u.toString();
  };
  storeContract("PostgreSQL", () => openStore({ databaseUrl: withSchema(), sqlitePath: "" }));
});
