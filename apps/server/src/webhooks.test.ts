import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deliverDue, signDelivery } from "@attune/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./test-support/test-server.js";

let app: FastifyInstance;
let store: Awaited<ReturnType<typeof testServer>>["store"];
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, store, keys, close } = await testServer());
});
afterAll(() => close());

/** A receiver that fails `failures` times, then answers 204, and records what it got. */
function receiver(failures: number) {
  const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let left = failures;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      if (left > 0) {
        left--;
        res.writeHead(503).end("busy");
      } else res.writeHead(204).end();
    });
  });
  return {
    got,
    fix: () => {
      left = 0;
    },
    listen: () =>
      new Promise<string>((r) =>
        server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const call = (method: "GET" | "POST", url: string, key: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { "x-api-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
const fast = { maxAttempts: 3, backoffMs: 10, timeoutMs: 2000 };
const sweep = async (times: number) => {
  for (let i = 0; i < times; i++) {
    await deliverDue(store, fetch, new Date(Date.now() + 60_000), fast);
  }
};

describe("alert webhooks", () => {
  it("sends alerts signed with HMAC, retrying with backoff until the receiver answers", async () => {
    const hook = receiver(2);
    const url = await hook.listen();
    const created = (
      await call("POST", "/api/v1/webhooks", keys.a.admin, { url, secret: "s3cret-s3cret-s3cret" })
    ).json();
    expect(created.secret).toBe("s3cret-s3cret-s3cret");
    expect((await call("GET", "/api/v1/webhooks", keys.a.admin)).json().webhooks[0].secret).toBe("s3cr…");
    await call("POST", "/api/v1/messages", keys.a.ingest, {
      conversationId: "wh-1",
      channel: "chat",
      text: "再不退款我就打12315投诉你们！",
    });
    await sweep(4);
    // The first delivery fails twice, then gets through; every alert arrives in the end.
    const byDelivery = new Map<string, number>();
    for (const g of hook.got)
      byDelivery.set(
        g.headers["x-attune-delivery"] as string,
        (byDelivery.get(g.headers["x-attune-delivery"] as string) ?? 0) + 1,
      );
    expect(hook.got.length).toBe(byDelivery.size + 2);
    expect((await call("GET", "/api/v1/webhooks/dead-letters", keys.a.admin)).json().deliveries).toEqual([]);
    const last = hook.got.find((g) => JSON.parse(g.body).data.kind === "escalation_threat") as {
      headers: IncomingHttpHeaders;
      body: string;
    };
    expect(last.headers["x-attune-event"]).toBe("alert");
    expect(last.headers["x-attune-signature"]).toBe(
      signDelivery("s3cret-s3cret-s3cret", last.headers["x-attune-timestamp"] as string, last.body),
    );
    expect(JSON.parse(last.body).data.kind).toBe("escalation_threat");
    await hook.close();
  });

  it("moves a delivery that keeps failing to the dead-letter list, and an operator can replay it", async () => {
    const hook = receiver(1000);
    const url = await hook.listen();
    await call("POST", "/api/v1/webhooks", keys.b.admin, { url });
    await call("POST", "/api/v1/messages", keys.b.ingest, {
      conversationId: "wh-2",
      channel: "chat",
      text: "you useless idiots, I'm calling my lawyer",
    });
    await sweep(5);
    const dead = (await call("GET", "/api/v1/webhooks/dead-letters", keys.b.admin)).json().deliveries as Array<{
      id: string;
      attempts: number;
      lastError: string;
      secret?: string;
    }>;
    expect(dead.length).toBeGreaterThanOrEqual(1);
    expect(dead[0]?.attempts).toBe(3);
    expect(dead[0]?.lastError).toMatch(/503/);
    expect(dead[0]?.secret).toBeUndefined();
    expect((await call("GET", "/api/v1/webhooks/dead-letters", keys.a.admin)).json().deliveries).toEqual([]);
    hook.fix();
    const before = hook.got.length;
    for (const d of dead)
      expect((await call("POST", `/api/v1/webhooks/dead-letters/${d.id}/replay`, keys.b.admin)).json().status).toBe(
        "pending",
      );
    await sweep(1);
    expect(hook.got.length).toBe(before + dead.length);
    expect((await call("GET", "/api/v1/webhooks/dead-letters", keys.b.admin)).json().deliveries).toEqual([]);
    expect((await call("POST", "/api/v1/webhooks/dead-letters/nope/replay", keys.b.admin)).statusCode).toBe(404);
    await hook.close();
  });

  it("refuses a webhook URL that is not http(s)", async () => {
    const res = await call("POST", "/api/v1/webhooks", keys.a.admin, { url: "ftp://example.com/x" });
    expect(res.statusCode).toBe(400);
    expect((await call("POST", "/api/v1/webhooks", keys.a.agent, { url: "http://127.0.0.1:1/x" })).statusCode).toBe(
      403,
    );
  });
});
