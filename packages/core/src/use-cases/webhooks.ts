import { createHmac } from "node:crypto";
import type { Delivery, Store } from "../ports/store.js";

/** How deliveries are retried. */
export interface DeliveryPolicy {
  /** Attempts before a delivery goes to the dead-letter list. */
  maxAttempts: number;
  /** First retry delay; it doubles each attempt. */
  backoffMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 6, backoffMs: 2000, timeoutMs: 5000 };

/**
 * The signature a receiver checks: `sha256=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the
 * webhook's secret (the timestamp is sent in `x-attune-timestamp`, so an old delivery cannot be replayed
 * by a third party as new).
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

async function attempt(d: Delivery, doFetch: typeof fetch, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify({ type: d.eventType, delivery: d.id, data: d.payload });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await doFetch(d.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-attune-event": d.eventType,
        "x-attune-delivery": d.id,
        "x-attune-timestamp": timestamp,
        "x-attune-signature": signDelivery(d.secret, timestamp, body),
      },
      body,
      signal: controller.signal,
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? null : `expected a 2xx answer, found ${res.status}`;
  } catch (e) {
    return (e as Error).name === "AbortError" ? `no answer within ${timeoutMs} ms` : (e as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends every delivery whose time has come; failures are retried with exponential backoff and, after
 * `maxAttempts`, moved to the dead-letter list an operator can replay. Returns how many were sent.
 */
export async function deliverDue(
  store: Store,
  doFetch: typeof fetch,
  now: Date,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<number> {
  const due = await store.listDueDeliveries(now.toISOString(), 50);
  let delivered = 0;
  for (const d of due) {
    const error = await attempt(d, doFetch, policy.timeoutMs);
    if (error === null) {
      await store.markDelivered(d.id, new Date().toISOString());
      delivered++;
      continue;
    }
    const attempts = d.attempts + 1;
    const next =
      attempts >= policy.maxAttempts
        ? null
        : new Date(Date.now() + policy.backoffMs * 2 ** (attempts - 1)).toISOString();
    await store.markFailed(d.id, error, next);
  }
  return delivered;
}
