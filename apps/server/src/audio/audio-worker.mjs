// The worker's entry: registers tsx (the server runs TypeScript sources directly), then loads the worker.
import { register } from "tsx/esm/api";

register();
await import("./audio-worker.ts");
