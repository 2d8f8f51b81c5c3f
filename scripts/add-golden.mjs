#!/usr/bin/env node
// Adds a golden structure case from a file, readability's way:
//
//   node scripts/add-golden.mjs FILE [--slug NAME] [--dct YYYY-MM-DD]
//
// copies FILE as it arrived (bytes untouched) to test/golden/<slug>/source.<ext> and writes
// expected.json with the structure rasd finds in it now: section, headline parts, byline, dateline,
// publisher, paragraph count, the body's first and last words and the boilerplate lines. Read it and
// correct every fact to what the page really says before committing: the runner
// (test/golden/golden.test.ts) then holds rasd to it. Runs the built library (npm run build).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, basename, extname } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); if (i < 0) return undefined; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const slugArg = opt("slug");
const dct = opt("dct");
const file = argv[0];
if (!file || !existsSync(file)) { console.error("usage: node scripts/add-golden.mjs FILE [--slug NAME] [--dct YYYY-MM-DD]"); process.exit(2); }
if (!existsSync(join(root, "dist/src/index.js"))) { console.error("add-golden: build first (npm run build)"); process.exit(2); }
const { analyze } = await import(join(root, "dist/src/index.js"));

const ext = /\.jsonl(\.gz)?$/i.test(file) ? ".jsonl" : extname(file).toLowerCase() || ".txt";
if (ext === ".jsonl") { console.error("add-golden: one article per case; give a .txt or .html file"); process.exit(2); }
const slug = (slugArg ?? basename(file, extname(file))).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-|-$/g, "") || "case";
const dir = join(root, "test", "golden", slug);
if (existsSync(join(dir, "expected.json"))) { console.error(`add-golden: test/golden/${slug} exists; choose another --slug`); process.exit(2); }

const bytes = readFileSync(file);
const rec = analyze(new Uint8Array(bytes), { ...(dct ? { dct } : {}), uri: file });
if (rec.language !== "ar") { console.error(`add-golden: the text is not Arabic (detected ${rec.language})`); process.exit(3); }
const st = rec.structure;
const words = (s, n, end) => { const w = s.split(/\s+/).filter(Boolean); return (end ? w.slice(-n) : w.slice(0, n)).join(" "); };
const must = {
  ...(st.section ? { section: st.section } : {}),
  ...(st.headlineSpans?.length ? { headline_contains: st.headlineSpans.map((s) => s.text) } : st.headline ? { headline_contains: [st.headline] } : {}),
  ...(st.byline ? { byline: st.byline } : {}),
  ...(st.dateline ? { dateline_contains: st.dateline } : {}),
  ...(st.publisher ? { publisher: st.publisher } : {}),
  body_paragraphs: st.paragraphs.length,
  ...(st.paragraphs.length ? { body_first_words: words(st.paragraphs[0].text, 6), body_last_words: words(st.paragraphs.at(-1).text, 6, true) } : {}),
  ...(st.boilerplate.length ? { boilerplate_contains: st.boilerplate.map((b) => b.text.slice(0, 60)) } : {}),
  ...(rec.dct.origin === "metadata" ? { dct: rec.dct.value } : {}),
  ...(rec.source.encoding !== "utf-8" ? { encoding: rec.source.encoding } : {}),
};
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `source${ext}`), bytes);
const expected = { about: `Added from ${basename(file)} by scripts/add-golden.mjs; facts reviewed by hand.`, source: `source${ext}`, ...(dct ? { dct_given: dct } : {}), structure: { must } };
writeFileSync(join(dir, "expected.json"), JSON.stringify(expected, null, 1) + "\n");
console.log(`test/golden/${slug}/ written. What rasd finds now (review and correct expected.json before committing):`);
console.log(JSON.stringify(must, null, 1));
