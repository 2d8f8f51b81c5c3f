#!/usr/bin/env node
// `npm run sweep -- PATH...`: analyses every article under PATH (folders, .txt, .html, .jsonl,
// .jsonl.gz) and reports crashes, invariant violations (checkRecord and the JSON Schema) and the slowest articles, with a
// summary: articles, outlets, how many had a headline, byline, boilerplate… A progress bar on a TTY,
// a one-line summary otherwise. `--json FILE` also writes the summary as JSON; `--limit N` stops early.
// Runs the built library (dist/); build first with `npm run build`.
import { createReadStream, readdirSync, readFileSync, statSync, existsSync, writeFileSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { join, extname, basename } from "node:path";
import { performance } from "node:perf_hooks";

const root = new URL("..", import.meta.url).pathname;
const lib = join(root, "dist/src/index.js");
if (!existsSync(lib)) { console.error("sweep: build first (npm run build)"); process.exit(2); }
const { analyze, checkRecord, Pipeline, loadDocument } = await import(lib);
const { parseJsonlLine } = await import(join(root, "dist/src/sources/jsonl.js"));
const { validateRecord } = await import(join(root, "dist/src/record/validateRecord.js"));

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); if (i < 0) return undefined; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const jsonOut = opt("json");
const limit = Number(opt("limit") ?? Infinity);
const paths = argv.length ? argv : [join(root, "..", "shared", "data", "news")];

function* files(p) {
  const st = statSync(p);
  if (st.isDirectory()) { for (const n of readdirSync(p).sort()) yield* files(join(p, n)); return; }
  if (/\.(txt|html?|jsonl|jsonl\.gz)$/i.test(p)) yield p;
}

async function* articles(path) {
  if (/\.jsonl(\.gz)?$/i.test(path)) {
    const input = path.endsWith(".gz") ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
    let n = 0;
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (!raw.trim()) continue;
      const parsed = parseJsonlLine(raw, n, path);
      yield { where: `${basename(path)}:${n}`, parsed, bytes: Buffer.byteLength(raw) };
    }
  } else {
    const buf = readFileSync(path);
    yield { where: path, bytes: buf.length, input: { bytes: new Uint8Array(buf), uri: path } };
  }
}

const isTTY = process.stderr.isTTY;
const stats = { articles: 0, analysed: 0, notArabic: 0, refused: 0, crashes: [], violations: [], bytes: 0, outlets: new Map(), has: { section: 0, headline: 0, headlineInText: 0, byline: 0, bylineInText: 0, dateline: 0, publisher: 0, boilerplate: 0 }, paragraphs: 0, boilerplateLines: 0, annotatorWarnings: new Map() };
const slowest = [];
const started = performance.now();
let lastDraw = 0;

function draw(force = false) {
  if (!isTTY) return;
  const now = performance.now();
  if (!force && now - lastDraw < 200) return;
  lastDraw = now;
  const s = (now - started) / 1000;
  const rate = stats.articles / Math.max(s, 0.001);
  const width = 30, done = Number.isFinite(limit) ? Math.min(1, stats.articles / limit) : (stats.articles % 1000) / 1000;
  const bar = "█".repeat(Math.round(done * width)).padEnd(width, "░");
  process.stderr.write(`\r${bar} ${stats.articles} articles  ${rate.toFixed(0)}/s  crashes ${stats.crashes.length}  violations ${stats.violations.length}   `);
}

