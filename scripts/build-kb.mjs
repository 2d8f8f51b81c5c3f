#!/usr/bin/env node
// Builds the knowledge base and the tagger's name lists (`npm run build:kb`):
//   1. resources/kb/core.json — the curated core (written by hand), taken whole;
//   2. ../shared/data/gazetteers/countries-ar-en.tsv (ODbL) — countries the core lacks;
//   3. ../shared/data/gazetteers/world-cities-ar-en.csv (CC BY 4.0) — cities of 100,000 people or
//      more that the core lacks ("مدينة"/"ولاية" prefixes removed);
//   → resources/kb/kb.json
//   4. google/transliteration ar2en (Apache-2.0) — one-word Arabic→English transliterations, used to
//      give unknown names an English form → resources/kb/translit.tsv;
//   5. ANERGazet and ANETAC (no stated licence) — typed name lists, stored only as hashes of their
//      matching keys for the tagger's gazetteer features → resources/ner/names.bin.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { resourcePath, sharedPath } from "../src/resources.js";
import { normalize } from "../src/text/normalize.js";
import { exactKey } from "../src/kb/matchKey.js";
import { nameTokens, entityForms } from "../src/kb/KnowledgeBase.js";
import { NameList } from "../src/ner/NameList.js";

const gz = (p) => sharedPath("data/gazetteers/" + p);
const core = JSON.parse(readFileSync(resourcePath("kb/core.json"), "utf8")).entities;
const keyOf = (name) => nameTokens(name).map(exactKey).join(" ");
const slug = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

const entities = [];
const taken = new Map(); // alias key -> entity index
const usedIds = new Set();
function addEntity(e, source) {
  let id = `${source}:${slug(e.en) || "x"}`;
  for (let n = 2; usedIds.has(id); n++) id = `${source}:${slug(e.en)}-${n}`;
  usedIds.add(id);
  const aliases = [...new Set([e.ar, ...(e.aliases ?? [])])];
  const out = { id, type: e.type, ar: e.ar, en: e.en, ...(e.kb ? { kb: e.kb } : {}), aliases, ...(e.short ? { short: e.short } : {}), ...(e.titles ? { titles: e.titles } : {}) };
  entities.push(out);
  for (const a of aliases) if (!taken.has(keyOf(a))) taken.set(keyOf(a), entities.length - 1);
}
for (const e of core) addEntity(e, "core");
const coreEn = new Set(core.map((e) => e.en));

// Countries.
const [head, ...rows] = readFileSync(gz("countries-ar-en.tsv"), "utf8").trim().split("\n");
const col = Object.fromEntries(head.split("\t").map((c, i) => [c, i]));
let nCountries = 0;
for (const r of rows) {
  const f = r.split("\t");
  const en = f[col.name_en_common], arC = f[col.name_ar_common], arO = f[col.name_ar_official];
  if (!arC || coreEn.has(en)) continue;
  const aliases = [arC, arO].filter((a) => a && !taken.has(keyOf(a)));
  if (!aliases.length) continue;
  addEntity({ type: "LOC", ar: arC, en, aliases }, "country");
  nCountries++;
}

// Cities.
function csvRow(line) {
  const out = [];
  let cur = "", q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === "," && !q) { out.push(cur); cur = ""; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}
let nCities = 0;
const cityLines = readFileSync(gz("world-cities-ar-en.csv"), "utf8").trim().split("\n").slice(1);
for (const line of cityLines) {
  const [, countryEn, cityAr0, cityEn, pop] = csvRow(line);
  if (!cityAr0 || !cityEn || Number(pop) < 100000) continue;
  const cityAr = cityAr0.replace(/^(مدينة|ولاية|محافظة|بلدية) /u, "").trim();
  if (/[A-Za-z]/.test(cityAr) || normalize(cityAr).replace(/ /g, "").length < 3) continue;
  if (taken.has(keyOf(cityAr)) || coreEn.has(cityEn)) continue;
  addEntity({ type: "LOC", ar: cityAr, en: cityEn === countryEn ? cityEn : `${cityEn}`, aliases: [cityAr] }, "city");
  nCities++;
}
for (const e of entities) e.forms = entityForms(e);
mkdirSync(resourcePath("kb"), { recursive: true });
writeFileSync(resourcePath("kb/kb.json"), JSON.stringify({ about: "Built by scripts/build-kb.mjs; see resources/SOURCES.md.", entities }, null, 0).replace(/\},\{"id"/g, '},\n{"id"') + "\n");
console.error(`kb.json: ${entities.length} entities (core ${core.length}, countries ${nCountries}, cities ${nCities})`);

// Transliterations: one Arabic word -> English.
const translit = new Map();
for (const line of readFileSync(gz("google-transliteration/ar2en.txt"), "utf8").split("\n")) {
  const [ar, en] = line.split("\t");
  if (!ar || !en || /\s/.test(ar.trim()) || !/^[a-z' -]+$/.test(en.trim())) continue;
  const k = normalize(ar.trim());
  if (!translit.has(k)) translit.set(k, en.trim());
}
writeFileSync(resourcePath("kb/translit.tsv"), [...translit].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([a, e]) => `${a}\t${e}`).join("\n") + "\n");
console.error(`translit.tsv: ${translit.size} words`);

// Name lists for the tagger (hashed).
const names = [];
const types = { Loc: "LOC", Org: "ORG", Pers: "PER" };
for (const [file, type] of Object.entries(types)) {
  for (const line of readFileSync(gz(`anergazet/Aligned${file}Gazetteer.txt`), "utf8").split("\n")) {
    const s = line.trim();
    if (!s || /^[=*]+$/.test(s)) continue;
    names.push([type, nameTokens(s)]);
  }
}
// ANETAC is mined automatically and noisier: its types get their own bits (PER2 LOC2 ORG2).
const anetac = { PERSON: "PER2", LOCATION: "LOC2", ORGANIZATION: "ORG2" };
for (const line of readFileSync(gz("anetac/en-ar-named-entities.txt"), "utf8").split("\n")) {
  const f = line.trim().split(" ");
  if (f.length !== 3 || !anetac[f[0]]) continue;
  names.push([anetac[f[0]], nameTokens(f[2])]);
}
for (const e of entities) for (const a of e.aliases) if (e.type !== "MISC") names.push([e.type, nameTokens(a)]);
const bin = NameList.encode(names);
mkdirSync(resourcePath("ner"), { recursive: true });
writeFileSync(resourcePath("ner/names.bin"), Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength));
console.error(`names.bin: ${bin[0]} names, ${bin[1]} first tokens`);
