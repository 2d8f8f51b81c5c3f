import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/buildApp.js";
import { ERRORS } from "../../src/errors.js";
import { openStore } from "../../src/store/openStore.js";
import { connect } from "node:net";
import { assertError } from "./assertError.js";

let web: string;
let app: FastifyInstance;

before(async () => {
  // A desk folder with the shape Vite builds, and a secret beside it that must never be served.
  const base = mkdtempSync(join(tmpdir(), "rasd-desk-"));
  web = join(base, "dist");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), '<!doctype html><html lang="ar" dir="rtl"><body><div id="app"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>');
  writeFileSync(join(web, "assets", "app-1a2b.js"), "console.log('desk')");
  writeFileSync(join(web, ".env"), "SECRET=1");
  writeFileSync(join(base, "secret.txt"), "TOP SECRET");
  app = await buildApp({ webRoot: web });
});
after(async () => {
  await app.close();
  rmSync(join(web, ".."), { recursive: true, force: true });
});

test("every response carries a CSP without inline script, and the hardening headers", async () => {
  for (const url of ["/", "/api/health", "/api/docs", "/api/nothing", "/assets/app-1a2b.js"]) {
    const res = await app.inject({ url });
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'/, url);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, url);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
  }
});

test("the desk: index, its own paths answered by index.html, hashed assets cached for good", async () => {
  const home = await app.inject({ url: "/" });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /id="app"/);
  for (const path of ["/article/abc123", "/entity/PER%3A%D8%AA%D8%B1%D8%A7%D9%85%D8%A8", "/analyze", "/?q=x"]) {
    const res = await app.inject({ url: path });
    assert.equal(res.statusCode, 200, path);
    assert.match(res.body, /id="app"/);
    assert.match(String(res.headers["content-type"]), /text\/html/);
  }
  const js = await app.inject({ url: "/assets/app-1a2b.js" });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers["cache-control"]), /immutable/);
  assertError(await app.inject({ url: "/assets/missing.js" }), "RASD_NOT_FOUND");
});

test("static files: no path traversal, no dot files", async () => {
  for (const url of [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%5csecret.txt",
    "/.env",
    "/assets/../.env",
    "/%2e%65nv",
  ]) {
    const res = await app.inject({ url });
    assert.doesNotMatch(res.body, /TOP SECRET|SECRET=1/, url);
    if (res.statusCode !== 200) assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
    else assert.match(res.body, /id="app"/, `${url} may only fall back to the desk`);
  }
});

test("OpenAPI: every API route is described, with the error table", async () => {
  const res = await app.inject({ url: "/api/openapi.json" });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, "3.1.0");
  for (const path of ["/api/search", "/api/articles/{id}", "/api/entities", "/api/entities/{key}", "/api/timeline", "/api/stats", "/api/analyze", "/api/health", "/api/openapi.json", "/api/docs"]) {
    assert.ok(doc.paths[path], path);
  }
  assert.deepEqual(doc["x-error-codes"].map((e: { code: string }) => e.code).sort(), Object.keys(ERRORS).sort());
  const search = doc.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name);
  assert.deepEqual(search.sort(), ["facets", "limit", "offset", "q", "sort"]);
});

test("docs page: server-rendered HTML, no script, every route listed", async () => {
  const res = await app.inject({ url: "/api/docs" });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers["content-type"]), /text\/html/);
  assert.doesNotMatch(res.body, /<script/i);
  for (const p of ["/api/search", "/api/articles/{id}", "/api/analyze", "RASD_QUERY_SYNTAX"]) assert.ok(res.body.includes(p), p);
  const css = await app.inject({ url: "/api/docs.css" });
  assert.match(String(css.headers["content-type"]), /text\/css/);
});

test("a failing store gives a coded 5xx with no internal detail", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-broken-"));
  const store = openStore(join(dir, "a.db"));
  const broken = await buildApp({ store, webRoot: null });
  await store.close(); // every later query fails inside the engine
  const res = await broken.inject({ url: "/api/search?q=x" });
  const code = res.json().error.code as "RASD_STORE" | "RASD_INTERNAL";
  assert.ok(code === "RASD_STORE" || code === "RASD_INTERNAL", code);
  const err = assertError(res, code);
  assert.equal(err.message, ERRORS[code].message, "the table's words only, no driver message");
  await broken.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a request Node's parser refuses (raw Arabic in the URL) still gets a coded JSON 400", async () => {
  const server = await buildApp({ webRoot: null });
  await server.listen({ port: 0, host: "127.0.0.1" });
  const port = (server.server.address() as { port: number }).port;
  const reply = await new Promise<string>((resolve, reject) => {
    const sock = connect(port, "127.0.0.1", () => sock.write(Buffer.from("GET /api/search?q=ترامب HTTP/1.1\r\nHost: x\r\n\r\n", "utf8")));
    let data = "";
    sock.on("data", (d) => (data += d));
    sock.on("end", () => resolve(data));
    sock.on("error", reject);
  });
  await server.close();
  assert.match(reply, /^HTTP\/1\.1 400/);
  const body = JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4));
  assert.equal(body.error.code, "RASD_USAGE");
  assert.match(body.error.message, /percent-encoded/);
});
