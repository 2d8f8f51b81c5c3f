#!/usr/bin/env node
// Rebuilds resources/structure/places.json (`npm run build:places`): the place names a dateline may
// start with ("القاهرة -", "دبي، الإمارات العربية المتحدة (CNN)"), from ../shared/data/gazetteers:
// countries-ar-en.tsv (ODbL 1.0, Arabic common and official names) and world-cities-ar-en.csv
// (CC BY 4.0, Arabic city names of cities with at least 50,000 people; "ولاية X" labels also give
// "X").
// The city list's Arabic names are partly machine-made, so its rows are cleaned as build-kb cleans
// them: the rows of resources/kb/city-errata.tsv whose Arabic name is a person's or a word ("جورج"
// for George, Grenada; "أنثى"; those whose name is another place's stay), rows that name a club,
// university, airport or the like ("نادي بارنسلي"), and one-word names the news uses as common
// words ("كان" for Caen, "ذكر" for Male, "جبل" for Dutse, "باذنجان"), unless the knowledge base's
// hand-written lists hold the name as a place ("مشهد", "قم", whose bare names are common words too).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "../src/text/normalize.js";
import { nameTokens } from "../src/kb/KnowledgeBase.js";
import { countNewsWords, commonUseOf } from "./lib/commonWords.mjs";

const root = new URL("..", import.meta.url).pathname;
const gaz = join(root, "..", "shared", "data", "gazetteers");
const names = new Set();
const countries = readFileSync(join(gaz, "countries-ar-en.tsv"), "utf8").trim().split("\n").slice(1);
for (const row of countries) {
  const c = row.split("\t");
  for (const n of [c[4], c[5]]) if (n && n.trim()) names.add(n.trim());
}

const stop = new Set(readFileSync(join(root, "resources/store/stopwords.txt"), "utf8").split("\n").filter(Boolean).map((w) => normalize(w)));
const commonUse = commonUseOf(await countNewsWords(), stop);
// An errata row whose Arabic name is another place's ("Kobe" given as Copenhagen's) still names a
// place, and a "ولاية X" whose X alone is a first name still is one whole: only the rest are left out.
const errata = new Map(readFileSync(join(root, "resources/kb/city-errata.tsv"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t")).map(([country, city, why = ""]) => [`${country}\t${city}`, why]));
const anotherPlace = (why) => /^Arabic name is (another place|San Jose|[A-Z][^']*'s\b)/.test(why) && !/emperor|Emperor|East China Sea/.test(why);
// Places the knowledge base's hand-written core and lists name, with their short forms.
const curatedPlaces = new Set();
const curatedFiles = ["resources/kb/core.json", ...readdirSync(join(root, "resources/kb/curated")).filter((f) => f.endsWith(".json")).map((f) => `resources/kb/curated/${f}`)];
for (const file of curatedFiles) {
  const list = JSON.parse(readFileSync(join(root, file), "utf8"));
  for (const e of list.entities ?? list) {
    if (e.type !== "LOC") continue;
    for (const a of [e.ar, ...(e.aliases ?? []), ...(e.short ?? [])]) curatedPlaces.add(nameTokens(a).join(" "));
  }
}
const isCommon = (name) => {
  const toks = nameTokens(name);
  return toks.length === 1 && !curatedPlaces.has(toks[0]) && commonUse(toks[0], { article: true, verb: true }) !== "";
};
const notAPlace = /^(نادي|جامعة|الجامعة|مطار|شركة|نهر|مستشفى|مستشفي|ملعب|بنك|فندق|قناة|مؤسسة|مجموعة|مسجد|معتقل|لغة) /u;

const left = { errata: 0, other: 0, common: [] };
const csv = readFileSync(join(gaz, "world-cities-ar-en.csv"), "utf8").trim().split("\n").slice(1);
for (const row of csv) {
  const cells = [...row.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]);
  const [countryAr, countryEn, cityAr, cityEn, pop] = cells;
  if (countryAr) names.add(countryAr.trim());
  if (!cityAr || Number(pop) < 50000) continue;
  const why = errata.get(`${countryEn}\t${cityEn}`);
  if (why !== undefined && !anotherPlace(why) && !why.includes("without its prefix")) { left.errata++; continue; }
  const city = cityAr.trim();
  if (notAPlace.test(city)) { left.other++; continue; }
  const m = /^(?:ولاية|محافظة|مقاطعة|إقليم|منطقة)\s+(.+)$/.exec(city);
  for (const name of m && why === undefined ? [city, m[1]] : [city]) {
    if (isCommon(name)) left.common.push(name);
    else names.add(name);
  }
}
const list = [...names].filter((n) => n.length >= 2 && n.split(/\s+/).length <= 4).sort();
writeFileSync(join(root, "resources/structure/places.json"), JSON.stringify({ about: "Place names a dateline may open with; built by scripts/build-structure-places.mjs from ../shared/data/gazetteers (countries: ODbL 1.0; world-cities: CC BY 4.0). Do not edit by hand.", places: list }, null, 0) + "\n");
console.log(`places.json: ${list.length} names; left out: ${left.errata} errata rows, ${left.other} names of a club, university or the like, ${left.common.length} common words (${left.common.join("، ")})`);
