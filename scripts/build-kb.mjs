#!/usr/bin/env node
// Builds the knowledge base and the tagger's name lists (`npm run build:kb`):
//   1. resources/kb/core.json — the curated core (written by hand), taken whole;
//   2. ../shared/data/gazetteers/countries-ar-en.tsv (ODbL) — countries the core lacks;
//   3. ../shared/data/gazetteers/world-cities-ar-en.csv (CC BY 4.0) — cities of 100,000 people or
//      more that the core lacks ("مدينة"/"ولاية" prefixes removed), less the rows of
//      resources/kb/city-errata.tsv (Arabic names that belong to another place or mostly to a
//      person), the rows that name a club, university or airport, and the one-word names the news
//      uses as common words (`commonWord`);
//   4. resources/kb/curated/*.json (written by hand, checked by scripts/check-curated.mjs) — more
//      places, organisations, people and named events; an entry whose type and English name (or
//      type and Arabic name) an entity above already has only adds its spellings to that entity;
//   → resources/kb/kb.json
//   5. google/transliteration ar2en (Apache-2.0) — one-word Arabic→English transliterations, used to
//      give unknown names an English form → resources/kb/translit.tsv;
//   6. ANERGazet and ANETAC (no stated licence) — typed name lists, stored only as hashes of their
//      matching keys for the tagger's gazetteer features → resources/ner/names.bin; single words
//      that the news uses as common words are left out (see `keep`);
//   7. ANETAC's names against the news's nouns and adjectives — the letter n-gram table of the
//      tagger's name-shape feature → resources/ner/nameshape.tsv.
// Steps 3, 6 and 7 read the ANT news corpora in ../shared/data/news (about 10 s).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { countNewsWords, wordUse, commonUseOf } from "./lib/commonWords.mjs";
import { cityErrata, NOT_A_CITY_WORDS, startsWithWord } from "./lib/cityRows.mjs";
import { resourcePath, sharedPath } from "../src/resources.js";
import { normalize } from "../src/text/normalize.js";
import { exactKey } from "../src/kb/matchKey.js";
import { fullNames, nameTokens, KnowledgeBase } from "../src/kb/KnowledgeBase.js";
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
  const aliases = fullNames(e);
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
// The news's word counts: a city's one-word Arabic name that the news uses as a common word is left
// out (`commonWord`), and the name lists below are cleaned the same way.
const newsCounts = await countNewsWords();
const use = wordUse(newsCounts);
// Why a one-word name is a common word of the news (`commonUse`, scripts/lib/commonWords.mjs).
const commonUse = commonUseOf(newsCounts);
// The city list's Arabic names are partly machine-made: Kisi is "انسان" (human), Male "ذكر"
// (mentioned), Caen "كان" (was), Split "انقسام", Lille "ليل" (night). Matched as places, they made
// the tagger's knowledge-base feature lie thousands of times.
const commonWord = (name) => {
  const toks = nameTokens(name);
  return toks.length === 1 && commonUse(toks[0], { article: true, verb: true }) !== "";
};
let nCommon = 0, nOther = 0;
// Rows whose Arabic name is another place's (or no place's): see resources/kb/city-errata.tsv.
const errata = cityErrata();
const notACity = startsWithWord(NOT_A_CITY_WORDS);
const cityLines = readFileSync(gz("world-cities-ar-en.csv"), "utf8").trim().split("\n").slice(1);
for (const line of cityLines) {
  const [, countryEn, cityAr0, cityEn, pop] = csvRow(line);
  if (!cityAr0 || !cityEn || Number(pop) < 100000 || errata.has(`${countryEn}\t${cityEn}`)) continue;
  // Some rows name the city's club, university, airport or river instead ("نادي بارنسلي" for
  // Barnsley, "جامعة بار إيلان" for Biu): not the city's name.
  if (notACity.test(cityAr0.trim())) { nOther++; continue; }
  const cityAr = cityAr0.replace(/^(مدينة|ولاية|محافظة|بلدية) /u, "").trim();
  if (/[A-Za-z]/.test(cityAr) || normalize(cityAr).replace(/ /g, "").length < 3) continue;
  if (taken.has(keyOf(cityAr)) || coreEn.has(cityEn)) continue;
  if (commonWord(cityAr)) { nCommon++; continue; }
  addEntity({ type: "LOC", ar: cityAr, en: cityEn === countryEn ? cityEn : `${cityEn}`, aliases: [cityAr] }, "city");
  nCities++;
}

