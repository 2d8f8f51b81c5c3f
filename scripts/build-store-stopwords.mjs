#!/usr/bin/env node
// Rebuilds resources/store/stopwords.txt: the union of two MIT-licensed Arabic stop-word lists
// (../shared/data/lexicons/stopwords-mohataher.txt and stopwords-iso.txt), one word a line, sorted.
// Used only to pick a story's salient headline words (src/dedup/storyFeatures.ts); search indexes every word.
import { readFileSync, writeFileSync } from "node:fs";
const root = new URL("..", import.meta.url).pathname;
const words = new Set();
for (const f of ["stopwords-mohataher.txt", "stopwords-iso.txt"]) {
  for (const l of readFileSync(`${root}../shared/data/lexicons/${f}`, "utf8").split("\n")) {
    const w = l.trim();
    if (w && !w.startsWith("#")) words.add(w);
  }
}
writeFileSync(`${root}resources/store/stopwords.txt`, [...words].sort().join("\n") + "\n");
console.log(`resources/store/stopwords.txt: ${words.size} words`);
