/**
 * An English form for a person the knowledge base lacks, word by word from the one-word
 * transliterations in resources/kb/translit.tsv (google/transliteration, Apache-2.0). Only when every
 * word is known: a half-transliterated name would mislead.
 */
import { existsSync, readFileSync } from "node:fs";
import { resourcePath } from "../../resources.js";
import { normalize } from "../../text/normalize.js";

let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (table) return table;
  table = new Map();
  const p = resourcePath("kb/translit.tsv");
  if (!existsSync(p)) return table;
  for (const line of readFileSync(p, "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) table.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return table;
}

/** Results by name (the same names recur across articles); cleared when it grows large. */
const done = new Map<string, string | undefined>();

export function transliterateName(arabic: string): string | undefined {
  if (done.has(arabic)) return done.get(arabic);
  const out = transliterate(arabic);
  if (done.size > 50000) done.clear();
  done.set(arabic, out);
  return out;
}

function transliterate(arabic: string): string | undefined {
  const words = arabic.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6) return undefined;
  const t = load();
  const out: string[] = [];
  for (const w of words) {
    const en = t.get(normalize(w));
    if (!en) return undefined;
    out.push(en.split(/([ -])/).map((p) => (p.length > 1 ? p[0]!.toUpperCase() + p.slice(1) : p)).join(""));
  }
  return out.join(" ");
}
