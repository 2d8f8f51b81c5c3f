/**
 * `rasd serve [--db FILE|postgres://…] [--port N] [--host ADDR] [--token T]`
 * Serves the API and the web desk over an archive. Binds 127.0.0.1 unless told otherwise; bound
 * anywhere else it needs a write token (--token or $RASD_TOKEN).
 */
import { existsSync } from "node:fs";
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { openStore, isPostgresSpec, storeSpec } from "../store/openStore.js";
import { availableParallelism } from "node:os";
import { buildApp } from "../server/buildApp.js";
import { StoreReadPool } from "../server/StoreReadPool.js";
import type { Store } from "../store/Store.js";

export const DEFAULT_PORT = 8750;
const USAGE = "usage: rasd serve [--db FILE|postgres://…] [--port N] [--host ADDR] [--token TOKEN] [--workers N]\n";

function portOf(v: string | boolean | undefined): number | undefined {
  if (typeof v !== "string") return undefined;
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new RasdError("RASD_USAGE", `--port must be a number from 0 to 65535, got "${v}"`);
  return Number(v);
}

export async function serveCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["help"], options: ["db", "port", "host", "token", "workers"] });
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length) throw new RasdError("RASD_USAGE", `unexpected argument "${positionals[0]}"; ${USAGE.trim()}`);
  const spec = storeSpec(typeof flags.db === "string" ? flags.db : undefined);
  if (!isPostgresSpec(spec) && !existsSync(spec)) {
    throw new RasdError("RASD_SOURCE_NOT_FOUND", `no archive at ${spec}; fill one with "rasd ingest PATH --db ${spec}", or run "npm start" for the demo archive`);
  }
  const explicitPort = portOf(flags.port) ?? portOf(process.env.PORT);
  const host = typeof flags.host === "string" ? flags.host : "127.0.0.1";
  const token = typeof flags.token === "string" ? flags.token : process.env.RASD_TOKEN || undefined;

  // SQLite reads run in worker threads (one read-only connection each) so searches use every core;
  // PostgreSQL is already concurrent through its own connections. One per core: the main thread only
  // parses requests and sends answers (about 0.1–0.4 ms of a search's 5 ms), so it needs no core of
  // its own (on 2 cores, 2 workers served 378 uncached searches/s where 1 served 190).
  let workers = isPostgresSpec(spec) ? 0 : Math.min(16, availableParallelism());
  if (typeof flags.workers === "string") {
    if (!/^\d{1,2}$/.test(flags.workers) || Number(flags.workers) > 32) throw new RasdError("RASD_USAGE", `--workers must be a number from 0 to 32, got "${flags.workers}"`);
    workers = isPostgresSpec(spec) ? 0 : Number(flags.workers);
  }
  const primary = openStore(spec);
  const store: Store = workers > 0 ? new StoreReadPool(primary, spec, workers) : primary;
  let app;
  try {
    app = await buildApp({ store, host, ...(token ? { token } : {}) });
  } catch (e) {
    await store.close();
    throw e;
  }
  // Without --port, step past a port that is taken rather than fail.
  const candidates = explicitPort !== undefined ? [explicitPort] : Array.from({ length: 10 }, (_, i) => DEFAULT_PORT + i);
  let address: string | undefined;
  for (const port of candidates) {
    try {
      address = await app.listen({ port, host });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === candidates[candidates.length - 1]) {
        await store.close();
        throw new RasdError("RASD_USAGE", `cannot listen on ${host}:${port}: ${(e as Error).message}`);
      }
    }
  }
  const url = new URL(address!);
  if (url.hostname === "127.0.0.1" || url.hostname === "[::1]") url.hostname = "localhost";
  const stats = await store.stats().catch(() => null);
  process.stdout.write(`rasd: serving ${stats ? `${stats.articles} articles from ` : ""}${spec.replace(/\/\/[^@/]*@/, "//***@")} (${store.engine}${workers > 0 ? `, ${workers} read workers` : ""})\n`);
  process.stdout.write(`rasd: the desk is at ${url.origin}/  ·  API docs at ${url.origin}/api/docs\n`);
  if (token) process.stdout.write("rasd: write endpoints need the token (Authorization: Bearer …)\n");

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void app.close().then(() => store.close()).then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
