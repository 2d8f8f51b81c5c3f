// What the scripts that read ../shared/data/gazetteers/world-cities-ar-en.csv (build-kb.mjs,
// build-structure-places.mjs) leave out of it: rows whose Arabic name is wrong, and rows that name
// a club or an institution instead of the city.
import { readFileSync } from "node:fs";
import { resourcePath } from "../../src/resources.js";

/**
 * resources/kb/city-errata.tsv as a map from "country_en TAB city_en" to its keep column: "place"
 * (the Arabic name still names another place), "whole" (the name with its prefix is still this
 * place's) or "" (no place at all).
 */
export function cityErrata() {
  return new Map(
    readFileSync(resourcePath("kb/city-errata.tsv"), "utf8").split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split("\t"))
      .map(([country, city, , keep = ""]) => [`${country}\t${city}`, keep]),
  );
}

/**
 * The first words of Arabic names that name the city's club, university, airport, river and the
 * like instead of the city ("نادي بارنسلي" for Barnsley, "جامعة بار إيلان" for Biu).
 */
export const NOT_A_CITY_WORDS = ["نادي", "جامعة", "الجامعة", "مطار", "شركة", "نهر", "مستشفى", "ملعب", "بنك", "فندق", "قناة"];

/** A test for names that start with one of `words` and a space. */
export function startsWithWord(words) {
  return new RegExp(`^(${words.join("|")}) `, "u");
}
