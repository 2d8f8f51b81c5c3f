#!/usr/bin/env node
// Checks the hand-curated knowledge-base lists in resources/kb/curated/*.json before build-kb reads
// them: each file is {"about": "...", "entities": [...]}, each entity
// {type, ar, en, aliases?, short?, titles?}; Arabic names in Arabic letters, one entity per (type, en)
// within a file (build-kb merges an entity listed in two files, or already in the core, by type and en).
// Usage: node scripts/check-curated.mjs [FILE…] (default: every file there). Exit 1 on a problem.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../resources/kb/curated/", import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));
const TYPES = new Set(["PER", "ORG", "LOC", "MISC"]);
const ARABIC = /^[\u0621-\u064a\u0660-\u0669\u0670-\u06d3 0-9\-'.()]+$/u;
let problems = 0, merged = 0;
const seen = new Map();
const bad = (file, i, msg) => { problems++; console.error(`${file} #${i}: ${msg}`); };
for (const file of files) {
  let doc;
  try { doc = JSON.parse(readFileSync(file, "utf8")); } catch (e) { bad(file, -1, `not JSON: ${e.message}`); continue; }
  if (typeof doc.about !== "string" || !Array.isArray(doc.entities)) { bad(file, -1, 'expected {"about": string, "entities": [...]}'); continue; }
  doc.entities.forEach((e, i) => {
    if (!e || typeof e !== "object") return bad(file, i, "not an object");
    for (const k of Object.keys(e)) if (!["type", "ar", "en", "aliases", "short", "titles"].includes(k)) bad(file, i, `unknown field ${k}`);
    if (!TYPES.has(e.type)) bad(file, i, `type ${e.type}`);
    if (typeof e.en !== "string" || !e.en.trim() || /[\u0600-\u06ff]/.test(e.en)) bad(file, i, `en ${JSON.stringify(e.en)}`);
    const names = [e.ar, ...(e.aliases ?? []), ...(e.short ?? []), ...(e.titles ?? [])];
    for (const n of names) if (typeof n !== "string" || !n.trim() || !ARABIC.test(n) || n !== n.trim() || /  /.test(n)) bad(file, i, `Arabic name ${JSON.stringify(n)}`);
    for (const k of ["aliases", "short", "titles"]) if (e[k] !== undefined && !Array.isArray(e[k])) bad(file, i, `${k} not a list`);
    const key = `${e.type} ${e.en}`;
    const was = seen.get(key);
    if (was?.file === file) bad(file, i, `duplicate of #${was.i} (${key})`);
    else if (was) merged++;
    else seen.set(key, { file, i });
  });
}
console.error(`${files.length} files, ${seen.size} entities (${merged} more listed twice across files, merged), ${problems} problems`);
process.exit(problems ? 1 : 0);
