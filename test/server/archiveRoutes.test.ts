import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/buildApp.js";
import { archiveFixture, type ArchiveFixture } from "./archiveFixture.js";
import { assertError } from "./assertError.js";

let fx: ArchiveFixture;
let app: FastifyInstance;
const TRUMP = encodeURIComponent("ترامب");

before(async () => {
  fx = await archiveFixture();
  app = await buildApp({ store: fx.store, webRoot: null });
});
after(async () => {
  await app.close();
  await fx.close();
});

test("search: an Arabic word finds the seed, with snippets whose highlights cover the word", async () => {
  const res = await app.inject({ url: `/api/search?q=${TRUMP}&limit=50` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const hit = body.hits.find((h: { id: string }) => h.id === fx.seed.id);
  assert.ok(hit, "the seed is among the hits");
  assert.equal(hit.dct, "2019-01-31");
  assert.ok(hit.snippets.length > 0);
  const text = fx.seed.text;
  for (const s of hit.snippets) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const [a, b] of s.highlights) assert.match(text.slice(a, b), /ترامب/);
  }
  assert.ok(body.facets, "facets by default");
  assert.ok(Array.isArray(body.facets.outlets) && Array.isArray(body.facets.dates));
});

test("search: a clitic form of the word finds the same article", async () => {
  const res = await app.inject({ url: `/api/search?q=${encodeURIComponent("وترامب")}&facets=false` });
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().hits.some((h: { id: string }) => h.id === fx.seed.id));
  assert.equal(res.json().facets, undefined);
});

test("search: paging and sort are honoured", async () => {
  const all = (await app.inject({ url: `/api/search?q=${encodeURIComponent("في")}&limit=100&facets=false` })).json();
  const page = (await app.inject({ url: `/api/search?q=${encodeURIComponent("في")}&limit=2&offset=1&facets=false` })).json();
  assert.equal(page.hits.length, Math.min(2, Math.max(0, all.total - 1)));
  const byDate = (await app.inject({ url: `/api/search?q=${encodeURIComponent("في")}&sort=date&facets=false` })).json();
  const dates = byDate.hits.map((h: { dct: string }) => h.dct ?? "");
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test("search: a malformed query is read, not refused", async () => {
  for (const q of ['"ترامب', "ترامب AND OR (", "*:* NEAR/3 ^^", "-", '""']) {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200, q);
  }
});

test("search: bad parameters are clear 400s", async () => {
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&limit=0` }), "RASD_USAGE").message, /limit/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&limit=abc` }), "RASD_USAGE").message, /limit/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&offset=-1` }), "RASD_USAGE").message, /offset/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&sort=random` }), "RASD_USAGE").message, /sort/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&facets=maybe` }), "RASD_USAGE").message, /facets/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=x&colour=red` }), "RASD_USAGE").message, /additional/);
  assert.match(assertError(await app.inject({ url: `/api/search?q=${"ب".repeat(10_001)}` }), "RASD_USAGE").message, /q/);
});

test("articles: the record with its structure and entity keys; unknown and malformed ids are 4xx", async () => {
  const res = await app.inject({ url: `/api/articles/${fx.seed.id}` });
  assert.equal(res.statusCode, 200);
  const rec = res.json();
  assert.equal(rec.id, fx.seed.id);
  assert.equal(rec.text, fx.seed.text);
  assert.deepEqual(rec.structure, fx.seed.structure);
  assert.equal(rec.dct.value, "2019-01-31");
  for (const e of rec.entities) assert.equal(typeof e.key, "string");
  assertError(await app.inject({ url: `/api/articles/00000000000000000000` }), "RASD_NOT_FOUND");
  assertError(await app.inject({ url: `/api/articles/${encodeURIComponent("../../etc/passwd")}` }), "RASD_USAGE");
  assertError(await app.inject({ url: `/api/articles/${"a".repeat(129)}` }), "RASD_USAGE");
  assertError(await app.inject({ url: `/api/articles/${fx.seed.id}?full=1` }), "RASD_USAGE");
});

test("entities: lookup by prefix, profile by key, unknown key 404, bad limit 400", async () => {
  const withEntities = fx.records.flatMap((r) => r.entities);
  const prefix = withEntities[0]?.name.split(" ")[0] ?? "ترامب";
  const res = await app.inject({ url: `/api/entities?prefix=${encodeURIComponent(prefix)}&limit=5` });
  assert.equal(res.statusCode, 200);
  const list = res.json().entities;
  assert.ok(Array.isArray(list) && list.length <= 5);
  if (withEntities.length) {
    assert.ok(list.length > 0, "the archive has entities, the lookup lists some");
    const key = list[0].id;
    const prof = await app.inject({ url: `/api/entities/${encodeURIComponent(key)}` });
    assert.equal(prof.statusCode, 200);
    const p = prof.json();
    assert.equal(p.id, key);
    for (const k of ["names", "timeline", "coMentioned", "quotes", "outlets"]) assert.ok(Array.isArray(p[k]), k);
  }
  assertError(await app.inject({ url: `/api/entities/${encodeURIComponent("PER:لا أحد بهذا الاسم")}` }), "RASD_NOT_FOUND");
  assertError(await app.inject({ url: `/api/entities?limit=1000` }), "RASD_USAGE");
  assertError(await app.inject({ url: `/api/entities?prefix=${"x".repeat(201)}` }), "RASD_USAGE");
});

test("timeline: buckets by interval; an unknown interval is a 400", async () => {
  const res = await app.inject({ url: `/api/timeline?q=${TRUMP}&interval=month` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.interval, "month");
  assert.ok(body.buckets.some((b: { date: string; count: number }) => b.date.startsWith("2019-01") && b.count >= 1));
  assertError(await app.inject({ url: `/api/timeline?q=x&interval=year` }), "RASD_USAGE");
});

test("stats: counts what was put", async () => {
  const res = await app.inject({ url: `/api/stats` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().articles, fx.records.length);
  assertError(await app.inject({ url: `/api/stats?x=1` }), "RASD_USAGE");
});

test("unknown routes and methods are coded 404s; the health route names the engine", async () => {
  assertError(await app.inject({ url: `/api/nothing-here` }), "RASD_NOT_FOUND");
  assertError(await app.inject({ method: "DELETE", url: `/api/articles/${fx.seed.id}` }), "RASD_NOT_FOUND");
  assertError(await app.inject({ url: "/api/articles/%E0%A4%A" }), "RASD_USAGE");
  const h = (await app.inject({ url: "/api/health" })).json();
  assert.equal(h.ok, true);
  assert.equal(h.store, "sqlite");
});
