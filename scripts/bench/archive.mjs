#!/usr/bin/env node
// Bench section "archive": builds an archive of RASD_BENCH_ARCHIVE articles (default 5,000; the
// issue's figure is 200,000) in each engine and measures ingest, size, search latency and memory.
//
// The corpus: RASD_BENCH_DISTINCT distinct news articles (default 100, spread over ../shared/data/news)
// are analysed once with the full pipeline (cached in the temp folder), then their RECORDS are
// replicated with new ids, publication dates spread over 2016-2019 and a small text variation (a
// sentence of another article appended, so every span stays valid). Records are generated on the fly:
// memory must stay flat as the archive grows.
//
// Figures: ingest articles/s on one core (the writer thread: taking records apart into rows, then the
// transaction) by the clock and per CPU-second of that thread (fair on a busy machine; PostgreSQL's
// own processes are not in it), archive size per article, search p50/p95 for a two-word query with a
// one-month date filter (no facets; then with facets) with the main thread's CPU per query, peak RSS
// at 10%, 50% and 100% of the archive, and the load average beside each.
//
// Environment:
//   RASD_BENCH_ARCHIVE=N     articles in the archive (default 5000; 200000 for the figures)
//   RASD_BENCH_DISTINCT=N    distinct analysed articles replicated (default 100)
//   RASD_BENCH_ENGINES=LIST  sqlite,postgres (default both)
//   RASD_BENCH_PG=URL|0      PostgreSQL (default postgres://postgres@127.0.0.1:5432/test; 0 skips it)
//   RASD_BENCH_KEEP=DIR      keep the archives and reuse them: SQLite DIR/rasd-bench-N-D.db, PostgreSQL
//                            schema rasd_bench_N_D, the build's figures in DIR/rasd-bench-N-D.ENGINE.json.
//                            A kept archive whose build finished is not built again: only search is
//                            measured, and the build's figures are printed with `reused`. Delete the
//                            JSON (or the schema) to build again.
// Without RASD_BENCH_KEEP the archives are temporary (a fresh schema, dropped afterwards).
// Standalone: `node scripts/bench/archive.mjs`; `--search FILE|postgres://…?schema=NAME` measures
// search alone on an existing archive (SQLite opened read-only). The served archive's API latency is section 80-web (RASD_BENCH_DB).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = new URL("../..", import.meta.url).pathname;

async function lib() {
  const d = (p) => import(join(ROOT, "dist/src", p));
  return {
    analyze: (await d("analyze.js")).analyze,
    Pipeline: (await d("pipeline.js")).Pipeline,
    parseJsonlLine: (await d("sources/jsonl.js")).parseJsonlLine,
    recordRows: (await d("store/recordRows.js")).recordRows,
    SqliteStore: (await d("store/SqliteStore.js")).SqliteStore,
    PostgresStore: (await d("store/PostgresStore.js")).PostgresStore,
  };
}

function newsInputs(L, want) {
  const dir = join(ROOT, "..", "shared", "data", "news");
  const files = existsSync(dir) ? ["ant-multisource-v2.1.jsonl.gz", "ant-jawharafm-v1.1.jsonl.gz"].map((f) => join(dir, f)).filter(existsSync) : [];
  if (!files.length) files.push(join(ROOT, "samples/ant/ant-sample.jsonl.gz"));
  const lines = [];
  for (const f of files) for (const l of gunzipSync(readFileSync(f)).toString("utf8").split("\n")) if (l.trim()) lines.push(l);
  const stride = Math.max(1, lines.length / want);
  const out = [];
  for (let i = 0; out.length < want && Math.floor(i * stride) < lines.length; i++) {
    const p = L.parseJsonlLine(lines[Math.floor(i * stride)], i + 1);
    if (p.input && (p.input.text ?? "").length < 12000) out.push(p.input);
  }
  return out;
}

