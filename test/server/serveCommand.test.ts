import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/openStore.js";
import { xssRecord } from "./archiveFixture.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "rasd.js");

test("rasd serve: listens on 127.0.0.1, prints the URL, serves the archive, stops on SIGTERM", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-serve-"));
  const db = join(dir, "a.db");
  const store = openStore(db);
  await store.put([xssRecord()]);
  await store.close();
  const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /the desk is at (http:\/\/localhost:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  assert.match(out, /serving 1 articles/);
  const stats = await (await fetch(`${url}/api/stats`)).json();
  assert.equal(stats.articles, 1);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
  rmSync(dir, { recursive: true, force: true });
});

test("rasd serve: refuses a public address without a token, a missing archive and a bad port", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-serve-"));
  const db = join(dir, "a.db");
  await openStore(db).close();
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, "serve", ...args], { cwd: root, encoding: "utf8", timeout: 20_000, env: { ...process.env, RASD_TOKEN: "" } });
  const open = run("--db", db, "--host", "0.0.0.0", "--port", "0");
  assert.equal(open.status, 2);
  assert.match(open.stderr, /token/);
  const missing = run("--db", join(dir, "nope.db"));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no archive at .*nope\.db.*rasd ingest/);
  const port = run("--db", db, "--port", "http");
  assert.equal(port.status, 2);
  assert.match(port.stderr, /--port must be a number/);
  rmSync(dir, { recursive: true, force: true });
});
