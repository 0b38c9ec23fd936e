import { Worker } from "node:worker_threads";
import { AttuneError, type AttuneErrorCode } from "@attune/engine";
import { ApiError } from "../http-errors.js";
import type { AudioJob, AudioJobResult } from "./audio-job.js";

/** Runs audio jobs off the event loop, so a long call being analyzed never stalls the API and the stream. */
export interface AudioPool {
  run(job: AudioJob): Promise<AudioJobResult>;
  close(): Promise<void>;
}

type Pending = { resolve: (r: AudioJobResult) => void; reject: (e: Error) => void };

/**
 * One worker thread, started on the first job and kept; jobs queue in order. A worker that dies fails
 * the jobs it held with a clear error and is replaced on the next job.
 */
export function createAudioPool(): AudioPool {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    const w = new Worker(new URL("./audio-worker.mjs", import.meta.url));
    w.unref();
    w.on(
      "message",
      (m: {
        id: number;
        result?: AudioJobResult;
        error?: { code: string; message: string; details?: Record<string, unknown> };
      }) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.error?.code === "internal")
          p.reject(new ApiError("internal", `audio analysis failed: ${m.error.message}`));
        else if (m.error) p.reject(new AttuneError(m.error.code as AttuneErrorCode, m.error.message, m.error.details));
        else p.resolve(m.result as AudioJobResult);
      },
    );
    const fail = (why: string) => {
      if (worker === w) worker = undefined;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new ApiError("internal", `audio analysis stopped: ${why}`));
      }
    };
    w.on("error", (e) => fail(e.message));
    w.on("exit", (code) => fail(`the worker exited with code ${code}`));
    return w;
  };

  return {
    run(job) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // The WAV's bytes are moved, not copied, when they own their buffer.
        const own = job.wav.byteOffset === 0 && job.wav.byteLength === job.wav.buffer.byteLength;
        w.postMessage({ id, job }, own ? [job.wav.buffer as ArrayBuffer] : []);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
