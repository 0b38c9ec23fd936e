import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Where `npm run build -w apps/web` puts the web app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

/**
 * Serves the built web app at `/`. Paths outside `/api` that name no file get `index.html`, so the
 * app's own routes survive a reload. Returns false (and serves nothing) when the app was not built.
 */
export async function serveWebApp(app: FastifyInstance, dir: string = DEFAULT_WEB_DIR): Promise<boolean> {
  const root = resolve(dir);
  if (!webAppBuilt(root)) return false;
  await app.register(fastifyStatic, {
    root,
    // Files are looked up per request (not globbed at start), so a rebuilt app is served without a restart.
    wildcard: true,
    index: ["index.html"],
    // Hashed asset names never change content: cache them for a year; index.html is always revalidated.
    setHeaders: (reply, path) => {
      reply.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return true;
}

/** True when the web app was built into `dir` (`npm run build`, which `npm start` runs first). */
export const webAppBuilt = (dir: string = DEFAULT_WEB_DIR) => existsSync(resolve(dir, "index.html"));

/** True when a request that matched no route should get the app's `index.html` instead of a 404. */
export function wantsAppShell(request: FastifyRequest): boolean {
  return (
    request.method === "GET" &&
    !request.url.startsWith("/api/") &&
    !/\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? "") &&
    (request.headers.accept ?? "").includes("text/html")
  );
}

/** Sends the app shell. */
export const sendAppShell = (reply: FastifyReply) => reply.type("text/html").sendFile("index.html");
