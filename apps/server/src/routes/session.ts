import { ROLES } from "@attune/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { authenticate, SESSION_COOKIE } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";

/** A browser signing in with an API key. */
export const SignInInput = z.strictObject({ key: z.string().min(8).max(200) });
/** A browser signing in as a demo role. */
export const DemoSignInInput = z.strictObject({ role: z.enum(["agent", "supervisor", "admin"]) });
const WEEK_SECONDS = 7 * 24 * 3600;

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function setSession(request: FastifyRequest, reply: FastifyReply, key: string, maxAge: number): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  reply.header(
    "set-cookie",
    `${SESSION_COOKIE}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
  );
}

/**
 * The web app's sign-in: an API key becomes an HttpOnly cookie (so scripts never hold it and
 * EventSource and downloads authenticate like any request). On a demo server, browsers on this
 * machine may sign in as a demo role without a key.
 */
export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const demoFor = (request: FastifyRequest) => {
    if (!ctx.demo) throw new ApiError("not_found", "demo sign-in is off (ATTUNE_DEMO_SIGN_IN=false or no demo tenant)");
    // A reverse proxy on this machine would make every visitor look local: proxied requests are refused too.
    const proxied = request.headers["x-forwarded-for"] ?? request.headers.forwarded;
    if (!LOOPBACK.has(request.ip) || proxied) {
      throw new ApiError(
        "forbidden",
        `demo sign-in is only offered to browsers on this machine, found ${proxied ? `a proxied request (${proxied})` : request.ip}`,
      );
    }
    return ctx.demo;
  };

  app.get("/api/v1/session", async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    return { role: key.role, name: key.name, tenantId: key.tenantId };
  });

  app.post("/api/v1/session", async (request, reply) => {
    const { key } = SignInInput.parse(request.body);
    request.headers.authorization = `Bearer ${key}`;
    const record = await authenticate(ctx.store, request, "read");
    setSession(request, reply, key, WEEK_SECONDS);
    return { role: record.role, name: record.name, tenantId: record.tenantId };
  });

  app.delete("/api/v1/session", async (request, reply) => {
    setSession(request, reply, "", 0);
    return { signedOut: true };
  });

  app.get("/api/v1/session/demo", async (request) => {
    demoFor(request);
    return { roles: DemoSignInInput.shape.role.options.filter((r) => ROLES.includes(r)) };
  });

  app.post("/api/v1/session/demo", async (request, reply) => {
    const demo = demoFor(request);
    const { role } = DemoSignInInput.parse(request.body);
    setSession(request, reply, demo.keys[role], WEEK_SECONDS);
    return { role, name: `demo ${role}`, tenantId: demo.tenantId };
  });
}
