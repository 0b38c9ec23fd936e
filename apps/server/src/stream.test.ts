import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./test-support/test-server.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
let base = "";
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => close());

interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
  receivedAt: number;
}

/** Opens an SSE stream and collects parsed events until `stop()`. */
function openStream(path: string, key: string, lastEventId?: number) {
  const events: SseEvent[] = [];
  let buffer = "";
  const req = request(
    `${base}${path}`,
    { headers: { "x-api-key": key, ...(lastEventId ? { "last-event-id": String(lastEventId) } : {}) } },
    (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(
            block
              .split("\n")
              .filter((l) => l && !l.startsWith(":"))
              .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
          );
          if (fields.data)
            events.push({
              id: Number(fields.id),
              event: fields.event ?? "message",
              data: JSON.parse(fields.data),
              receivedAt: Date.now(),
            });
          cut = buffer.indexOf("\n\n");
        }
      });
    },
  );
  req.end();
  return { events, stop: () => req.destroy() };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

const ingest = (key: string, body: unknown) =>
  fetch(`${base}/api/v1/messages`, {
    method: "POST",
    headers: { "x-api-key": key, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("live stream (SSE)", () => {
  it("delivers an alert to supervisors within a second of the message being acknowledged", async () => {
    const stream = openStream("/api/v1/stream?supervisor=true", keys.a.supervisor);
    await new Promise((r) => setTimeout(r, 100));
    const res = await ingest(keys.a.ingest, {
      conversationId: "live-1",
      channel: "chat",
      text: "再不退款我就打12315投诉你们！第三次了！",
    });
    const acknowledged = Date.now();
    expect(res.status).toBe(201);
    expect(await until(() => stream.events.some((e) => e.event === "alert"))).toBe(true);
    const alert = stream.events.find((e) => e.event === "alert") as SseEvent;
    expect(alert.data.kind).toBe("escalation_threat");
    expect(alert.receivedAt - acknowledged).toBeLessThan(1000);
    expect(stream.events.some((e) => e.event === "queue.updated")).toBe(true);
    stream.stop();
  });

  it("streams one conversation's updates, and a client that reconnects with its last id gets what it missed", async () => {
    const first = (await (
      await ingest(keys.a.ingest, { conversationId: "live-2", channel: "chat", text: "Where is my parcel?" })
    ).json()) as { conversationId: string };
    const path = `/api/v1/stream?conversation=${first.conversationId}`;
    const stream = openStream(path, keys.a.agent);
    expect(await until(() => stream.events.length >= 1)).toBe(true);
    const lastSeen = stream.events[stream.events.length - 1]?.id as number;
    stream.stop();
    // While disconnected, two more messages arrive.
    await ingest(keys.a.ingest, {
      conversationId: "live-2",
      channel: "chat",
      speaker: "agent",
      text: "I'm checking with the courier now.",
    });
    await ingest(keys.a.ingest, {
      conversationId: "live-2",
      channel: "chat",
      text: "Still nothing?! This is ridiculous",
    });
    const again = openStream(path, keys.a.agent, lastSeen);
    expect(await until(() => again.events.length >= 2)).toBe(true);
    expect(again.events.every((e) => e.id > lastSeen)).toBe(true);
    expect(again.events.map((e) => e.event)).toContain("conversation.updated");
    const ids = again.events.map((e) => e.id);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    again.stop();
  });

  it("never streams another tenant's events", async () => {
    const other = openStream("/api/v1/stream?supervisor=true", keys.b.supervisor);
    await new Promise((r) => setTimeout(r, 100));
    await ingest(keys.a.ingest, {
      conversationId: "live-3",
      channel: "chat",
      text: "you useless idiots, I'm calling my lawyer",
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(other.events).toEqual([]);
    other.stop();
  });

  it("refuses a stream without a topic", async () => {
    const res = await fetch(`${base}/api/v1/stream`, { headers: { "x-api-key": keys.a.agent } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /conversation=ID and\/or \?supervisor=true/,
    );
  });
});
