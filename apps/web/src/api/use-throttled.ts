import { useEffect, useRef } from "react";

/**
 * Wraps `fn` so bursts of calls run it at most once per `ms`, always including a last run after the
 * burst (a busy stream must not reload the queue fifty times a second, nor miss its final state).
 */
export function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const state = useRef({ last: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useRef(() => {
    const s = state.current;
    const wait = s.last + ms - Date.now();
    if (wait <= 0) {
      s.last = Date.now();
      latest.current();
    } else if (!s.timer) {
      s.timer = setTimeout(() => {
        s.timer = undefined;
        s.last = Date.now();
        latest.current();
      }, wait);
    }
  }).current;
}
