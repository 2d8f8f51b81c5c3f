#!/usr/bin/env node
// `npm run sweep -- PATH... [--workers N] [--limit N] [--json FILE]`: analyses every article under PATH
// (folders, .txt, .html, .jsonl, .jsonl.gz; default ../shared/data/news) and reports crashes, invariant
// violations (checkRecord and the JSON Schema) and the slowest articles, with a summary: articles,
// outlets, how many had a headline, byline, boilerplate… A progress bar on a TTY, a one-line summary
// otherwise. `--workers N` analyses in N worker threads (default 1); `--stages structure,time` runs
// only the named annotators; `--json FILE` also writes the
// summary as JSON. Runs the built library (dist/); build first with `npm run build`.
import { createReadStream, readdirSync, readFileSync, statSync, existsSync, writeFileSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { join, basename } from "node:path";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const root = new URL("..", import.meta.url).pathname;
const lib = join(root, "dist/src/index.js");
if (!existsSync(lib)) { console.error("sweep: build first (npm run build)"); process.exit(2); }

/** Loads the library and returns the function that analyses one work item into a small result. */
async function analyser(stages) {
  const { analyze: analyzeAll, checkRecord, Pipeline, loadDocument } = await import(lib);
  let analyze = analyzeAll;
  if (stages) {
    // Only the named annotators (e.g. --stages structure): a sweep of one layer.
    const { ANNOTATORS } = await import(join(root, "dist/src/annotate/index.js"));
    const pipeline = new Pipeline(ANNOTATORS.filter((a) => stages.includes(a.name)));
    analyze = (input) => pipeline.run(loadDocument(input));
  }
  const { parseJsonlLine } = await import(join(root, "dist/src/sources/jsonl.js"));
  const { validateRecord } = await import(join(root, "dist/src/record/validateRecord.js"));
  return (item) => {
    const res = { where: item.where, bytes: item.bytes };
    let input;
    if (item.raw !== undefined) {
      const parsed = parseJsonlLine(item.raw, item.line, item.file);
      if (parsed.error) return { ...res, refused: { code: parsed.error.code, message: parsed.error.message } };
      input = parsed.input;
    } else input = { bytes: new Uint8Array(readFileSync(item.path)), uri: item.path };
    const t0 = performance.now();
    let rec;
    try {
      rec = analyze(input);
    } catch (e) {
      if (e && String(e.code ?? "").startsWith("RASD_SOURCE")) return { ...res, refused: { code: e.code, message: e.message } };
      return { ...res, crash: String(e?.stack ?? e).split("\n").slice(0, 3).join(" ") };
    }
    res.ms = performance.now() - t0;
    res.chars = rec.text.length;
    res.outlet = rec.meta?.outlet ?? item.outletHint;
    res.language = rec.language;
    res.failures = (rec.warnings ?? []).filter((w) => w.code === "RASD_ANNOTATOR").map((w) => ({ stage: w.stage, message: w.message.slice(0, 300) }));
    if (rec.language !== "ar") return res;
    const v = checkRecord(rec);
    for (const e of validateRecord(rec)) v.push({ where: `schema ${e.path}`, message: e.message });
    if (v.length) res.violation = { first: v[0], count: v.length };
    const st = rec.structure;
    res.has = { section: !!st.section, headline: !!st.headline, headlineInText: !!st.headlineSpans?.length, byline: !!st.byline, bylineInText: !!st.bylineSpan, dateline: !!st.dateline, publisher: !!st.publisher, boilerplate: st.boilerplate.length > 0 };
    res.paragraphs = st.paragraphs.length;
    res.boilerplateLines = st.boilerplate.length;
    return res;
  };
}

if (!isMainThread) {
  const run = await analyser(workerData?.stages);
  parentPort.on("message", (batch) => parentPort.postMessage(batch.map(run)));
} else {
  await main();
}

function* files(p) {
  const st = statSync(p);
  if (st.isDirectory()) { for (const n of readdirSync(p).sort()) yield* files(join(p, n)); return; }
  if (/\.(txt|html?|jsonl|jsonl\.gz)$/i.test(p)) yield p;
}

async function* items(paths) {
  for (const p of paths) {
    if (!existsSync(p)) { console.error(`sweep: ${p} does not exist`); process.exitCode = 2; continue; }
    for (const file of files(p)) {
      const outletHint = basename(file).replace(/\..*$/, "");
      if (/\.jsonl(\.gz)?$/i.test(file)) {
        const input = file.endsWith(".gz") ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
        let n = 0;
        for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
          n++;
          if (raw.trim()) yield { where: `${basename(file)}:${n}`, raw, line: n, file, bytes: Buffer.byteLength(raw), outletHint };
        }
      } else yield { where: file, path: file, bytes: statSync(file).size, outletHint };
    }
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = (name) => { const i = argv.indexOf(`--${name}`); if (i < 0) return undefined; const v = argv[i + 1]; argv.splice(i, 2); return v; };
  const jsonOut = opt("json");
  const limit = Number(opt("limit") ?? Infinity);
  const workers = Math.max(1, Number(opt("workers") ?? 1));
  const stages = opt("stages")?.split(",").map((x) => x.trim()).filter(Boolean);
  const paths = argv.length ? argv : [join(root, "..", "shared", "data", "news")];
  const isTTY = process.stderr.isTTY;
  const stats = { articles: 0, analysed: 0, notArabic: 0, refused: 0, crashes: [], failures: [], violations: [], outlets: new Map(), has: { section: 0, headline: 0, headlineInText: 0, byline: 0, bylineInText: 0, dateline: 0, publisher: 0, boilerplate: 0 }, paragraphs: 0, boilerplateLines: 0, failuresByStage: new Map(), refusedBy: new Map() };
  let slowest = [];
  const started = performance.now();
  let lastDraw = 0;

  const draw = (force = false) => {
    if (!isTTY) return;
    const now = performance.now();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    const rate = stats.articles / Math.max((now - started) / 1000, 0.001);
    const width = 30, done = Number.isFinite(limit) ? Math.min(1, stats.articles / limit) : (stats.articles % 1000) / 1000;
    process.stderr.write(`\r${"█".repeat(Math.round(done * width)).padEnd(width, "░")} ${stats.articles} articles  ${rate.toFixed(0)}/s  crashes ${stats.crashes.length}  violations ${stats.violations.length}   `);
  };

  const take = (r) => {
    stats.articles++;
    if (r.refused) { stats.refused++; stats.refusedBy.set(r.refused.code, (stats.refusedBy.get(r.refused.code) ?? 0) + 1); return; }
    if (r.crash) { stats.crashes.push({ where: r.where, message: r.crash }); return; }
    slowest.push({ where: r.where, ms: r.ms, chars: r.chars });
    if (slowest.length > 100) { slowest.sort((x, y) => y.ms - x.ms); slowest = slowest.slice(0, 10); }
    if (r.outlet) stats.outlets.set(r.outlet, (stats.outlets.get(r.outlet) ?? 0) + 1);
    for (const f of r.failures) {
      stats.failuresByStage.set(f.stage, (stats.failuresByStage.get(f.stage) ?? 0) + 1);
      if (stats.failures.length < 200) stats.failures.push({ where: r.where, ...f });
    }
    if (r.language !== "ar") { stats.notArabic++; return; }
    stats.analysed++;
    if (r.violation) stats.violations.push({ where: r.where, ...r.violation });
    for (const k of Object.keys(stats.has)) if (r.has[k]) stats.has[k]++;
    stats.paragraphs += r.paragraphs;
    stats.boilerplateLines += r.boilerplateLines;
    draw();
  };

  /** Prints the summary (also on SIGINT/SIGTERM, for the articles done so far). */
  function finish(interrupted) {
  draw(true);
  if (isTTY) process.stderr.write("\n");
  slowest.sort((x, y) => y.ms - x.ms);
  const secs = (performance.now() - started) / 1000;
  const pct = (n) => `${n} (${((100 * n) / Math.max(stats.analysed, 1)).toFixed(1)}%)`;
  const summary = {
    articles: stats.articles,
    analysed: stats.analysed,
    notArabic: stats.notArabic,
    refused: stats.refused,
    refusedBy: Object.fromEntries(stats.refusedBy),
    outlets: Object.fromEntries([...stats.outlets].sort((a, b) => b[1] - a[1])),
    crashes: stats.crashes.length,
    annotatorFailures: Object.fromEntries(stats.failuresByStage),
    invariantViolations: stats.violations.length,
    has: stats.has,
    paragraphsPerArticle: +(stats.paragraphs / Math.max(stats.analysed, 1)).toFixed(2),
    boilerplateLines: stats.boilerplateLines,
    workers,
    seconds: +secs.toFixed(1),
    articlesPerSecond: +(stats.articles / secs).toFixed(1),
    slowest: slowest.slice(0, 10).map((s) => ({ where: s.where, ms: +s.ms.toFixed(1), chars: s.chars })),
  };
  const lines = [
    ...(interrupted ? ["sweep: interrupted; the figures cover the articles done so far"] : []),
    `sweep: ${summary.articles} articles (${summary.analysed} analysed, ${summary.notArabic} not Arabic, ${summary.refused} refused ${JSON.stringify(summary.refusedBy)}) from ${Object.keys(summary.outlets).length} outlets in ${summary.seconds}s (${summary.articlesPerSecond}/s, ${workers} worker${workers > 1 ? "s" : ""}${stages ? `, annotators: ${stages.join(",")}` : ", every annotator"})`,
    `  outlets: ${Object.entries(summary.outlets).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    `  crashes: ${stats.crashes.length}  annotator failures: ${JSON.stringify(summary.annotatorFailures)}  invariant violations: ${stats.violations.length}`,
    `  structure: headline ${pct(stats.has.headline)} [in text ${stats.has.headlineInText}], byline ${pct(stats.has.byline)} [in text ${stats.has.bylineInText}], dateline ${pct(stats.has.dateline)}, section ${pct(stats.has.section)}, publisher ${pct(stats.has.publisher)}, boilerplate found ${pct(stats.has.boilerplate)} (${stats.boilerplateLines} lines), ${summary.paragraphsPerArticle} paragraphs/article`,
    `  slowest: ${summary.slowest.slice(0, 5).map((s) => `${s.where} ${s.ms}ms (${s.chars} chars)`).join("; ")}`,
  ];
  for (const c of stats.crashes.slice(0, 10)) lines.push(`  crash ${c.where}: ${c.message}`);
  for (const f of stats.failures.slice(0, 10)) lines.push(`  annotator failure ${f.where} [${f.stage}]: ${f.message}`);
  for (const v of stats.violations.slice(0, 10)) lines.push(`  violation ${v.where}: ${v.first.where}: ${v.first.message} (${v.count} in all)`);
  console.log(lines.join("\n"));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ ...summary, crashList: stats.crashes.slice(0, 200), failureList: stats.failures, violationList: stats.violations.slice(0, 200) }, null, 1));
    if (stats.crashes.length || stats.violations.length || stats.failures.length) process.exitCode = 1;
  }
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, () => { finish(true); process.exit(130); });

  if (workers === 1) {
    const run = await analyser(stages);
    for await (const item of items(paths)) {
      if (stats.articles >= limit) break;
      take(run(item));
    }
  } else {
    // Batches to N workers, a few batches in flight each, results taken as they come back.
    const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { stages } }));
    const BATCH = 20, INFLIGHT = 3;
    let inflight = 0, next = 0, wake = null, sent = 0;
    const waiting = () => new Promise((r) => { wake = r; });
    for (const w of pool) w.on("message", (results) => { results.forEach(take); inflight--; wake?.(); wake = null; });
    for (const w of pool) w.on("error", (e) => { stats.crashes.push({ where: "worker", message: String(e?.stack ?? e) }); inflight--; wake?.(); wake = null; });
    let batch = [];
    const flush = async () => {
      while (inflight >= workers * INFLIGHT) await waiting();
      pool[next++ % workers].postMessage(batch);
      inflight++;
      batch = [];
    };
    for await (const item of items(paths)) {
      if (sent >= limit) break;
      batch.push(item);
      sent++;
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    while (inflight > 0) await waiting();
    await Promise.all(pool.map((w) => w.terminate()));
  }

  finish(false);
}