/** The distinct records, analysed once (cached in the temp folder by count and annotator list). */
function distinctRecords(L, n) {
  const names = new L.Pipeline().annotators.map((a) => a.name).join(",");
  const key = createHash("sha1").update(`${n}|${names}`).digest("hex").slice(0, 12);
  const cache = join(tmpdir(), `rasd-bench-records-${key}.jsonl.gz`);
  if (existsSync(cache)) return { records: gunzipSync(readFileSync(cache)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)), analysedPerSec: null, cached: true };
  const inputs = newsInputs(L, n);
  const t0 = performance.now();
  const records = inputs.map((i) => L.analyze(i)).filter((r) => r.language === "ar");
  const secs = (performance.now() - t0) / 1000;
  writeFileSync(cache, gzipSync(records.map((r) => JSON.stringify(r)).join("\n")));
  return { records, analysedPerSec: records.length / secs, cached: false };
}

const DAY0 = Date.UTC(2016, 0, 1);
const DAYS = 4 * 365;

/** Replica i: a new id, a publication date in 2016-2019, a sentence of another article appended. */
function replica(base, other, i) {
  const h = createHash("sha1").update(`${base.id}#${i}`).digest();
  const day = h.readUInt32BE(0) % DAYS;
  const dct = new Date(DAY0 + day * 86400000).toISOString().slice(0, 10);
  const s = other.text.indexOf(" ", Math.min(other.text.length - 1, 200 + (i % 300)));
  const tail = other.text.slice(Math.max(0, s - 160), s > 0 ? s : 160).trim();
  return { ...base, id: h.toString("hex").slice(0, 20), text: `${base.text}\n${tail}`, dct: { value: dct, origin: "metadata" }, meta: { ...(base.meta ?? {}), published: `${dct}T08:00:00Z`, url: `${base.meta?.url ?? "rasd:bench"}?r=${i}` } };
}

function* replicas(records, n) {
  for (let i = 0; i < n; i++) yield replica(records[i % records.length], records[(i * 7 + 3) % records.length], i);
}

/** Two-word queries: words of one headline (they co-occur), with a one-month date filter. */
function queries(records, n) {
  const out = [];
  let k = 0;
  while (out.length < n && k < n * 20) {
    const r = records[(k * 13) % records.length];
    k++;
    const words = (r.structure?.headline ?? r.text.slice(0, 200)).split(/[\s\p{P}]+/u).filter((w) => w.length >= 4 && /\p{L}/u.test(w));
    if (words.length < 2) continue;
    const a = words[k % words.length];
    const b = words[(k + 1) % words.length];
    if (a === b) continue;
    const month = new Date(DAY0 + ((k * 37) % DAYS) * 86400000).toISOString().slice(0, 7);
    out.push(`${a} ${b} date:${month}`);
  }
  return out;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const mb = (b) => b / 1048576;

/** CPU seconds of this thread alone (Linux: /proc/thread-self/stat, 10 ms ticks), else of the process. */
function threadCpuSeconds() {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  }
}

