// Bench section "web desk": what the analyst's desk costs, measured against a running `rasd serve`.
//  - search API latency p50/p95 with 50 concurrent clients (50 requests in flight; target p95 ≤ 100
//    ms) over varied two-word queries with a one-month date filter (words of the archive's own
//    headlines, as in the archive section) and the desk's default facets, plus a few fixed queries;
//    the server's CPU per request (main thread and whole process, from /proc) beside the load average.
//    The server keeps answers while the archive is unchanged, so it is measured twice: 300 queries
//    asked 10 times each (the share answered from the cache is printed) and queries asked once each
//    (none from the cache: the cost of the search itself);
//  - then from one client at a time (no queueing: the latency a lone user sees), new queries and
//    queries asked before;
//  - JS shipped to the browser, gzipped (target ≤ 250 KB), from web/dist;
//  - time to first render of the desk on localhost in Debian's chromium (playwright-core), from
//    navigation start: first contentful paint, the desk mounted, and the search results painted.
// Environment:
//   RASD_BENCH_DB=FILE|URL       the archive served (a SQLite file or postgres:// URL, e.g. the kept
//                                200,000-article archive of the archive section); else the demo
//                                archive built from samples/ in a temporary folder
//   RASD_BENCH_WEB_REQUESTS=N    search requests measured (default 3000, after 500 new ones to warm up)
//   RASD_BENCH_WEB_WORKERS=N     `rasd serve --workers N` (default: serve's own, one per spare core)
// Run alone: `node scripts/bench/80-web.mjs` (after `npm run build`).
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLIENTS = 50;
const FIXED = [
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
  const workers = process.env.RASD_BENCH_WEB_WORKERS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/rasd.js"), "serve", "--db", db, "--port", "0", ...(workers ? ["--workers", workers] : [])], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (d) => {
      out += d;
      const m = /the desk is at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ url: m[1], child, articles: Number(/serving (\d+) articles/.exec(out)?.[1] ?? NaN), workers: /(\d+) read workers/.exec(out)?.[1] ?? "0" });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`rasd serve exited ${code}: ${out.slice(-500)}`)));
  });
}

/** Two-word queries from the words of a headline (they co-occur), each with the given suffix. */
function headlineQueries(headline, suffix) {
  const words = (headline ?? "").split(/[\s\p{P}]+/u).filter((w) => w.length >= 4 && /\p{L}/u.test(w));
  const out = [];
  for (let i = 0; i + 1 < words.length; i += 2) if (words[i] !== words[i + 1]) out.push(`${words[i]} ${words[i + 1]}${suffix}`);
  return out;
}

/**
 * The repeated set: two-word queries with a one-month filter, from words of the newest articles'
 * headlines and the month of an article that has them; and the fixed queries, one in ten.
 */
async function benchQueries(url) {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent("sort:date")}&limit=100&facets=false`);
  const hits = (await res.json()).hits ?? [];
  const out = [];
  let k = 0;
  for (const h of hits) {
    for (const q of headlineQueries(h.headline, h.dct ? ` date:${h.dct.slice(0, 7)}` : "")) {
      if (out.length >= 300) break;
      out.push(q);
      if (++k % 9 === 0) out.push(FIXED[(k / 9) % FIXED.length]);
    }
  }
  return out.length ? out : FIXED;
}

/**
 * Queries none of which is in `exclude` or asked twice: the same kind (two headline words, one
 * month), from the headlines of each month of the archive in turn, newest month first, so that a
 * large archive gives thousands.
 */
async function distinctQueries(url, exclude, want) {
  const stats = await (await fetch(`${url}/api/stats`)).json();
  const out = [];
  const seen = new Set(exclude);
  const last = stats.lastDate ? new Date(`${stats.lastDate.slice(0, 7)}-01T00:00:00Z`) : null;
  const first = stats.firstDate ? stats.firstDate.slice(0, 7) : null;
  for (let m = last; m && out.length < want; m.setUTCMonth(m.getUTCMonth() - 1)) {
    const ym = m.toISOString().slice(0, 7);
    if (first && ym < first) break;
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent(`sort:date date:${ym}`)}&limit=100&facets=false`);
    for (const h of (await res.json()).hits ?? []) {
      for (const q of headlineQueries(h.headline, ` date:${ym}`)) {
        if (seen.has(q) || out.length >= want) continue;
        seen.add(q);
        out.push(q);
      }
    }
  }
  return out;
}

