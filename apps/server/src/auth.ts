import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyRecord, Role, Store } from "@attune/core";
import type { FastifyRequest } from "fastify";
import { ApiError } from "./http-errors.js";

/** The key as stored: only a hash ever reaches the database. */
export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new random API key (`atn_` + 32 bytes, base64url). */
export const newKey = () => `atn_${randomBytes(32).toString("base64url")}`;

/** What each role may do: admin everything; supervisors read all and manage; agents read and act; ingest only writes. */
const GRANTS: Record<Role, ReadonlySet<string>> = {
  admin: new Set(["ingest", "read", "act", "manage", "admin"]),
  supervisor: new Set(["ingest", "read", "act", "manage"]),
  agent: new Set(["read", "act"]),
  ingest: new Set(["ingest"]),
};

export type Permission = "ingest" | "read" | "act" | "manage" | "admin";

// Keys seen recently, per store, so a busy client is not a hash and a database read per request. Short-lived:
// a revoked key stops working within a minute.
const CACHE_MS = 60_000;
const caches = new WeakMap<Store, Map<string, { record: ApiKeyRecord; until: number }>>();

async function lookup(store: Store, key: string): Promise<ApiKeyRecord | null> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.record;
  const record = await store.findApiKey(hashKey(key));
  if (cache.size > 10_000) cache.clear();
  if (record) cache.set(key, { record, until: now + CACHE_MS });
  return record;
}

/** Finds the caller's key (Authorization: Bearer … or x-api-key) and checks the permission. */
export async function authenticate(store: Store, request: FastifyRequest, need: Permission): Promise<ApiKeyRecord> {
  const key = presentedKey(request);
  if (!key) {
    throw new ApiError(
      "unauthorized",
      "expected an API key in Authorization: Bearer <key> or x-api-key, or a signed-in browser session",
    );
  }
  const record = await lookup(store, key);
  if (!record) throw new ApiError("unauthorized", "the API key is not valid");
  if (!GRANTS[record.role].has(need)) {
    throw new ApiError(
      "forbidden",
      `the ${record.role} role may not ${need}; ask an admin for a key with that permission`,
    );
  }
  return record;
}

/** The browser session's cookie: the API key itself, HttpOnly and SameSite=Strict, so pages cannot read it. */
export const SESSION_COOKIE = "attune_session";

/** The key a request presents: a header first, else the web app's session cookie. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  const apiKey = request.headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey) return apiKey;
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
