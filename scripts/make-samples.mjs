#!/usr/bin/env node
// Rebuilds samples/ant/ant-sample.jsonl.gz, the demo archive's articles, from the ANT corpus v2.1 in
// ../shared/data/news (Chouigui, Ben Khiroun & Elayeb, AICCSA 2017; Apache-2.0 as its compilers state).
// The draw is deterministic: every outlet/category cell of the corpus gets an equal share, and within a
// cell the articles are ordered by a hash of their id, so re-running gives the same file byte for byte.
//   node scripts/make-samples.mjs [--total 280] [--from PATH]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const total = Number(opt("total", "280"));
if (!Number.isInteger(total) || total < 1 || total > 300) {
  console.error("make-samples: --total must be an integer from 1 to 300 (the sample stays small)");
  process.exit(2);
}
const from = opt("from", join(root, "..", "shared", "data", "news", "ant-multisource-v2.1.jsonl.gz"));
if (!existsSync(from)) {
  console.error(`make-samples: ${from} is missing (the ANT corpus lives in ../shared/data/news)`);
  process.exit(2);
}

// Short-to-medium articles keep the sample light and the reading view readable.
const MIN_CHARS = 300;
const MAX_CHARS = 2500;
const KEEP = ["id", "outlet", "category", "title", "date", "url", "author", "text"];

const cells = new Map();
const seen = new Set();
for (const line of gunzipSync(readFileSync(from)).toString("utf8").split("\n")) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  if (typeof o.text !== "string" || o.text.length < MIN_CHARS || o.text.length > MAX_CHARS) continue;
  const md5 = o.text_md5 ?? createHash("md5").update(o.text).digest("hex");
  if (seen.has(md5)) continue;
  seen.add(md5);
  const key = `${o.outlet}/${o.category}`;
  if (!cells.has(key)) cells.set(key, []);
  cells.get(key).push(o);
}
const rank = (o) => createHash("sha1").update(String(o.id)).digest("hex");
const keys = [...cells.keys()].sort();
for (const k of keys) cells.get(k).sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));

// Round-robin over the cells so every outlet and category is represented before any gets a second turn.
const picked = [];
for (let round = 0; picked.length < total; round++) {
  let any = false;
  for (const k of keys) {
    const list = cells.get(k);
    if (round < list.length && picked.length < total) {
      picked.push(list[round]);
      any = true;
    }
  }
  if (!any) break;
}
picked.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : String(a.id).localeCompare(String(b.id))));
const out = picked.map((o) => JSON.stringify(Object.fromEntries(KEEP.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])))).join("\n") + "\n";
const dest = join(root, "samples", "ant", "ant-sample.jsonl.gz");
mkdirSync(dirname(dest), { recursive: true });
writeFileSync(dest, gzipSync(Buffer.from(out, "utf8"), { level: 9 }));
const by = (f) => Object.entries(picked.reduce((m, o) => ((m[o[f]] = (m[o[f]] ?? 0) + 1), m), {})).map(([k, v]) => `${k} ${v}`).join(", ");
console.log(`make-samples: ${picked.length} articles → ${dest}`);
console.log(`  outlets: ${by("outlet")}`);
console.log(`  categories: ${by("category")}`);
