import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import { checkWaitingSla, deliverDue, resumePending } from "@attune/core";
import { loadAnalyzer } from "@attune/engine/node";
import { openStore } from "@attune/storage";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { type DemoKeys, ensureDemoTenant, keysFileFor } from "./bootstrap.js";
import { runCluster, type WorkerRole, workerRole } from "./cluster.js";
import { type Config, loadConfig } from "./config.js";
import { createContext } from "./context-factory.js";
import { seedDemo } from "./seed.js";
import { webAppBuilt } from "./web.js";

/** A running server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  stop: () => Promise<void>;
}

/**
 * Starts Attune: configuration (validated), store (migrated), engine, demo tenant and data on first
 * start, analysis of anything left pending by a crash, then the HTTP server. In a cluster (`role`), only
 * worker 0 runs the jobs, and stream wake-ups also go to the other workers.
 */
export async function startServer(
  env: Record<string, string | undefined> = process.env,
  log: (line: string) => void = console.log,
  role: WorkerRole | undefined = workerRole(),
): Promise<RunningServer> {
  const config = loadConfig(env);
  const store = await openStore({
    sqlitePath: config.sqlitePath,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  const analyzer = loadAnalyzer();
  const ctx = createContext(config, store, analyzer);
  if (role) {
    ctx.worker = role.index;
    const local = ctx.notify;
    ctx.notify = (tenantId) => {
      local(tenantId);
      role.publish(tenantId);
    };
    role.subscribe(local);
  }
  const jobs = role?.runsJobs ?? true;
  const { demo, created } = await ensureDemoTenant(store, config.sqlitePath);
  if (config.demoSignIn) ctx.demo = demo;
  const app = await buildApp(ctx);
  if (jobs && created && config.seedDemo) {
    const n = await seedDemo(ctx.ingest, demo.tenantId);
    log(`seeded ${n} demo messages`);
  }
  const resumed = jobs ? await resumePending(ctx.ingest) : 0;
  if (resumed) log(`analyzed ${resumed} messages left pending by an earlier stop`);
  const address = await app.listen({ port: config.port, host: config.host });
  const timers: NodeJS.Timeout[] = [];
  if (jobs) {
    // Alert webhooks: due deliveries are sent (and retried) every second, one sweep at a time.
    let sweeping = false;
    timers.push(
      setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        deliverDue(store, fetch, new Date())
          .catch((e) => app.log.error(e))
          .finally(() => {
            sweeping = false;
          });
      }, 1000),
    );
    // Negative customers waiting past their SLA: checked every 30 seconds.
    timers.push(
      setInterval(() => {
        checkWaitingSla(store, new Date())
          .then((tenants) => {
            for (const t of tenants) ctx.notify(t);
          })
          .catch((e) => app.log.error(e));
      }, 30_000),
    );
    for (const t of timers) t.unref();
  }
  if (role) role.ready(address);
  else welcome(log, address, config, demo);
  return {
    app,
    url: address,
    config,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await app.close();
      await store.close();
    },
  };
}

/** The lines an operator reads at start: where Attune listens and how to try it. */
function welcome(log: (line: string) => void, address: string, config: Config, demo: DemoKeys | undefined): void {
  const workers = config.workers > 1 ? `, ${config.workers} worker processes` : "";
  log(
    `Attune is listening on ${address} (store: ${config.databaseUrl ? "postgres" : `sqlite at ${config.sqlitePath}`}${workers})`,
  );
  if (webAppBuilt(config.webDir)) {
    log(`open ${address} in a browser${config.demoSignIn ? " and sign in as a demo agent, supervisor or admin" : ""}`);
  }
  if (!demo) return;
  log(`demo API keys (admin, supervisor, agent, ingest) are in ${keysFileFor(config.sqlitePath)}`);
  log(`try: curl -H "x-api-key: ${demo.keys.agent}" ${address}/api/v1/queue`);
}

/**
 * What `attune serve` runs: one server process, or with `ATTUNE_WORKERS` > 1 a primary that forks that
 * many (each forked process runs this too and becomes a worker). Returns how to stop it.
 */
export async function serve(
  env: Record<string, string | undefined> = process.env,
  log: (line: string) => void = console.log,
): Promise<{ stop: () => Promise<void> }> {
  const config = loadConfig(env);
  if (cluster.isWorker) {
    try {
      return await startServer(env, log);
    } catch (e) {
      // A worker that cannot start must exit: its channel to the primary would keep it, and the primary's wait, alive.
      console.error(
        `attune: worker ${process.env.ATTUNE_WORKER_INDEX ?? "?"} could not start: ${(e as Error).message}`,
      );
      process.exit(1);
    }
  }
  if (config.workers <= 1) return startServer(env, log);
  const running = await runCluster(config.workers, log);
  const file = keysFileFor(config.sqlitePath);
  const demo = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoKeys) : undefined;
  welcome(log, running.url, config, demo);
  return running;
}
