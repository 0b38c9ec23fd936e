/** In-process wake-ups for stream subscribers, per tenant (events themselves live in the store). */
export function createNotifier(): {
  notify: (tenantId: string) => void;
  subscribe: (tenantId: string, wake: () => void) => () => void;
} {
  const subscribers = new Map<string, Set<() => void>>();
  return {
    notify(tenantId) {
      for (const wake of subscribers.get(tenantId) ?? []) wake();
    },
    subscribe(tenantId, wake) {
      let set = subscribers.get(tenantId);
      if (!set) {
        set = new Set();
        subscribers.set(tenantId, set);
      }
      set.add(wake);
      return () => set?.delete(wake);
    },
  };
}
