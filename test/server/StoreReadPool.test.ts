import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { StoreReadPool, isWideSearch } from "../../src/server/StoreReadPool.js";
import { buildApp } from "../../src/server/buildApp.js";
import { archiveFixture, type ArchiveFixture } from "./archiveFixture.js";
import { assertError } from "./assertError.js";

let fx: ArchiveFixture;
let pool: StoreReadPool;

before(async () => {
  fx = await archiveFixture(4);
  // The pool shares the fixture's primary store; close() on the pool would close it, so the
  // fixture closes it instead and the pool's workers are ended by the pool below.
  pool = new StoreReadPool(fx.store, join(fx.dir, "archive.db"), 2);
});
after(async () => {
  await pool.close(); // closes the workers and the primary
  await fx.close().catch(() => {});
});

test("the read pool answers exactly as the store does", async () => {
  assert.equal(pool.size, 2);
  const q = "ترامب";
  const [direct, pooled] = [await fx.store.search(q, { limit: 10 }), await pool.search(q, { limit: 10 })];
  assert.deepEqual(pooled, direct);
  assert.deepEqual(await pool.get(fx.seed.id), await fx.store.get(fx.seed.id));
  assert.equal(await pool.get("00000000000000000000"), null);
  assert.deepEqual(await pool.stats(), await fx.store.stats());
  assert.deepEqual(await pool.timeline(q, "month"), await fx.store.timeline(q, "month"));
  assert.deepEqual(await pool.lookupEntities("", 5), await fx.store.lookupEntities("", 5));
  assert.equal(await pool.entity("PER:لا أحد"), null);
});

test("searchJson: the worker sends the search serialized in UTF-8, the same answer as the store's", async () => {
  for (const q of ["ترامب", '"الولايات المتحدة" -داعش']) {
    const bytes = await pool.searchJson(q, { limit: 10, facets: true });
    assert.ok(bytes instanceof Uint8Array);
    // The bytes came in a buffer of their own (transferred), not a view into a larger one.
    assert.equal(bytes.byteLength, bytes.buffer.byteLength);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    assert.match(text, /\p{Script=Arabic}{3}/u); // the stems, at least, decoded as Arabic
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(await fx.store.search(q, { limit: 10, facets: true }))));
  }
});

test("concurrent searches spread over the workers and all come back right", async () => {
  const queries = ["ترامب", "سورية", "الولايات المتحدة", '"التحالف الدولي"', "داعش", "واشنطن"];
  const expected = await Promise.all(queries.map((q) => fx.store.search(q, { limit: 5, facets: false })));
  const got = await Promise.all(Array.from({ length: 60 }, (_, i) => pool.search(queries[i % queries.length]!, { limit: 5, facets: false })));
  got.forEach((g, i) => assert.deepEqual(g, expected[i % queries.length]));
});

