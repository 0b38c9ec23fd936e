import { useCallback, useEffect, useRef, useState } from "react";

/** The state of data loaded from the API. */
export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when `key` changes and on `reload()`. A response that arrives after a newer request
 * started is dropped, so a fast click through the queue never shows a stale conversation.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  // Runs again when `key` or `tick` change: those are the reasons to load again.
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    loader.current().then(
      (d) => {
        if (request !== latest.current) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (e: Error) => {
        if (request !== latest.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
