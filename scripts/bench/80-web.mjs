// Bench section "web desk": what the analyst's desk costs, measured against a running `rasd serve`.
//  - search API latency p50/p95 with 50 concurrent clients (target p95 ≤ 100 ms), over the archive
//    named by RASD_BENCH_DB (a SQLite file or postgres:// URL, e.g. the 200,000-article bench archive),
//    else the demo archive built from samples/ in a temporary folder;
//  - JS shipped to the browser, gzipped (target ≤ 250 KB), from web/dist;
//  - time to first render of the desk on localhost, and to the first search results, in chromium.
// Run alone: `node scripts/bench/80-web.mjs` (after `npm run build`); RASD_BENCH_WEB_REQUESTS sets
// the number of search requests (default 3000).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLIENTS = 50;
const QUERIES = [
  "ترامب", "كوريا الشمالية", "أسعار النفط", "الرئيس الأمريكي", '"الولايات المتحدة"', "مباراة الدوري", "سوريا روسيا",
  "الاتحاد الأوروبي date:2018", 'outlet:"BBC Arabic" الصين', "الانتخابات", "وزير الخارجية", "كأس العالم", "البنك المركزي الفائدة",
];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function demoArchive(root) {
  const dir = mkdtempSync(join(tmpdir(), "rasd-bench-web-"));
  const db = join(dir, "demo.db");
  const { openStore } = await import(pathToFileURL(join(root, "dist/src/store/openStore.js")).href);
  const { buildDemoArchive } = await import(pathToFileURL(join(root, "dist/src/server/demoArchive.js")).href);
  const store = openStore(db);
  await buildDemoArchive(store, root);
  await store.close();
  return { db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function startServer(root, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/rasd.js"), "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (d) => {
      out += d;
      const m = /the desk is at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ url: m[1], child, articles: Number(/serving (\d+) articles/.exec(out)?.[1] ?? NaN) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`rasd serve exited ${code}: ${out.slice(-500)}`)));
  });
}

async function searchLatency(url, total) {
  const lat = [];
  let next = 0, errors = 0;
  const t0 = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const q = QUERIES[i % QUERIES.length];
      const s = performance.now();
      const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=20`);
      await res.arrayBuffer();
      lat.push(performance.now() - s);
      if (!res.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { requests: total, errors, "req/s": total / secs, "p50 ms": pct(lat, 50), "p95 ms": pct(lat, 95), "max ms": lat[lat.length - 1] };
}

function shippedJs(root) {
  const dir = join(root, "web/dist/assets");
  if (!existsSync(dir)) return { "JS gz KB": NaN, note: "web/dist missing: npm run build" };
  let js = 0, jsRaw = 0, css = 0;
  for (const f of readdirSync(dir)) {
    const buf = readFileSync(join(dir, f));
    if (f.endsWith(".js")) { js += gzipSync(buf, { level: 9 }).length; jsRaw += buf.length; }
    else if (f.endsWith(".css")) css += gzipSync(buf, { level: 9 }).length;
  }
  return { "JS gz KB": js / 1024, "JS raw KB": jsRaw / 1024, "CSS gz KB": css / 1024 };
}

async function firstRender(url) {
  const chromiumPath = "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) return { note: "no chromium at /usr/bin/chromium: first render not measured" };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const runs = [];
  try {
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const s = performance.now();
      await page.goto(`${url}/`);
      await page.waitForSelector("#app[data-ready]");
      const ready = performance.now() - s;
      const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
      const s2 = performance.now();
      await page.goto(`${url}/?q=${encodeURIComponent("ترامب")}`);
      await page.waitForSelector(".hit");
      const results = performance.now() - s2;
      runs.push({ ready, fcp, results });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { "first contentful paint ms": med("fcp"), "desk rendered ms": med("ready"), "search results shown ms": med("results"), runs: runs.length };
}

const section = {
  name: "web desk (search API under 50 clients, JS shipped, first render)",
  async run(ctx) {
    const root = ctx?.root ?? fileURLToPath(new URL("../../", import.meta.url));
    const spec = process.env.RASD_BENCH_DB;
    const archive = spec ? { db: spec, cleanup: () => {} } : await demoArchive(root);
    const { url, child, articles } = await startServer(root, archive.db);
    try {
      const total = Number(process.env.RASD_BENCH_WEB_REQUESTS ?? 3000);
      await searchLatency(url, 200); // warm the caches and the JIT
      const search = await searchLatency(url, total);
      const render = await firstRender(url);
      return [
        { archive: spec ? "RASD_BENCH_DB" : "demo (samples/)", articles, clients: CLIENTS },
        search,
        shippedJs(root),
        render,
      ];
    } finally {
      child.kill("SIGTERM");
      archive.cleanup();
    }
  },
};

export default section;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await section.run()) console.log("  " + Object.entries(row).map(([k, v]) => `${k}: ${typeof v === "number" ? +v.toFixed(v < 10 ? 2 : 1) : v}`).join("  "));
}
