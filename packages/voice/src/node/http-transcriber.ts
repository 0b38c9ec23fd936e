import type { ImportResult } from "@attune/core";
import { parseTranscriptJson } from "@attune/core";
import { type TranscribeOptions, type Transcriber, TranscriberError } from "../transcriber.js";

/** Where and how to reach the speech-to-text service. */
export interface HttpTranscriberOptions {
  /** The service's endpoint, e.g. `http://stt.internal:9000/v1/transcribe`. */
  url: string;
  /** Extra headers, e.g. `{ authorization: "Bearer …" }`. */
  headers?: Record<string, string>;
  /** Give up after this long, ms (default 120 000: calls are long). */
  timeoutMs?: number;
}

/**
 * A {@link Transcriber} over HTTP: `POST <url>` with the WAV as the body (`content-type: audio/wav`, plus
 * `?language=` and `?callId=` when given); the service answers `200` with a JSON transcript that
 * `parseTranscriptJson` reads: `{ "turns": [{ "speaker": "agent", "text": "…", "start": 0.4, "end": 2.1 }] }`.
 *
 * @example
 * const stt = createHttpTranscriber({ url: "http://127.0.0.1:9000/transcribe" });
 * const transcript = await stt.transcribe(readFileSync("call.wav"), { language: "en-US" });
 * @throws TranscriberError (from `transcribe`) on network failure, timeout, a non-2xx answer or an answer with no turns
 */
export function createHttpTranscriber(options: HttpTranscriberOptions): Transcriber {
  let base: URL;
  try {
    base = new URL(options.url);
  } catch {
    throw new TranscriberError(`expected an http(s) URL, found "${options.url}"`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new TranscriberError(`expected an http(s) URL, found "${options.url}"`);
  }
  return {
    async transcribe(wav: Uint8Array, hints: TranscribeOptions = {}): Promise<ImportResult> {
      const url = new URL(base);
      if (hints.language) url.searchParams.set("language", hints.language);
      if (hints.callId) url.searchParams.set("callId", hints.callId);
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "audio/wav", ...options.headers },
          body: wav,
          signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
        });
      } catch (error) {
        throw new TranscriberError(`could not reach ${url.origin}: ${(error as Error).message}`);
      }
      const body = await response.text();
      if (!response.ok) {
        throw new TranscriberError(
          `expected 200 from ${url.origin}, found ${response.status}: ${body.slice(0, 200)}`,
          response.status,
        );
      }
      const result = parseTranscriptJson(body, hints.callId ? { callId: hints.callId } : {});
      if (result.messages.length === 0) {
        const reasons = result.skipped.map((s) => s.reason).join("; ");
        throw new TranscriberError(`expected a transcript with turns, found none (${reasons || "empty"})`);
      }
      return result;
    },
  };
}