/** Ingests n replicas in batches of 500 (the writer's work on this thread: rows, then the transaction). */
async function build(L, engine, store, records, n, sizeOf) {
  const batch = 500;
  let rowsMs = 0, putMs = 0, done = 0;
  const rss = {};
  const marks = [Math.floor(n * 0.1), Math.floor(n * 0.5), n];
  let peak = 0;
  let pending = [];
  const cpu0 = threadCpuSeconds();
  const wall0 = performance.now();
  const load0 = loadavg()[0];
  const flush = async () => {
    const t0 = performance.now();
    const rows = pending.map(L.recordRows);
    const t1 = performance.now();
    await store.putRows(rows);
    const t2 = performance.now();
    rowsMs += t1 - t0;
    putMs += t2 - t1;
    done += pending.length;
    pending = [];
    peak = Math.max(peak, process.memoryUsage().rss);
    for (const m of marks) if (done >= m && !rss[m]) rss[m] = mb(peak);
    if (process.stderr.isTTY) process.stderr.write(`\r${engine}: ${done}/${n}`);
    else if (done % Math.max(batch, Math.floor(n / 20 / batch) * batch) === 0) process.stderr.write(`${engine}: ${done}/${n} ${((rowsMs + putMs) / 1000).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss).toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}\n`);
  };
  for (const r of replicas(records, n)) {
    pending.push(r);
    if (pending.length >= batch) await flush();
  }
  if (pending.length) await flush();
  const cpu = threadCpuSeconds() - cpu0;
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  // As `rasd ingest` ends: the full-text index merged into one b-tree, the log folded in.
  const tidy0 = performance.now();
  if (store.checkpoint) store.checkpoint(n);
  const tidyS = (performance.now() - tidy0) / 1000;
  const size = await sizeOf();
  return {
    engine,
    articles: n,
    "ingest articles/s (1 core)": (n / (rowsMs + putMs)) * 1000,
    "ingest articles per main-thread CPU-s": n / cpu,
    "rows ms/article": rowsMs / n,
    "write ms/article": putMs / n,
    "ingest wall s": (performance.now() - wall0) / 1000,
    ...(store.checkpoint ? { "index merge + checkpoint s": tidyS } : {}),
    "ingest load avg (start, end)": `${load0.toFixed(1)}, ${loadavg()[0].toFixed(1)}`,
    "bytes/article": size / n,
    "archive MB": mb(size),
    [`RSS MB @${marks[0]}`]: rss[marks[0]],
    [`RSS MB @${marks[1]}`]: rss[marks[1]],
    [`RSS MB @${marks[2]}`]: rss[marks[2]],
    built: new Date().toISOString(),
  };
}

/** Search latency (wall and this thread's CPU) over 200 two-word + one-month queries, then 50 with facets. */
async function measureSearch(store, records) {
  const qs = queries(records, 200);
  for (const q of qs.slice(0, 20)) await store.search(q, { limit: 20 });
  const lat = [];
  const cpu = [];
  let hits = 0;
  for (const q of qs) {
    const c0 = threadCpuSeconds();
    const t0 = performance.now();
    const res = await store.search(q, { limit: 20 });
    lat.push(performance.now() - t0);
    cpu.push((threadCpuSeconds() - c0) * 1000);
    hits += res.total;
  }
  const fl = [];
  for (const q of qs.slice(0, 50)) {
    const t0 = performance.now();
    await store.search(q, { limit: 20, facets: true });
    fl.push(performance.now() - t0);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    "search p50 ms": pct(lat, 0.5),
    "search p95 ms": pct(lat, 0.95),
    "search main-thread CPU mean ms": mean(cpu),
    "search+facets p50 ms": pct(fl, 0.5),
    "search+facets p95 ms": pct(fl, 0.95),
    "search load avg": loadavg()[0],
    "mean hits": hits / qs.length,
  };
}

/**
 * An archive kept in RASD_BENCH_KEEP (a folder) is reused when its build finished (the build's
 * figures are kept beside it as JSON); else built there. Without RASD_BENCH_KEEP: a temporary one.
 */
