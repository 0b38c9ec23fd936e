import { checkWaitingSla, deliverDue, resumePending } from "@attune/core";
import { loadAnalyzer } from "@attune/engine/node";
import { openStore } from "@attune/storage";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { ensureDemoTenant, keysFileFor } from "./bootstrap.js";
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
 * start, analysis of anything left pending by a crash, then the HTTP server.
 */
export async function startServer(
  env: Record<string, string | undefined> = process.env,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const config = loadConfig(env);
  const store = await openStore({
    sqlitePath: config.sqlitePath,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  const analyzer = loadAnalyzer();
  const ctx = createContext(config, store, analyzer);
  const { demo, created } = await ensureDemoTenant(store, config.sqlitePath);
  if (config.demoSignIn) ctx.demo = demo;
  const app = await buildApp(ctx);
  if (created && config.seedDemo) {
    const n = await seedDemo(ctx.ingest, demo.tenantId);
    log(`seeded ${n} demo messages`);
  }
  const resumed = await resumePending(ctx.ingest);
  if (resumed) log(`analyzed ${resumed} messages left pending by an earlier stop`);
  const address = await app.listen({ port: config.port, host: config.host });
  // Alert webhooks: due deliveries are sent (and retried) every second, one sweep at a time.
  let sweeping = false;
  const webhookTimer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    deliverDue(store, fetch, new Date())
      .catch((e) => app.log.error(e))
      .finally(() => {
        sweeping = false;
      });
  }, 1000);
  webhookTimer.unref();
  // Negative customers waiting past their SLA: checked every 30 seconds.
  const slaTimer = setInterval(() => {
    checkWaitingSla(store, new Date())
      .then((tenants) => {
        for (const t of tenants) ctx.notify(t);
      })
      .catch((e) => app.log.error(e));
  }, 30_000);
  slaTimer.unref();
  log(
    `Attune is listening on ${address} (store: ${store.dialect}${config.databaseUrl ? "" : ` at ${config.sqlitePath}`})`,
  );
  if (webAppBuilt(config.webDir)) {
    log(`open ${address} in a browser${config.demoSignIn ? " and sign in as a demo agent, supervisor or admin" : ""}`);
  }
  log(`demo API keys (admin, supervisor, agent, ingest) are in ${keysFileFor(config.sqlitePath)}`);
  log(`try: curl -H "x-api-key: ${demo.keys.agent}" ${address}/api/v1/queue`);
  return {
    app,
    url: address,
    config,
    stop: async () => {
      clearInterval(webhookTimer);
      clearInterval(slaTimer);
      await app.close();
      await store.close();
    },
  };
}
