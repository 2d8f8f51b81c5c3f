#!/usr/bin/env node
// `npm start`: the demo. Builds what is missing (the library and the web desk), builds the demo archive
// from the articles bundled in samples/ when there is none (.rasd/demo.db, or $RASD_DB), then serves
// the desk and the API on 127.0.0.1 and prints the URL. Extra arguments go to `rasd serve`
// (`npm start -- --port 9000`). Delete .rasd/ to rebuild the demo archive.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (args, what) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`start: ${what} failed`);
    process.exit(r.status ?? 1);
  }
};

if (!existsSync(join(root, "dist/src/server/buildApp.js")) || !existsSync(join(root, "dist/src/cli/main.js"))) {
  console.log("start: building the library (tsc)…");
  const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  if (!existsSync(join(root, "dist/src/cli/main.js"))) process.exit(r.status || 1);
}
if (!existsSync(join(root, "web/dist/index.html"))) {
  console.log("start: building the web desk (vite)…");
  run([join(root, "node_modules/vite/bin/vite.js"), "build", "web", "--logLevel", "warn"], "the desk's build");
}

const lib = (p) => import(pathToFileURL(join(root, "dist/src", p)).href);
const { storeSpec, isPostgresSpec, openStore } = await lib("store/openStore.js");
const db = process.env.RASD_DB ? storeSpec() : join(root, ".rasd", "demo.db");

// A demo archive left by an older build may not fit the store's current schema: probe it, rebuild if so.
if (!process.env.RASD_DB && existsSync(db)) {
  let ok = false;
  try {
    const probe = openStore(db, { readonly: true });
    ok = (await probe.search("ترامب", { limit: 1 })).total > 0;
    await probe.close();
  } catch {
    ok = false;
  }
  if (!ok) {
    console.log("start: the demo archive was made by an older build; rebuilding it");
    for (const s of ["", "-wal", "-shm"]) rmSync(db + s, { force: true });
  }
}

if (!isPostgresSpec(db) && !existsSync(db)) {
  const { buildDemoArchive } = await lib("server/demoArchive.js");
  mkdirSync(join(db, ".."), { recursive: true });
  // Build beside the final name and move it in place: an interrupted build leaves no half archive.
  const tmp = `${db}.building`;
  for (const s of ["", "-wal", "-shm"]) rmSync(tmp + s, { force: true });
  console.log("start: building the demo archive from samples/ (the seed and the ANT draw)…");
  const t = Date.now();
  const store = openStore(tmp);
  const res = await buildDemoArchive(store, root);
  await store.close();
  renameSync(tmp, db);
  console.log(`start: ${res.inserted} articles analysed and stored in ${((Date.now() - t) / 1000).toFixed(1)} s → ${db}${res.failed ? ` (${res.failed} failed)` : ""}`);
}

const { main } = await lib("cli/main.js");
process.exitCode = await main(["serve", "--db", db, ...process.argv.slice(2)]);
