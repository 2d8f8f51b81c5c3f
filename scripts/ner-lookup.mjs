#!/usr/bin/env node
// How train.conll tags an exact token sequence, for annotators following ANERcorp's conventions:
// `node scripts/ner-lookup.mjs "وزارة الخارجية" "حركة حماس"` prints each with its tag sequences
// and counts (e.g. `حركة حماس {"O B-ORG":5}`).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const TRAIN = join(import.meta.dirname, "../../shared/data/ner/anercorp/train.conll");
const rows = readFileSync(TRAIN, "utf8").split("\n").map((l) => l.split("\t"));
for (const phrase of process.argv.slice(2)) {
  const words = phrase.split(" ");
  const counts = {};
  for (let i = 0; i + words.length <= rows.length; i++) {
    if (words.every((w, k) => rows[i + k][0] === w)) {
      const tags = words.map((_, k) => rows[i + k][1]).join(" ");
      counts[tags] = (counts[tags] ?? 0) + 1;
    }
  }
  console.log(phrase, JSON.stringify(counts));
}