function keptFigures(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export async function archiveBench() {
  const L = await lib();
  const n = Number(process.env.RASD_BENCH_ARCHIVE ?? 5000);
  const distinct = Number(process.env.RASD_BENCH_DISTINCT ?? 100);
  const engines = (process.env.RASD_BENCH_ENGINES ?? "sqlite,postgres").split(",");
  const keep = process.env.RASD_BENCH_KEEP || null;
  const { records, analysedPerSec, cached } = distinctRecords(L, distinct);
  const rows = [];
  rows.push({ engine: "(analysis)", "distinct articles": records.length, "analysed articles/s (1 core)": analysedPerSec ?? "cached", cached: String(cached) });
  if (engines.includes("sqlite")) {
    const dir = keep ?? mkdtempSync(join(tmpdir(), "rasd-bench-archive-"));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `rasd-bench-${n}-${distinct}.db`);
    const figures = join(dir, `rasd-bench-${n}-${distinct}.sqlite.json`);
    let built = keep ? keptFigures(figures) : null;
    if (!built) for (const x of ["", "-wal", "-shm"]) rmSync(path + x, { force: true });
    try {
      if (!built) {
        const sqlite = new L.SqliteStore(path);
        try {
          built = await build(L, "sqlite", sqlite, records, n, async () => ["", "-wal"].reduce((s, x) => s + (existsSync(path + x) ? statSync(path + x).size : 0), 0));
        } finally {
          await sqlite.close();
        }
        if (keep) writeFileSync(figures, JSON.stringify(built, null, 1));
      } else built = { ...built, reused: path };
      const ro = new L.SqliteStore(path, { readonly: true });
      try {
        rows.push({ ...built, ...(await measureSearch(ro, records)) });
      } finally {
        await ro.close();
      }
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgUrl = process.env.RASD_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
  if (pgUrl !== "0" && engines.includes("postgres")) {
    const schema = keep ? `rasd_bench_${n}_${distinct}` : `rasd_bench_${process.pid}`;
    const figures = keep ? join(keep, `rasd-bench-${n}-${distinct}.postgres.json`) : null;
    let built = figures ? keptFigures(figures) : null;
    const pg = new L.PostgresStore(pgUrl, { schema });
    try {
      if (built && (await pg.count()) !== n) built = null;
      if (!built) {
        await pg.dropSchema();
        await pg.close();
      }
    } catch (e) {
      rows.push({ engine: "postgres", skipped: String(e?.message ?? e).slice(0, 120) });
      await pg.close();
      return rows;
    }
    const store = built ? pg : new L.PostgresStore(pgUrl, { schema });
    try {
      await store.count();
      if (!built) {
        built = await build(L, "postgres", store, records, n, async () => {
          const { default: pgmod } = await import("pg");
          const c = new pgmod.Client({ connectionString: pgUrl });
          await c.connect();
          await c.query(`VACUUM ANALYZE`).catch(() => {});
          const r = await c.query("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'", [schema]);
          await c.end();
          return Number(r.rows[0].b);
        });
        if (figures) writeFileSync(figures, JSON.stringify(built, null, 1));
      } else built = { ...built, reused: `schema ${schema}` };
      rows.push({ ...built, ...(await measureSearch(store, records)) });
    } catch (e) {
      rows.push({ engine: "postgres", skipped: String(e?.message ?? e).slice(0, 120) });
    } finally {
      if (!keep) await store.dropSchema().catch(() => {});
      await store.close();
    }
  }
  return rows;
}

export default { name: "archive (ingest, size, search latency, memory)", run: archiveBench };

/** Search latency alone, on an existing archive (SQLite read-only, or PostgreSQL; it may be growing). */
export async function searchBench(path) {
  const L = await lib();
  const distinct = Number(process.env.RASD_BENCH_DISTINCT ?? 100);
  const { records } = distinctRecords(L, distinct);
  const pgSpec = /^postgres(ql)?:\/\//.test(path) ? new URL(path) : null;
  const schema = pgSpec?.searchParams.get("schema");
  pgSpec?.searchParams.delete("schema");
  const store = pgSpec ? new L.PostgresStore(pgSpec.toString(), schema ? { schema } : {}) : new L.SqliteStore(path, { readonly: true });
  try {
    return { engine: pgSpec ? "postgres" : "sqlite (read-only)", articles: await store.count(), ...(await measureSearch(store, records)) };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--search");
  const rows = i > 0 ? [await searchBench(process.argv[i + 1])] : await archiveBench();
  for (const row of rows) console.log(Object.entries(row).map(([k, v]) => `${k}: ${typeof v === "number" ? +v.toFixed(v < 10 ? 2 : 1) : v}`).join("  "));
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
