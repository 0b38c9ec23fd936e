import { parentPort } from "node:worker_threads";
import { AttuneError } from "@attune/engine";
import { type AudioJob, runAudioJob } from "./audio-job.js";

// One job at a time: the pool sends the next only after an answer.
parentPort?.on("message", (message: { id: number; job: AudioJob }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: runAudioJob(message.job) });
  } catch (e) {
    const error =
      e instanceof AttuneError
        ? { code: e.code, message: e.message, details: e.details }
        : { code: "internal", message: (e as Error).message };
    parentPort?.postMessage({ id: message.id, error });
  }
});
