/**
 * The command as a user runs it: stdin, --pretty, several files, --version and --help.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "bin/rasd.js");
const SEED = join(ROOT, "test/golden/seed-alwatan/source.txt");
const rasd = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });

test("--version prints the package version; --help lists analyze", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const v = rasd(["--version"]);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `rasd ${pkg.version}\n`);
  const h = rasd(["--help"]);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /rasd analyze FILE\.\.\. \[--dct YYYY-MM-DD\]/);
  const a = rasd(["analyze", "--help"]);
  assert.equal(a.status, 0);
  assert.match(a.stdout, /--input KIND/);
});

test("- reads the article from stdin; --dct is given", () => {
  const r = rasd(["analyze", "-", "--dct", "2019-01-31", "--json"], readFileSync(SEED, "utf8"));
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.structure.section, "سورية");
  assert.equal(rec.structure.byline, "وكالات");
  assert.deepEqual(rec.dct, { value: "2019-01-31", origin: "given" });
  assert.equal(rec.source.uri, undefined);
});

test("--pretty: a readable summary with the structure, no colour codes off a terminal", () => {
  const r = rasd(["analyze", SEED, "--pretty", "--dct", "2019-01-31"]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stdout, /section\s+سورية/);
  assert.match(r.stdout, /headline\s+اجتماع لوزراء خارجية «التحالف» الأسبوع المقبل في واشنطن … ترامب/);
  assert.match(r.stdout, /byline\s+وكالات/);
  assert.match(r.stdout, /publisher\s+صحيفة الوطن/);
  assert.match(r.stdout, /15 paragraphs, 1 boilerplate line/);
});

test("several files give one JSON record a line, in order", () => {
  const html = join(ROOT, "test/golden/ant-skynews-1-html-jsonld/source.html");
  const r = rasd(["analyze", SEED, html, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const recs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(recs.length, 2);
  assert.equal(recs[0].source.kind, "text");
  assert.equal(recs[1].source.kind, "html");
  assert.equal(recs[1].dct.origin, "metadata");
});
