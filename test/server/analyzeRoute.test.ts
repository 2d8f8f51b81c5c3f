import { test, after } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { buildApp } from "../../src/server/buildApp.js";
import { RasdError } from "../../src/errors.js";
import { assertError } from "./assertError.js";
import { SEED_TEXT } from "./archiveFixture.js";

const SHORT = "قال وزير الخارجية الأميركي مايك بومبيو إن الولايات المتحدة ستواصل محاربة تنظيم داعش في سورية والعراق.";
const apps: Array<{ close(): Promise<unknown> }> = [];
const make = async (opts: Parameters<typeof buildApp>[0] = {}) => {
  const app = await buildApp({ webRoot: null, ...opts });
  apps.push(app);
  return app;
};
after(async () => {
  for (const a of apps) await a.close();
});

function spansHold(rec: { text: string; entities: Array<{ mentions: Array<{ start: number; end: number; text: string }> }>; times: Array<{ start: number; end: number; text: string }> }) {
  for (const e of rec.entities) for (const m of e.mentions) assert.equal(rec.text.slice(m.start, m.end), m.text);
  for (const t of rec.times) assert.equal(rec.text.slice(t.start, t.end), t.text);
}

test("analyze: JSON {text} gives a record with the given dct, nothing stored, no cache", async () => {
  const app = await make();
  const res = await app.inject({ method: "POST", url: "/api/analyze", payload: { text: SEED_TEXT(), dct: "2019-01-31" } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers["cache-control"], "no-store");
  const rec = res.json();
  assert.equal(rec.schema, "rasd/record@1");
  assert.equal(rec.language, "ar");
  assert.deepEqual(rec.dct, { value: "2019-01-31", origin: "given" });
  assert.equal(rec.structure.section, "سورية");
  spansHold(rec);
  for (const e of rec.entities) assert.equal(typeof e.key, "string");
  assertError(await app.inject({ url: "/api/stats" }), "RASD_HTTP_NO_ARCHIVE");
});

test("analyze: an HTML page as {html} or as text/html: the article is extracted, the script is not text", async () => {
  const app = await make();
  const page = `<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title><script>alert(1)</script></head><body><article><h1>اجتماع وزاري في واشنطن</h1><p>${SHORT}</p><p>${SHORT}</p></article></body></html>`;
  for (const res of [
    await app.inject({ method: "POST", url: "/api/analyze", payload: { html: page } }),
    await app.inject({ method: "POST", url: "/api/analyze?dct=2019-01-31", headers: { "content-type": "text/html; charset=utf-8" }, payload: page }),
  ]) {
    assert.equal(res.statusCode, 200);
    const rec = res.json();
    assert.equal(rec.source.kind, "html");
    assert.match(rec.text, /بومبيو/);
    assert.doesNotMatch(rec.text, /alert\(1\)/);
  }
});

test("analyze: a plain-text body in windows-1256 is decoded (charset as a hint)", async () => {
  const app = await make();
  const bytes = iconv.encode(SHORT, "windows-1256");
  const res = await app.inject({ method: "POST", url: "/api/analyze?dct=2019-01-31", headers: { "content-type": "text/plain; charset=windows-1256" }, payload: bytes });
  assert.equal(res.statusCode, 200);
  const rec = res.json();
  assert.equal(rec.text.trim(), SHORT);
  assert.equal(rec.dct.value, "2019-01-31");
});

test("analyze: wrong shapes and types are clear 400s", async () => {
  const app = await make();
  const post = (payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/api/analyze", headers, payload: payload as string });
  assert.match(assertError(await post({ text: 5 }), "RASD_USAGE").message, /"text" must be a string, found number/);
  assert.match(assertError(await post({ text: ["a"] }), "RASD_USAGE").message, /found an array/);
  assert.match(assertError(await post({ body: SHORT }), "RASD_USAGE").message, /unknown field "body"/);
  assert.match(assertError(await post({ text: SHORT, html: "<p>x</p>" }), "RASD_USAGE").message, /both/);
  assert.match(assertError(await post({}), "RASD_USAGE").message, /neither/);
  assert.match(assertError(await post([SHORT]), "RASD_USAGE").message, /an array/);
  assert.match(assertError(await post("{not json", { "content-type": "application/json" }), "RASD_USAGE").message, /not valid JSON/);
  assert.match(assertError(await post("", { "content-type": "application/json" }), "RASD_USAGE").message, /empty/);
  assertError(await post({ text: SHORT, dct: "31/01/2019" }), "RASD_DCT_FORMAT");
  assertError(await post({ text: SHORT, dct: "2019-02-30" }), "RASD_DCT_FORMAT");
  assertError(await app.inject({ method: "POST", url: "/api/analyze?dct=yesterday", payload: { text: SHORT } }), "RASD_USAGE");
  assertError(await app.inject({ method: "POST", url: "/api/analyze?dct=2019-01-30", payload: { text: SHORT, dct: "2019-01-31" } }), "RASD_USAGE");
});

test("analyze: empty, binary, wrong media type and oversized bodies", async () => {
  const app = await make({ bodyLimit: 64 * 1024 });
  assertError(await app.inject({ method: "POST", url: "/api/analyze", payload: { text: "   \n " } }), "RASD_SOURCE_EMPTY");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => i % 32)]);
  assertError(await app.inject({ method: "POST", url: "/api/analyze", headers: { "content-type": "application/octet-stream" }, payload: png }), "RASD_SOURCE_BINARY");
  assertError(await app.inject({ method: "POST", url: "/api/analyze", headers: { "content-type": "image/png" }, payload: png }), "RASD_HTTP_MEDIA_TYPE");
  const big = SHORT.repeat(Math.ceil((70 * 1024) / Buffer.byteLength(SHORT)));
  assert.match(assertError(await app.inject({ method: "POST", url: "/api/analyze", payload: { text: big } }), "RASD_SOURCE_TOO_LARGE").message, /65536 bytes/);
  assertError(await app.inject({ method: "POST", url: "/api/analyze", headers: { "content-type": "text/plain" }, payload: big }), "RASD_SOURCE_TOO_LARGE");
});