outer: for (const p of paths) {
  if (!existsSync(p)) { console.error(`sweep: ${p} does not exist`); process.exitCode = 2; continue; }
  for (const file of files(p)) {
    for await (const a of articles(file)) {
      if (stats.articles >= limit) break outer;
      stats.articles++;
      stats.bytes += a.bytes;
      let input = a.input;
      if (a.parsed) {
        if (a.parsed.error) { stats.refused++; stats.crashes.length < 1000 && stats.crashes.push({ where: a.where, code: a.parsed.error.code, message: a.parsed.error.message, refused: true }); continue; }
        input = a.parsed.input;
      }
      const t0 = performance.now();
      let rec;
      try {
        rec = analyze(input);
      } catch (e) {
        if (e && e.code && String(e.code).startsWith("RASD_SOURCE")) stats.refused++;
        else stats.crashes.push({ where: a.where, message: String(e?.stack ?? e).split("\n").slice(0, 3).join(" ") });
        continue;
      }
      const ms = performance.now() - t0;
      slowest.push({ where: a.where, ms, chars: rec.text.length });
      if (slowest.length > 50) { slowest.sort((x, y) => y.ms - x.ms); slowest.length = 10; }
      const outlet = rec.meta?.outlet ?? basename(file).replace(/\..*$/, "");
      stats.outlets.set(outlet, (stats.outlets.get(outlet) ?? 0) + 1);
      if (rec.language !== "ar") { stats.notArabic++; continue; }
      stats.analysed++;
      for (const w of rec.warnings ?? []) if (w.code === "RASD_ANNOTATOR") {
        stats.annotatorWarnings.set(w.stage, (stats.annotatorWarnings.get(w.stage) ?? 0) + 1);
        if (stats.crashes.length < 1000) stats.crashes.push({ where: a.where, stage: w.stage, message: w.message.slice(0, 300) });
      }
      const v = checkRecord(rec);
      const schemaErrors = validateRecord(rec);
      if (schemaErrors.length) v.push(...schemaErrors.map((e) => ({ where: `schema ${e.path}`, message: e.message })));
      if (v.length) stats.violations.push({ where: a.where, first: v[0], count: v.length });
      const st = rec.structure;
      if (st.section) stats.has.section++;
      if (st.headline) stats.has.headline++;
      if (st.headlineSpans?.length) stats.has.headlineInText++;
      if (st.byline) stats.has.byline++;
      if (st.bylineSpan) stats.has.bylineInText++;
      if (st.dateline) stats.has.dateline++;
      if (st.publisher) stats.has.publisher++;
      if (st.boilerplate.length) stats.has.boilerplate++;
      stats.paragraphs += st.paragraphs.length;
      stats.boilerplateLines += st.boilerplate.length;
      draw();
    }
  }
}
draw(true);
if (isTTY) process.stderr.write("\n");
slowest.sort((x, y) => y.ms - x.ms);
const secs = (performance.now() - started) / 1000;
const pct = (n) => `${n} (${((100 * n) / Math.max(stats.analysed, 1)).toFixed(1)}%)`;
const crashes = stats.crashes.filter((c) => !c.refused);
const summary = {
  articles: stats.articles,
  analysed: stats.analysed,
  notArabic: stats.notArabic,
  refused: stats.refused,
  outlets: Object.fromEntries([...stats.outlets].sort((a, b) => b[1] - a[1])),
  crashes: crashes.length,
  annotatorFailures: Object.fromEntries(stats.annotatorWarnings),
  invariantViolations: stats.violations.length,
  has: stats.has,
  paragraphsPerArticle: +(stats.paragraphs / Math.max(stats.analysed, 1)).toFixed(2),
  boilerplateLines: stats.boilerplateLines,
  seconds: +secs.toFixed(1),
  articlesPerSecond: +(stats.articles / secs).toFixed(1),
  slowest: slowest.slice(0, 10).map((s) => ({ where: s.where, ms: +s.ms.toFixed(1), chars: s.chars })),
};
const lines = [
  `sweep: ${summary.articles} articles (${summary.analysed} analysed, ${summary.notArabic} not Arabic, ${summary.refused} refused) from ${Object.keys(summary.outlets).length} outlets in ${summary.seconds}s (${summary.articlesPerSecond}/s)`,
  `  outlets: ${Object.entries(summary.outlets).map(([k, v]) => `${k} ${v}`).join(", ")}`,
  `  crashes: ${crashes.length}  annotator failures: ${JSON.stringify(summary.annotatorFailures)}  invariant violations: ${stats.violations.length}`,
  `  structure: headline ${pct(stats.has.headline)} [in text ${stats.has.headlineInText}], byline ${pct(stats.has.byline)} [in text ${stats.has.bylineInText}], dateline ${pct(stats.has.dateline)}, section ${pct(stats.has.section)}, publisher ${pct(stats.has.publisher)}, boilerplate found ${pct(stats.has.boilerplate)} (${stats.boilerplateLines} lines), ${summary.paragraphsPerArticle} paragraphs/article`,
  `  slowest: ${summary.slowest.slice(0, 5).map((s) => `${s.where} ${s.ms}ms (${s.chars} chars)`).join("; ")}`,
];
for (const c of crashes.slice(0, 10)) lines.push(`  crash ${c.where}${c.stage ? ` [${c.stage}]` : ""}: ${c.message}`);
for (const v of stats.violations.slice(0, 10)) lines.push(`  violation ${v.where}: ${v.first.where}: ${v.first.message} (${v.count} in all)`);
console.log(lines.join("\n"));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ ...summary, crashList: crashes.slice(0, 200), violationList: stats.violations.slice(0, 200) }, null, 1));
if (crashes.length || stats.violations.length) process.exitCode = 1;
