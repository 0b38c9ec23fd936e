import type { ImportResult } from "@attune/core";

/**
 * An operator's own speech-to-text service: WAV bytes in, timed turns out, in the shape the transcript importers of
 * `@attune/core` produce (`messages[i].meta.start`/`end` in seconds), so the result feeds `fuseTranscript` directly.
 * Attune ships no speech-to-text model.
 */
export interface Transcriber {
  transcribe(wav: Uint8Array, options?: TranscribeOptions): Promise<ImportResult>;
}

/** Hints passed on to the service. */
export interface TranscribeOptions {
  /** BCP-47 language of the call, e.g. `zh-CN`, `en-US`. */
  language?: string;
  /** The call's id, used in the turns' `externalId`. */
  callId?: string;
}

/** The speech-to-text service failed or answered with something that is not a transcript. */
export class TranscriberError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(`attune transcriber: ${message}`);
    this.name = "TranscriberError";
  }
}