// Curated lists, after the gazetteers so that a country's or city's spelling variants join it.
const byTypeEn = new Map(entities.map((e, i) => [`${e.type} ${e.en}`, i]));
const join = (a = [], b = []) => [...new Set([...a, ...b])];
// A form that names the entity anywhere is not also a short form of it.
const shortOnly = (short, full) => {
  const keys = new Set(full.map(keyOf));
  return short.filter((a) => !keys.has(keyOf(a)));
};
let nCurated = 0, nMerged = 0;
const curatedDir = resourcePath("kb/curated");
for (const file of readdirSync(curatedDir).filter((f) => f.endsWith(".json")).sort()) {
  for (const e of JSON.parse(readFileSync(`${curatedDir}/${file}`, "utf8")).entities) {
    const sameName = taken.get(keyOf(e.ar));
    const at = byTypeEn.get(`${e.type} ${e.en}`) ?? (sameName !== undefined && entities[sameName].type === e.type ? sameName : undefined);
    if (at === undefined) {
      addEntity({ ...e, ...(e.short ? { short: shortOnly(e.short, [e.ar, ...(e.aliases ?? [])]) } : {}) }, "list");
      byTypeEn.set(`${e.type} ${e.en}`, entities.length - 1);
      nCurated++;
      continue;
    }
    // The same entity: its names join the existing ones (whose English name and id stay).
    const old = entities[at];
    old.aliases = join(old.aliases, [e.ar, ...(e.aliases ?? [])]);
    const short = shortOnly(join(old.short, e.short), old.aliases), titles = join(old.titles, e.titles);
    if (short.length) old.short = short;
    if (titles.length) old.titles = titles;
    for (const a of old.aliases) if (!taken.has(keyOf(a))) taken.set(keyOf(a), at);
    nMerged++;
  }
}
mkdirSync(resourcePath("kb"), { recursive: true });
writeFileSync(resourcePath("kb/kb.json"), JSON.stringify({ about: "Built by scripts/build-kb.mjs; see resources/SOURCES.md.", entities }, null, 0).replace(/\},\{"id"/g, '},\n{"id"') + "\n");
// The match index beside the records (KnowledgeBase.encodeIndex): loading it is all the tagger needs.
writeFileSync(resourcePath("kb/kb-index.tsv"), new KnowledgeBase(entities).encodeIndex());
console.error(`kb.json: ${entities.length} entities (core ${core.length}, countries ${nCountries}, cities ${nCities} (${nCommon} more left out as common words, ${nOther} as names of a club, university or the like), curated lists ${nCurated}; ${nMerged} list entries merged into entities above)`);

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
const dropped = {};
// A single listed word that is a common word is left out, so that a list match means a name:
// ANERGazet lists "من" and "الذي" as persons, and before this they matched 8,309 tokens that
// ANERcorp tags O against 909 of persons. Common (`commonUse`): a stop word (lists match without the
// article, so "الأمس" is tested as "أمس"), a word with possessives, or, for a person's name without
// the article, one the news often uses with it ("الحرب", "الكبير").
const keep = (type, toks) => {
  if (toks.length !== 1) return true;
  const why = commonUse(toks[0], { article: type === "PER" || type === "PER2", verb: false }); // nameTokens gives normalised tokens
  if (why) dropped[`${type} ${why}`] = (dropped[`${type} ${why}`] ?? 0) + 1;
  return !why;
};
const types = { Loc: "LOC", Org: "ORG", Pers: "PER" };
for (const [file, type] of Object.entries(types)) {
  for (const line of readFileSync(gz(`anergazet/Aligned${file}Gazetteer.txt`), "utf8").split("\n")) {
    const s = line.trim();
    if (!s || /^[=*]+$/.test(s)) continue;
    const toks = nameTokens(s);
    if (keep(type, toks)) names.push([type, toks]);
  }
}
// ANETAC is mined automatically and noisier: its types get their own bits (PER2 LOC2 ORG2).
const anetac = { PERSON: "PER2", LOCATION: "LOC2", ORGANIZATION: "ORG2" };
const shapeNames = new Set(); // ANETAC's one-word names, for the name-shape table below
for (const line of readFileSync(gz("anetac/en-ar-named-entities.txt"), "utf8").split("\n")) {
  const f = line.trim().split(" ");
  if (f.length !== 3 || !anetac[f[0]]) continue;
  if (/^[\u0621-\u064a]{2,}$/.test(f[2])) shapeNames.add(normalize(f[2]));
  const toks = nameTokens(f[2]);
  if (keep(anetac[f[0]], toks)) names.push([anetac[f[0]], toks]);
}
for (const e of entities) for (const a of e.aliases) if (e.type !== "MISC") names.push([e.type, nameTokens(a)]);
const bin = NameList.encode(names);
mkdirSync(resourcePath("ner"), { recursive: true });
writeFileSync(resourcePath("ner/names.bin"), Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength));
console.error(`names.bin: ${bin[0]} names, ${bin[1]} first tokens; single words left out as common words: ${JSON.stringify(dropped)}`);

// The tagger's name-shape table (NameShape): log-odds of letter 2-4-grams in ANETAC's one-word names
// (transliterations) against news words seen 5 times or more that are used as Arabic nouns and
// adjectives (with the article or a possessive suffix in 30% of their uses or more).
const shapeWords = new Set();
for (const [w, n] of newsCounts) {
  if (n < 5 || w.length < 2 || shapeNames.has(w)) continue;
  const u = use(w, false);
  if (u.total && (u.def + u.poss) / u.total >= 0.3) shapeWords.add(u.base);
}
const grams = (w) => {
  const s = "^" + w + "$", out = [];
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
};
const inNames = new Map(), inWords = new Map();
let nNames = 0, nWords = 0;
for (const w of shapeNames) for (const g of grams(w)) { inNames.set(g, (inNames.get(g) ?? 0) + 1); nNames++; }
for (const w of shapeWords) for (const g of grams(w)) { inWords.set(g, (inWords.get(g) ?? 0) + 1); nWords++; }
const allGrams = [...new Set([...inNames.keys(), ...inWords.keys()])].sort();
const logOdds = (a, b) => Math.log((a + 0.5) / (nNames + 0.5 * allGrams.length)) - Math.log((b + 0.5) / (nWords + 0.5 * allGrams.length));
const shapeLines = [`<unk>\t${logOdds(0, 0).toFixed(2)}`];
for (const g of allGrams) {
  const a = inNames.get(g) ?? 0, b = inWords.get(g) ?? 0;
  if (a + b >= 2) shapeLines.push(`${g}\t${logOdds(a, b).toFixed(2)}`);
}
writeFileSync(resourcePath("ner/nameshape.tsv"), shapeLines.join("\n") + "\n");
console.error(`nameshape.tsv: ${shapeLines.length - 1} letter n-grams from ${shapeNames.size} names and ${shapeWords.size} words`);
