/**
 * Scale-out on the real servers: documents enqueued to NATS JetStream, two `rasd worker`s writing to
 * PostgreSQL, one killed with SIGKILL mid-way and a new one started: every document ends up in the
 * archive exactly once, and the work queue is empty.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { HAVE_NEWS, newsLines } from "../store/fixtures.js";
import { freshSchema, NATS_HOWTO, NATS_URL, PG_HOWTO, reachableNats, reachablePostgres } from "../store/services.js";
import { loadDocument } from "../../src/sources/index.js";
import { parseJsonlLine } from "../../src/sources/jsonl.js";
import { decodeInput, encodeInput } from "../../src/scale/natsQueue.js";

const BIN = fileURLToPath(new URL("../../bin/rasd.js", import.meta.url));
const HAVE_BUILD = existsSync(fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url)));
const pgUrl = await reachablePostgres();
const natsUp = await reachableNats();
const N = 40;

test("a message body round-trips an input, bytes included", () => {
  const bytes = new Uint8Array([0xc7, 0xe1, 0xd1, 0x0a, 0x00, 0xff]);
  const back = decodeInput(encodeInput({ bytes, uri: "x.html", kind: "html", meta: { title: "عنوان" } }));
  assert.deepEqual([...back.bytes!], [...bytes]);
  assert.equal(back.meta?.title, "عنوان");
  assert.deepEqual(decodeInput(encodeInput({ text: "نص", dct: "2019-01-31" })), { text: "نص", dct: "2019-01-31" });
});

const skip = !HAVE_NEWS ? "needs ../shared/data/news" : !HAVE_BUILD ? "needs the build (npm test builds it)" : !pgUrl ? PG_HOWTO : !natsUp ? NATS_HOWTO : false;

test("two workers, one killed mid-way and restarted: every document exactly once in PostgreSQL", { skip, timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-workers-"));
  const schema = freshSchema("workers");
  const stream = `RASD_TEST_${process.pid}_${Date.now().toString(36)}`.toUpperCase();
  const u = new URL(pgUrl!);
  u.searchParams.set("schema", schema);
  const db = u.toString();
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  const children: ChildProcess[] = [];
  try {
    const lines = newsLines().filter((n) => n.text.length < 2500).filter((_, i) => i % 89 === 3).slice(0, N);
    const file = join(dir, "docs.jsonl");
    const json = lines.map((n) => JSON.stringify({ title: n.title, outlet: n.outlet, category: n.category, date: n.date, url: n.url, text: n.text }));
    writeFileSync(file, json.join("\n") + "\n");
    const ids = new Set(json.map((l, i) => loadDocument(parseJsonlLine(l, i + 1, file).input!).id));

    const enq = spawnSync(process.execPath, [BIN, "enqueue", file, "--nats", NATS_URL, "--stream", stream], { encoding: "utf8" });
    assert.equal(enq.status, 0, enq.stderr);
    assert.match(enq.stdout, new RegExp(`enqueued ${N} documents`));
    // Enqueueing the same file again within the duplicate window adds nothing.
    const again = spawnSync(process.execPath, [BIN, "enqueue", file, "--nats", NATS_URL, "--stream", stream], { encoding: "utf8" });
    assert.match(again.stdout, new RegExp(`enqueued 0 documents .*${N} already queued`));

    const worker = () => {
      const c = spawn(process.execPath, [BIN, "worker", "--nats", NATS_URL, "--db", db, "--stream", stream, "--batch", "3", "--ack-wait", "5", "--idle-exit", "12", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
      children.push(c);
      return c;
    };
    const exitOf = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code))));
    const count = async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.articles`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);

    const a = worker();
    const b = worker();
    for (let i = 0; i < 2400 && (await count()) < 6; i++) await new Promise((r) => setTimeout(r, 100));
    a.kill("SIGKILL");
    await exitOf(a);
    const atKill = await count();
    assert.ok(atKill < N, `killed mid-way (${atKill} of ${N} stored)`);
    const c = worker();
    assert.equal(await exitOf(b), 0);
    assert.equal(await exitOf(c), 0);

    const rows = (await admin.query(`SELECT doc FROM ${schema}.articles`)).rows as Array<{ doc: string }>;
    assert.equal(rows.length, N);
    assert.deepEqual(new Set(rows.map((r) => r.doc)), ids);
    const lsh = await admin.query(`SELECT count(DISTINCT doc) AS l, (SELECT count(*) FROM ${schema}.articles WHERE shingles >= 12) AS a FROM ${schema}.lsh`);
    assert.equal(Number(lsh.rows[0].l), Number(lsh.rows[0].a), "no article half-written");
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream);
    assert.equal(info.state.messages, 0, "the work queue is empty: every message was acked");
    await nc.close();
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    const nc = await connect({ servers: NATS_URL }).catch(() => null);
    if (nc) {
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {});
      await nc.close();
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
