import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildApp } from "../../src/server/buildApp.js";
import { ResponseCache } from "../../src/server/ResponseCache.js";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { analyze } from "../../src/analyze.js";
import { archiveFixture } from "./archiveFixture.js";

const NEW_ARTICLE = [
  "أخبار اقتصادية",
  "",
  "ارتفاع صادرات الزعفران الإيراني إلى أوروبا",
  "",
  "قالت وزارة التجارة الإيرانية إن صادرات الزعفران ارتفعت بنسبة 12 في المئة خلال الأشهر الستة الماضية.",
].join("\n");

test("ResponseCache: the same key at the same stamp is answered from the cache; a new stamp computes again", async () => {
  const cache = new ResponseCache();
  let computed = 0;
  const compute = async () => ({ n: ++computed, word: "ترامب" });
  const answer = async (stamp: number) => {
    const { body, cached } = await cache.json("k", stamp, compute);
    return { body: body.toString("utf8"), cached };
  };
  assert.deepEqual(await answer(1), { body: '{"n":1,"word":"ترامب"}', cached: false });
  assert.deepEqual(await answer(1), { body: '{"n":1,"word":"ترامب"}', cached: true });
  assert.deepEqual(await answer(2), { body: '{"n":2,"word":"ترامب"}', cached: false });
  assert.equal(cache.hits, 1);
  assert.equal(cache.misses, 2);
});

test("ResponseCache: without a stamp nothing is kept", async () => {
  const cache = new ResponseCache();
  let computed = 0;
  await cache.json("k", null, async () => ++computed);
  const second = await cache.json("k", null, async () => ++computed);
  assert.equal(second.body.toString(), "2");
  assert.equal(cache.size, 0);
});

test("ResponseCache: identical requests in flight share one computation; a failure is not kept", async () => {
  const cache = new ResponseCache();
  let computed = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow = async () => {
    computed++;
    await gate;
    return { ok: true };
  };
  const both = Promise.all([cache.json("q", 7, slow), cache.json("q", 7, slow)]);
  release();
  const [a, b] = await both;
  assert.equal(computed, 1);
  assert.equal(a.body, b.body); // the same bytes, not merely equal ones
  await assert.rejects(cache.json("bad", 7, async () => Promise.reject(new Error("no such entity"))));
  assert.equal((await cache.json("bad", 7, async () => "found later")).body.toString(), '"found later"');
});

test("ResponseCache: the least recently used entry leaves first when full", async () => {
  const cache = new ResponseCache(2);
  await cache.json("a", 1, async () => "a");
  await cache.json("b", 1, async () => "b");
  await cache.json("a", 1, async () => "a again"); // a is now the most recently used
  await cache.json("c", 1, async () => "c");
  assert.equal((await cache.json("a", 1, async () => "recomputed")).cached, true);
  assert.equal((await cache.json("b", 1, async () => "b recomputed")).body.toString(), '"b recomputed"');
});

test("search through the API: a repeated search is served from the cache until another connection writes an article", async () => {
  const fx = await archiveFixture(2);
  const app = await buildApp({ store: fx.store, webRoot: null });
  try {
    const url = `/api/search?q=${encodeURIComponent("الزعفران")}`;
    const first = await app.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers["x-rasd-cache"], "miss");
    assert.equal(first.json().total, 0);
    const again = await app.inject({ url });
    assert.equal(again.headers["x-rasd-cache"], "hit");
    assert.equal(again.body, first.body);
    assert.match(String(again.headers["content-type"]), /^application\/json/);

    // `rasd ingest` in another process is another connection to the file: the stamp moves.
    const writer = new SqliteStore(join(fx.dir, "archive.db"));
    const rec = analyze({ text: NEW_ARTICLE, kind: "text" }, { dct: "2019-03-02" });
    await writer.put([rec]);
    await writer.close();
    const after = await app.inject({ url });
    assert.equal(after.headers["x-rasd-cache"], "miss");
    assert.equal(after.json().total, 1);
    assert.equal(after.json().hits[0].id, rec.id);
  } finally {
    await app.close();
    await fx.close();
  }
});

test("an unknown entity stays a 404 and is asked again, not cached", async () => {
  const fx = await archiveFixture(1);
  const app = await buildApp({ store: fx.store, webRoot: null });
  try {
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ url: "/api/entities/no-such-entity" });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "RASD_NOT_FOUND");
    }
  } finally {
    await app.close();
    await fx.close();
  }
});
