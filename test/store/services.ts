/**
 * The real servers the archive tests use, and how to reach them. Without them the tests skip with a
 * message that says how to start them.
 */
import pg from "pg";
import { connect as netConnect } from "node:net";

export const PG_URLS = process.env.RASD_TEST_PG ? [process.env.RASD_TEST_PG] : ["postgres://postgres@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/postgres"];
export const NATS_URL = process.env.RASD_TEST_NATS ?? "nats://127.0.0.1:4222";

export const PG_HOWTO = "needs PostgreSQL at postgres://postgres@127.0.0.1:5432/test (trust auth): run .ci/run, or `pg_ctlcluster 15 main start`, or set RASD_TEST_PG";
export const NATS_HOWTO = "needs nats-server with JetStream at nats://127.0.0.1:4222: run .ci/run, or `nats-server -js -a 127.0.0.1 -p 4222 &`, or set RASD_TEST_NATS";

/** The first PostgreSQL URL that answers, or null. */
export async function reachablePostgres(): Promise<string | null> {
  for (const url of PG_URLS) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      return url;
    } catch {
      await c.end().catch(() => {});
    }
  }
  return null;
}

export async function reachableNats(): Promise<boolean> {
  const u = new URL(NATS_URL.replace(/^nats:/, "http:"));
  return new Promise((resolve) => {
    const s = netConnect({ host: u.hostname, port: Number(u.port || 4222) });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1500, () => done(false));
    s.once("data", (d) => done(d.toString().startsWith("INFO") && /"jetstream":\s*true/.test(d.toString())));
    s.once("error", () => done(false));
  });
}

/** A fresh schema name for one test run. */
export function freshSchema(tag: string): string {
  return `rasd_${tag}_${process.pid}_${Date.now().toString(36)}`;
}
