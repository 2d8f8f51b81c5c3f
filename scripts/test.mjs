#!/usr/bin/env node
// `npm test`: build the library (the CLI tests run bin/rasd.js), then run every test/**/*.test.ts
// with Node's own test runner, TypeScript loaded through tsx. Extra arguments filter test files by
// substring: `npm test -- time` runs the tests whose path contains "time".
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const build = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (build.status !== 0) console.error("warning: the TypeScript build reported errors (tests run on what was emitted)");

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== "golden" || true) walk(p, out); }
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}
const filters = process.argv.slice(2);
const files = walk(join(root, "test")).filter((f) => !filters.length || filters.some((x) => f.includes(x))).sort();
if (!files.length) { console.error("no test files matched"); process.exit(1); }
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit", cwd: root });
process.exit(r.status ?? 1);
