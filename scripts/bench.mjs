#!/usr/bin/env node
// `npm run bench`: runs the benchmark sections in scripts/bench/*.mjs in file-name order and prints
// their figures. Each section is a file that default-exports `{ name, run(ctx) }`, where run returns
// an object of figures (or an array of such rows); add a section by adding a file.
//
// The articles: ../shared/data/news/*.jsonl(.gz) when present (a spread sample of RASD_BENCH_N
// articles, default 3000; RASD_BENCH_FULL=1 for all of them), else the bundled samples/. Runs the
// built library (dist/): `npm run build` first. `--only NAME` runs the sections whose file name
// contains NAME; `--json FILE` writes all figures as JSON.
import { readdirSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadBenchContext } from "./bench/context.mjs";

const root = new URL("..", import.meta.url).pathname;
if (!existsSync(join(root, "dist/src/index.js"))) { console.error("bench: build first (npm run build)"); process.exit(2); }
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const only = opt("only");
const jsonOut = opt("json");

const ctx = await loadBenchContext(root);
console.log(`bench: ${ctx.articles.length} articles, ${(ctx.textBytes / 1048576).toFixed(1)} MB of text (${ctx.origin}); node ${process.version}, ${ctx.cpu}`);
const dir = join(root, "scripts/bench");
const files = readdirSync(dir).filter((f) => /^\d.*\.mjs$/.test(f) && (!only || f.includes(only))).sort();
const all = {};
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)).default;
  process.stdout.write(`\n## ${mod.name}\n`);
  try {
    const res = await mod.run(ctx);
    all[mod.name] = res;
    for (const row of [].concat(res)) {
      console.log("  " + Object.entries(row).map(([k, v]) => `${k}: ${typeof v === "number" ? +v.toFixed(v < 10 ? 2 : 1) : v}`).join("  "));
    }
  } catch (e) {
    all[mod.name] = { error: String(e?.message ?? e) };
    console.log(`  failed: ${e?.stack ?? e}`);
    process.exitCode = 1;
  }
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ articles: ctx.articles.length, origin: ctx.origin, sections: all, peakRssMB: process.resourceUsage().maxRSS / 1024 }, null, 1));