/** CPU seconds of a process (all threads) and of its main thread, from /proc (null off Linux). */
function cpuOf(pid) {
  try {
    const f = (p) => {
      const st = readFileSync(p, "utf8");
      const x = st.slice(st.lastIndexOf(")") + 2).split(" ");
      return (Number(x[11]) + Number(x[12])) / 100;
    };
    return { all: f(`/proc/${pid}/stat`), main: f(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return null;
  }
}

/**
 * One GET on a kept-alive connection, the body read and dropped. node:http rather than fetch: the
 * load generator shares the server's two cores, and fetch spent twice the CPU per request.
 */
function get(agent, href) {
  return new Promise((resolve, reject) => {
    const req = request(href, { agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode, cache: res.headers["x-rasd-cache"] }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function searchLatency(label, url, total, queries, pid, clients = CLIENTS) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const lat = [];
  let next = 0, errors = 0, hits = 0;
  const cpu0 = cpuOf(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const q = queries[i % queries.length];
      const s = performance.now();
      const res = await get(agent, `${url}/api/search?q=${encodeURIComponent(q)}&limit=20`);
      lat.push(performance.now() - s);
      if (res.status !== 200) errors++;
      if (res.cache === "hit") hits++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  const secs = (performance.now() - t0) / 1000;
  const cpu1 = cpuOf(pid);
  const own = process.cpuUsage(own0);
  lat.sort((a, b) => a - b);
  return {
    case: label,
    clients,
    requests: total,
    errors,
    "answered from the cache %": (100 * hits) / total,
    "req/s": total / secs,
    "p50 ms": pct(lat, 50),
    "p95 ms": pct(lat, 95),
    "max ms": lat[lat.length - 1],
    ...(cpu0 && cpu1 ? { "server CPU ms/request": ((cpu1.all - cpu0.all) * 1000) / total, "server main-thread CPU ms/request": ((cpu1.main - cpu0.main) * 1000) / total } : {}),
    // The load generator runs on the same cores: what it spends is not the server's, but it is
    // taken from the cores the server has.
    "client CPU ms/request": (own.user + own.system) / 1000 / total,
    "load avg": loadavg()[0],
  };
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

/** Marks, from navigation start, when the first search hit enters the DOM and the frame after it. */
const HIT_WATCH = `(() => {
  const seen = () => {
    if (window.__hitAt || !document.querySelector(".hit")) return;
    window.__hitAt = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__hitPainted = performance.now(); }));
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})()`;

async function firstRender(url, query) {
  const chromiumPath = "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) return { note: "no chromium at /usr/bin/chromium: first render not measured" };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic", "--disable-component-update", "--disable-sync"] });
  const runs = [];
  try {
    for (let i = 0; i < 5; i++) {
      // A new context each time: nothing cached, as a first visit.
      const ctx = await browser.newContext();
      await ctx.addInitScript(HIT_WATCH);
      const page = await ctx.newPage();
      await page.goto(`${url}/`);
      await page.waitForSelector("#app[data-ready]");
      const desk = await page.evaluate(() => ({ fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, ready: performance.now() }));
      await page.goto(`${url}/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => window.__hitPainted, null, { timeout: 30000 });
      const hit = await page.evaluate(() => ({ fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, at: window.__hitAt, painted: window.__hitPainted }));
      // The floor on this machine: the same browser painting one line of text with no script.
      await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent('<!doctype html><html lang="ar" dir="rtl"><body><p>رصد</p></body></html>')}`);
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 10000 }).catch(() => {});
      const floor = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
      runs.push({ fcp: desk.fcp, ready: desk.ready, sfcp: hit.fcp, hit: hit.at, painted: hit.painted, floor });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    "desk: first contentful paint ms": med("fcp"),
    "desk mounted ms": med("ready"),
    query,
    "search page: first contentful paint ms": med("sfcp"),
    "results in DOM ms": med("hit"),
    "results painted ms": med("painted"),
    "floor: first contentful paint of a one-line page ms": med("floor"),
    "runs (median of)": runs.length,
    "load avg": loadavg()[0],
  };
}

const section = {
  name: "web desk (search API under 50 clients, JS shipped, first render)",
  async run(ctx) {
    const root = ctx?.root ?? fileURLToPath(new URL("../../", import.meta.url));
    const spec = process.env.RASD_BENCH_DB;
    const archive = spec ? { db: spec, cleanup: () => {} } : await demoArchive(root);
    const { url, child, articles, workers } = await startServer(root, archive.db);
    try {
      const total = Number(process.env.RASD_BENCH_WEB_REQUESTS ?? 3000);
      // The server keeps answers while the archive is unchanged (ResponseCache), so two workloads:
      // the same 300 queries asked 10 times each (analysts repeating each other's searches; 90% of
      // the requests can be answered from the cache), and queries each asked once (none can).
      const queries = await benchQueries(url);
      const distinct = await distinctQueries(url, queries, total + 500);
      // A small archive (the demo's) has fewer headlines: its share of each set shrinks with it.
      // The warm-up (500 new queries, about a second of load) also spans the read workers' start-up
      // pass over the facet fields (1.3 s on the 200,000-article archive, between calls): what is
      // measured is the server as it runs, not as it starts.
      const nCold = Math.min(total, Math.floor(distinct.length * 0.6)), nWarm = Math.min(500, Math.floor(distinct.length * 0.15));
      const cold = distinct.slice(0, nCold);
      const warm = distinct.slice(nCold, nCold + nWarm);
      await searchLatency("warm-up", url, warm.length, warm, child.pid); // the JIT, the page cache; not the 300 queries
      const search = await searchLatency(`${queries.length} queries asked ${(total / queries.length).toFixed(0)} times each`, url, total, queries, child.pid);
      const singleCached = await searchLatency(`${Math.min(300, queries.length)} queries asked before (just now)`, url, Math.min(300, queries.length), queries, child.pid, 1);
      const unique = await searchLatency(`${cold.length} queries each asked once`, url, cold.length, cold, child.pid);
      // One client at a time: the latency of a request that does not queue behind 49 others.
      const lone = distinct.slice(nCold + nWarm, nCold + nWarm + 300);
      const single = await searchLatency(`${lone.length} queries each asked once`, url, lone.length, lone, child.pid, 1);
      const render = await firstRender(url, queries[0]);
      return [
        { archive: spec ? "RASD_BENCH_DB" : "demo (samples/)", articles, clients: CLIENTS, "read workers": workers, queries: `${queries.length} (e.g. ${queries[0]})` },
        search,
        unique,
        single,
        singleCached,
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
