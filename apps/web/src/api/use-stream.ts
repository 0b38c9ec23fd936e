import { useEffect, useRef, useState } from "react";
import { apiUrl } from "./client.js";

/** One event from the live stream. */
export interface StreamMessage {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Subscribes to the server's event stream. EventSource reconnects by itself and sends the last event
 * id, so the server replays what was missed; ids already seen are dropped so nothing shows twice.
 */
export function useStream(
  query: Record<string, string> | null,
  types: readonly string[],
  onEvent: (e: StreamMessage) => void,
): "connecting" | "live" {
  const [status, setStatus] = useState<"connecting" | "live">("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const queryKey = query ? JSON.stringify(query) : "";
  const typesKey = types.join(",");

  useEffect(() => {
    if (!queryKey) return;
    const source = new EventSource(apiUrl("/stream", JSON.parse(queryKey) as Record<string, string>));
    let lastId = 0;
    const listener = (e: MessageEvent<string>) => {
      const id = Number(e.lastEventId);
      if (id && id <= lastId) return;
      if (id) lastId = id;
      handler.current({ id, type: e.type, data: JSON.parse(e.data) as Record<string, unknown> });
    };
    const kinds = typesKey.split(",");
    for (const type of kinds) source.addEventListener(type, listener as EventListener);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus("connecting");
    return () => {
      for (const type of kinds) source.removeEventListener(type, listener as EventListener);
      source.close();
    };
  }, [queryKey, typesKey]);
  return status;
}
