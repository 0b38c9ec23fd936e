/** A failed API call: the server's error code and message, or a network failure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fired on `window` when the server says the session is not (or no longer) valid. */
export const UNAUTHORIZED_EVENT = "attune:unauthorized";

/** Query parameters; undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** `/api/v1` + path + query string. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ""}`;
}

/**
 * Calls the Attune API. The browser's session cookie authenticates (set by sign-in), so no key is
 * ever held by page scripts. Errors arrive as `ApiFailure` carrying the server's message.
 */
export async function api<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown, query?: Query) {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiFailure(0, "network", (e as Error).message);
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    // A session that expired or was signed out elsewhere: the app goes back to its sign-in page.
    if (res.status === 401 && path !== "/session") globalThis.dispatchEvent?.(new Event(UNAUTHORIZED_EVENT));
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? "http_error", err?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}

export const apiGet = <T>(path: string, query?: Query) => api<T>("GET", path, undefined, query);
export const apiPost = <T>(path: string, body: unknown = {}) => api<T>("POST", path, body);