test("the API over the pool: same replies, coded errors", async () => {
  const app = await buildApp({ store: pool, webRoot: null });
  const res = await app.inject({ url: `/api/articles/${fx.seed.id}` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().text, fx.seed.text);
  assertError(await app.inject({ url: `/api/articles/00000000000000000000` }), "RASD_NOT_FOUND");
  const s = await app.inject({ url: `/api/search?q=${encodeURIComponent("ترامب")}` });
  assert.ok(s.json().hits.some((h: { id: string }) => h.id === fx.seed.id));
  await app.close();
});

test("calls wait in one queue: a worker holds at most two, the next goes to whichever frees first", async () => {
  const own = new StoreReadPool(fx.store, join(fx.dir, "archive.db"), 2);
  const state = own as unknown as { load: number[]; queue: unknown[] };
  // One-month searches: narrow ones, all in the one queue (wide ones wait in their own lane, below).
  const q = ["ترامب date:2019-01", "سورية date:2019-01", "داعش date:2019-01"];
  const expected = await Promise.all(q.map((x) => fx.store.search(x, { limit: 5, facets: true })));
  const calls = Array.from({ length: 30 }, (_, i) => own.search(q[i % 3]!, { limit: 5, facets: true }));
  assert.deepEqual(state.load, [2, 2], "two calls sent to each worker");
  assert.equal(state.queue.length, 26, "the rest wait on the main thread");
  (await Promise.all(calls)).forEach((g, i) => assert.deepEqual(g, expected[i % 3]));
  assert.deepEqual(state.load, [0, 0]);
  assert.equal(state.queue.length, 0);

  // A worker that ends takes no more calls; with none left, calls fail with a coded error, never hang.
  const workers = (own as unknown as { workers: Array<{ terminate(): Promise<number> }> }).workers;
  await workers[0]!.terminate();
  assert.deepEqual(await own.search(q[0]!, { limit: 5, facets: true }), expected[0]);
  const stranded = Array.from({ length: 5 }, () => own.search("داعش", { limit: 5 }).then(() => "answered", (e: Error & { code?: string }) => e.code));
  await workers[1]!.terminate();
  for (const r of await Promise.all(stranded)) assert.ok(r === "answered" || r === "RASD_STORE", String(r));
  await assert.rejects(own.search("ترامب"), (e: Error & { code?: string }) => e.code === "RASD_STORE");
});

test("a wide search (no date range, or one over six months) is told from a narrow one", () => {
  for (const q of ["ترامب", '"الولايات المتحدة" -داعش', "ترامب date:2018", "ترامب from:2019-01-01", 'outlet:"BBC Arabic" الصين']) assert.equal(isWideSearch(q), true, q);
  for (const q of ["ترامب date:2019-01", "ترامب date:2019-01..2019-06", "date:2019-01-29", "سورية date:2019-01-01..2019-01-31"]) assert.equal(isWideSearch(q), false, q);
});

test("under load narrow searches go before the wide ones waiting, and a wide one waits no longer than its bound", async () => {
  // A minute's bound: the order below does not then depend on how quickly the workers answer.
  const own = new StoreReadPool(fx.store, join(fx.dir, "archive.db"), 2, 60_000);
  const state = own as unknown as { wide: Array<{ at: number }>; queue: unknown[]; workers: Array<{ postMessage(m: unknown, t?: unknown): void }> };
  const sent: string[] = [];
  for (const w of state.workers) {
    const post = w.postMessage.bind(w);
    w.postMessage = (m: unknown, t?: unknown) => {
      if (typeof m === "object" && m && "args" in m) sent.push(String((m as { args: unknown[] }).args[0]));
      post(m, t as never);
    };
  }
  const expected = new Map<string, unknown>();
  const ask = (query: string) => own.search(query, { limit: 5, facets: true }).then((r) => assert.deepEqual(r, expected.get(query), query));
  const wide = ["ترامب", "سورية", "داعش", "واشنطن", "الولايات المتحدة", "التحالف"];
  const narrow = ["ترامب date:2019-01", "سورية date:2019-01"];
  for (const q of [...wide, ...narrow]) expected.set(q, await fx.store.search(q, { limit: 5, facets: true }));
  // Four wide calls fill both workers; two more wide ones and then two narrow ones wait.
  const calls = [...wide.map(ask), ...narrow.map(ask)];
  assert.equal(state.wide.length, 2);
  assert.equal(state.queue.length, 2);
  await Promise.all(calls);
  assert.deepEqual(sent, [...wide.slice(0, 4), ...narrow, ...wide.slice(4)], "the narrow calls were sent before the wide ones queued earlier");

  // A wide call that has waited its bound goes first.
  sent.length = 0;
  const more = [...wide.slice(0, 4).map(ask)];
  const late = ask("الولايات المتحدة");
  state.wide[0]!.at -= 60_001;
  const quick = narrow.map(ask);
  await Promise.all([...more, late, ...quick]);
  assert.deepEqual(sent, [...wide.slice(0, 4), "الولايات المتحدة", ...narrow]);
  // Its workers end here; close() would also close the fixture's primary store, which the pool shares.
  for (const w of (own as unknown as { workers: Array<{ terminate(): Promise<number> }> }).workers) await w.terminate();
});