test("analyze: rate-limited per client, with a coded 429", async () => {
  const app = await make({ analyzePerMinute: 2 });
  for (let i = 0; i < 2; i++) assert.equal((await app.inject({ method: "POST", url: "/api/analyze", payload: { text: SHORT } })).statusCode, 200);
  const res = await app.inject({ method: "POST", url: "/api/analyze", payload: { text: SHORT } });
  assert.match(assertError(res, "RASD_HTTP_RATE_LIMIT").message, /2 analyses a minute/);
  assert.ok(res.headers["retry-after"]);
  // Reading is not rate-limited.
  for (let i = 0; i < 5; i++) assert.equal((await app.inject({ url: "/api/health" })).statusCode, 200);
});

test("write token: refused to start beyond loopback without one; then every write needs it", async () => {
  await assert.rejects(buildApp({ host: "0.0.0.0", webRoot: null }), (e: unknown) => e instanceof RasdError && e.code === "RASD_USAGE" && /token/.test(e.message));
  await assert.rejects(buildApp({ host: "0.0.0.0", token: "short", webRoot: null }), /at least 16/);
  const token = "correct-horse-battery-staple";
  const app = await make({ host: "0.0.0.0", token });
  const post = (headers: Record<string, string>) => app.inject({ method: "POST", url: "/api/analyze", headers, payload: { text: SHORT } });
  assertError(await post({}), "RASD_HTTP_UNAUTHORIZED");
  assertError(await post({ authorization: "Bearer wrong-token-wrong-token" }), "RASD_HTTP_UNAUTHORIZED");
  assertError(await post({ authorization: `Basic ${token}` }), "RASD_HTTP_UNAUTHORIZED");
  assert.equal((await post({ authorization: `Bearer ${token}` })).statusCode, 200);
  assert.equal((await post({ "x-rasd-token": token })).statusCode, 200);
  assert.equal((await app.inject({ url: "/api/health" })).statusCode, 200, "reads need no token");
  // Loopback needs none.
  const local = await make({ host: "127.0.0.1" });
  assert.equal((await local.inject({ method: "POST", url: "/api/analyze", payload: { text: SHORT } })).statusCode, 200);
});
