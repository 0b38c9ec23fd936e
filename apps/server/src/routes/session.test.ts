import { loadAnalyzer } from "@attune/engine/node";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { hashKey } from "../auth.js";
import { loadConfig } from "../config.js";
import { createContext } from "../context-factory.js";
import { testServer } from "../test-support/test-server.js";

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, keys, close } = await testServer());
});
afterAll(() => close());

const cookieOf = (setCookie: string | string[] | undefined) => String(setCookie).split(";")[0] as string;

describe("browser sessions", () => {
  it("turns a valid key into an HttpOnly, SameSite=Strict cookie that authenticates later requests", async () => {
    const res = await app.inject({ method: "POST", url: "/api/v1/session", payload: { key: keys.a.supervisor } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: "supervisor" });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = cookieOf(res.headers["set-cookie"]);
    const me = await app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } });
    expect(me.json()).toMatchObject({ role: "supervisor", name: "supervisor" });
    expect((await app.inject({ method: "GET", url: "/api/v1/queue", headers: { cookie } })).statusCode).toBe(200);
  });

  it("refuses a wrong key with 401 and sets no cookie; signing out clears it", async () => {
    const bad = await app.inject({ method: "POST", url: "/api/v1/session", payload: { key: "atn_not-a-real-key" } });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers["set-cookie"]).toBeUndefined();
    const out = await app.inject({ method: "DELETE", url: "/api/v1/session" });
    expect(String(out.headers["set-cookie"])).toMatch(/Max-Age=0/);
    expect((await app.inject({ method: "GET", url: "/api/v1/session" })).statusCode).toBe(401);
  });

  it("offers no demo sign-in on a server without a demo tenant", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/session/demo" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/demo sign-in is off/);
  });
});

describe("demo sign-in", () => {
  it("is offered to loopback browsers only, never through a proxy or from another host", async () => {
    const t = await testServer();
    const config = loadConfig({ ATTUNE_DB_PATH: t.dbPath, ATTUNE_LOG_LEVEL: "silent" });
    const ctx = createContext(config, t.store, loadAnalyzer());
    const tenant = await t.store.findApiKey(hashKey(t.keys.a.agent));
    ctx.demo = { tenantId: tenant?.tenantId as string, keys: t.keys.a };
    const demoApp = await buildApp(ctx);
    try {
      const roles = await demoApp.inject({ method: "GET", url: "/api/v1/session/demo" });
      expect(roles.json()).toEqual({ roles: ["agent", "supervisor", "admin"] });
      const signIn = await demoApp.inject({ method: "POST", url: "/api/v1/session/demo", payload: { role: "admin" } });
      expect(signIn.statusCode).toBe(200);
      expect(String(signIn.headers["set-cookie"])).toContain(encodeURIComponent(t.keys.a.admin));
      const remote = await demoApp.inject({ method: "GET", url: "/api/v1/session/demo", remoteAddress: "10.1.2.3" });
      expect(remote.statusCode).toBe(403);
      expect(remote.json().error.message).toMatch(/only offered to browsers on this machine, found 10\.1\.2\.3/);
      const proxied = await demoApp.inject({
        method: "POST",
        url: "/api/v1/session/demo",
        payload: { role: "admin" },
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      expect(proxied.statusCode).toBe(403);
      expect(proxied.headers["set-cookie"]).toBeUndefined();
    } finally {
      await demoApp.close();
      await t.close();
    }
  });
});
