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
// words ("كان" for Caen, "ذكر" for Male, "جبل" for Dutse, "باذنجان"), unless the knowledge base
// holds the name as a place ("مشهد", "قم", whose bare names are common words too). Run build-kb first.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nameTokens } from "../src/kb/KnowledgeBase.js";
import { countNewsWords, commonUseOf } from "./lib/commonWords.mjs";
import { cityErrata, NOT_A_CITY_WORDS, startsWithWord } from "./lib/cityRows.mjs";

const root = new URL("..", import.meta.url).pathname;
const gaz = join(root, "..", "shared", "data", "gazetteers");
const names = new Set();
const countries = readFileSync(join(gaz, "countries-ar-en.tsv"), "utf8").trim().split("\n").slice(1);
for (const row of countries) {
  const c = row.split("\t");
  for (const n of [c[4], c[5]]) if (n && n.trim()) names.add(n.trim());
}

const commonUse = commonUseOf(await countNewsWords());
// Errata rows marked "place" name another place ("Kobe" given as Copenhagen's), still a place;
// "whole" ones are still this place with their prefix ("ولاية بشار", though "بشار" is a first name).
const errata = cityErrata();
// The dateline list reads cities down to 50,000 people, whose rows also name hospitals, mosques,
// prisons and languages ("مستشفي العجمي التخصصي", "لغة كيكويو").
const notACity = startsWithWord([...NOT_A_CITY_WORDS, "مستشفي", "مؤسسة", "مجموعة", "مسجد", "معتقل", "لغة"]);
// Every form the knowledge base (resources/kb/kb.json, built first by build-kb) gives a place.
const kbPlaces = new Set();
for (const e of JSON.parse(readFileSync(join(root, "resources/kb/kb.json"), "utf8")).entities) {
  if (e.type === "LOC") for (const a of [...e.aliases, ...(e.short ?? [])]) kbPlaces.add(nameTokens(a).join(" "));
}
const isCommon = (name) => {
  const toks = nameTokens(name);
  return toks.length === 1 && !kbPlaces.has(toks[0]) && commonUse(toks[0], { article: true, verb: true }) !== "";
};

const left = { errata: 0, other: 0, common: [] };
const csv = readFileSync(join(gaz, "world-cities-ar-en.csv"), "utf8").trim().split("\n").slice(1);
for (const row of csv) {
  const cells = [...row.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]);
  const [countryAr, countryEn, cityAr, cityEn, pop] = cells;
  if (countryAr) names.add(countryAr.trim());
  if (!cityAr || Number(pop) < 50000) continue;
  const keep = errata.get(`${countryEn}\t${cityEn}`);
  if (keep !== undefined && keep !== "place" && keep !== "whole") { left.errata++; continue; }
  const city = cityAr.trim();
  if (notACity.test(city)) { left.other++; continue; }
  const m = /^(?:ولاية|محافظة|مقاطعة|إقليم|منطقة)\s+(.+)$/.exec(city);
  for (const name of m && keep === undefined ? [city, m[1]] : [city]) {
    if (isCommon(name)) left.common.push(name);
    else names.add(name);
  }
}
const list = [...names].filter((n) => n.length >= 2 && n.split(/\s+/).length <= 4).sort();
writeFileSync(join(root, "resources/structure/places.json"), JSON.stringify({ about: "Place names a dateline may open with; built by scripts/build-structure-places.mjs from ../shared/data/gazetteers (countries: ODbL 1.0; world-cities: CC BY 4.0). Do not edit by hand.", places: list }, null, 0) + "\n");
console.log(`places.json: ${list.length} names; left out: ${left.errata} errata rows, ${left.other} names of a club, university or the like, ${left.common.length} common words (${left.common.join("، ")})`);
