#!/usr/bin/env node
// Rebuilds resources/structure/places.json: the place names a dateline may start with ("القاهرة -",
// "دبي، الإمارات العربية المتحدة (CNN)"), from ../shared/data/gazetteers: countries-ar-en.tsv (ODbL 1.0,
// Arabic common and official names) and world-cities-ar-en.csv (CC BY 4.0, Arabic city names of
// cities with at least 50,000 people; "ولاية X" labels also give "X").
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const gaz = join(root, "..", "shared", "data", "gazetteers");
const names = new Set();
const countries = readFileSync(join(gaz, "countries-ar-en.tsv"), "utf8").trim().split("\n").slice(1);
for (const row of countries) {
  const c = row.split("\t");
  for (const n of [c[4], c[5]]) if (n && n.trim()) names.add(n.trim());
}
const csv = readFileSync(join(gaz, "world-cities-ar-en.csv"), "utf8").trim().split("\n").slice(1);
for (const row of csv) {
  const cells = [...row.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]);
  const [countryAr, , cityAr, , pop] = cells;
  if (countryAr) names.add(countryAr.trim());
  if (!cityAr || Number(pop) < 50000) continue;
  const city = cityAr.trim();
  names.add(city);
  const m = /^(?:ولاية|محافظة|مقاطعة|إقليم|منطقة)\s+(.+)$/.exec(city);
  if (m) names.add(m[1]);
}
const list = [...names].filter((n) => n.length >= 2 && n.split(/\s+/).length <= 4).sort();
writeFileSync(join(root, "resources/structure/places.json"), JSON.stringify({ about: "Place names a dateline may open with; built by scripts/build-structure-places.mjs from ../shared/data/gazetteers (countries: ODbL 1.0; world-cities: CC BY 4.0). Do not edit by hand.", places: list }, null, 0) + "\n");
console.log(`places.json: ${list.length} names`);
