import { useEffect, useState } from "react";

/** The app's pages; the hash keeps them bookmarkable without server routes. */
export type Route =
  | { page: "workspace"; conversationId: string | null }
  | { page: "supervisor" }
  | { page: "analytics" };

/** Reads a route from a location hash such as `#/workspace/c-123`. */
export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, "").split("/");
  if (page === "supervisor") return { page: "supervisor" };
  if (page === "analytics") return { page: "analytics" };
  return { page: "workspace", conversationId: id ? decodeURIComponent(id) : null };
}

/** The hash for a route. */
export function hrefFor(route: Route): string {
  if (route.page === "workspace") {
    return route.conversationId ? `#/workspace/${encodeURIComponent(route.conversationId)}` : "#/workspace";
  }
  return `#/${route.page}`;
}

/** The current route, following the location hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(globalThis.location?.hash ?? ""));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
