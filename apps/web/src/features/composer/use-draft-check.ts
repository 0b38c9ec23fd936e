import { useEffect, useRef, useState } from "react";
import { apiPost } from "../../api/client.js";
import type { DraftCheck } from "../../api/types.js";

/**
 * Checks the draft as the agent types: waits for a pause (`delay` ms), then asks the tone guard.
 * An answer for text the agent has since changed is dropped.
 */
export function useDraftCheck(conversationId: string, draft: string, delay = 250) {
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!draft.trim()) {
      setCheck(null);
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      apiPost<DraftCheck>(`/conversations/${encodeURIComponent(conversationId)}/check-draft`, { draft }).then(
        (result) => {
          if (request !== latest.current) return;
          setCheck(result);
          setError(null);
          setChecking(false);
        },
        (e: Error) => {
          if (request !== latest.current) return;
          setError(e.message);
          setChecking(false);
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [conversationId, draft, delay]);
  return { check: draft.trim() ? check : null, checking, error };
}
