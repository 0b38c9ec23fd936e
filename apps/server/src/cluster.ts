import cluster, { type Worker } from "node:cluster";

/** What travels between the primary and the workers. */
type ClusterMessage = { attune: "ready"; url: string } | { attune: "notify"; tenantId: string };

const isMessage = (m: unknown): m is ClusterMessage =>
  typeof m === "object" && m !== null && "attune" in m && typeof (m as { attune: unknown }).attune === "string";

/** The env variable that tells a worker its number; worker 0 runs the jobs. */
const WORKER_INDEX = "ATTUNE_WORKER_INDEX";

/** This process's place in a cluster: absent when it runs alone. */
export interface WorkerRole {
  index: number;
  /** Worker 0 alone runs the one-off and periodic jobs (demo seed, pending analysis, webhooks, SLA checks). */
  runsJobs: boolean;
  /** Tells the other workers that a tenant's stream has new events. */
  publish: (tenantId: string) => void;
  /** Hears the other workers' wake-ups. */
  subscribe: (wake: (tenantId: string) => void) => void;
  /** Tells the primary this worker is listening. */
  ready: (url: string) => void;
}

/** The role of this process when the primary forked it; undefined in a process of its own. */
export function workerRole(): WorkerRole | undefined {
  if (!cluster.isWorker) return undefined;
  const index = Number(process.env[WORKER_INDEX] ?? "0");
  const send = (m: ClusterMessage) => process.send?.(m);
  // Without its primary (killed, even with -9) a worker has no port to serve: it goes too.
  process.on("disconnect", () => process.exit(0));
  return {
    index,
    runsJobs: index === 0,
    publish: (tenantId) => send({ attune: "notify", tenantId }),
    subscribe: (wake) =>
      process.on("message", (m) => {
        if (isMessage(m) && m.attune === "notify") wake(m.tenantId);
      }),
    ready: (url) => send({ attune: "ready", url }),
  };
}

/** A running cluster and how to stop it. */
export interface RunningCluster {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Runs `count` server processes behind one port with Node's cluster module: the primary accepts
 * connections and hands them to the workers in turn, so one busy event loop no longer queues every
 * request. Worker 0 starts first and alone runs the jobs, so the others find the schema migrated and
 * the demo tenant made. Stream wake-ups are relayed to every worker: the events themselves live in the
 * store, so a subscriber on any worker reads what another one stored. A worker that dies is replaced.
 */
export async function runCluster(count: number, log: (line: string) => void): Promise<RunningCluster> {
  const workers = new Map<number, Worker>();
  let stopping = false;
  const relay = (from: Worker, m: ClusterMessage) => {
    if (m.attune !== "notify") return;
    for (const w of workers.values()) if (w !== from && w.isConnected()) w.send(m);
  };
  const start = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const worker = cluster.fork({ [WORKER_INDEX]: String(index) });
      workers.set(index, worker);
      let listening = false;
      worker.on("message", (m: unknown) => {
        if (!isMessage(m)) return;
        if (m.attune === "ready") {
          listening = true;
          resolve(m.url);
        } else relay(worker, m);
      });
      worker.on("exit", (code, signal) => {
        if (workers.get(index) === worker) workers.delete(index);
        if (!listening) reject(new Error(`worker ${index} exited before listening (${signal ?? `code ${code}`})`));
        else if (!stopping) {
          log(`worker ${index} exited (${signal ?? `code ${code}`}); starting another`);
          start(index).catch((e: Error) => log(e.message));
        }
      });
    });
  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...workers.values()].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    const url = await start(0);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
    return { url, stop };
  } catch (e) {
    // One worker could not start (its own error is on stderr): the ones that did are stopped too.
    await stop();
    throw e;
  }
}
