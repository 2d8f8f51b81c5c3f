/**
 * Real articles for the store tests: a draw from ../shared/data/news (ANT) and the seed article.
 * The annotators are built elsewhere and may be missing in a checkout, so where a record has no
 * entities, quotes or times the fixture places a few at real offsets of the real text (the names it
 * looks for are in the text: every span still satisfies text.slice(start, end) === span.text).
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { analyze } from "../../src/analyze.js";
import { Pipeline } from "../../src/pipeline.js";
import { loadDocument } from "../../src/sources/index.js";
import type { Entity, EntityType, Quote, RasdRecord, TimeExpr } from "../../src/types.js";
import { stemTokens } from "../../src/text/stem.js";
import { normalize, normalizeWithMap } from "../../src/text/normalize.js";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const NEWS = SHARED + "data/news/ant-multisource-v2.1.jsonl.gz";
export const SEED = SHARED + "seed/article.txt";
export const HAVE_NEWS = existsSync(NEWS);
export const HAVE_SEED = existsSync(SEED) || existsSync(fileURLToPath(new URL("../../samples/seed/article.txt", import.meta.url)));

export interface NewsLine { id: string; outlet: string; category: string; title: string; date: string; url: string; text: string }

let lines: NewsLine[] | undefined;
/** Every article of the multi-source ANT file (parsed once). */
export function newsLines(): NewsLine[] {
  lines ??= gunzipSync(readFileSync(NEWS)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as NewsLine);
  return lines;
}

/** The 280 ANT articles bundled with the demo (samples/ant), there without ../shared. */
export function sampleLines(): NewsLine[] {
  const file = fileURLToPath(new URL("../../samples/ant/ant-sample.jsonl.gz", import.meta.url));
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NewsLine);
}

export function seedText(): string {
  const local = fileURLToPath(new URL("../../samples/seed/article.txt", import.meta.url));
  return readFileSync(existsSync(SEED) ? SEED : local, "utf8");
}

const bare = new Pipeline([]);
/**
 * A news line as a record, read as the ingester reads it (title, outlet, category, date, url). The store
 * must not depend on which annotators exist, and running all of them on dozens of articles makes a
 * slow test: these records come from the pipeline with no annotators, and `withEntities` adds
 * annotations at real offsets. `analyzed` runs the full pipeline (used for the seed article).
 */
export function recordOf(n: NewsLine, textOverride?: string): RasdRecord {
  return bare.run(loadDocument({ text: textOverride ?? n.text, kind: "jsonl", uri: n.url, meta: { title: n.title, outlet: n.outlet, publisher: n.outlet, category: n.category, url: n.url, published: n.date } }));
}

/** The seed article through the full pipeline, as `rasd analyze --dct 2019-01-31` gives it. */
export function analyzedSeed(): RasdRecord {
  return analyze(seedText(), { dct: "2019-01-31" });
}

const NAMES: Array<[string, EntityType, string, string?, string?]> = [
  ["ترامب", "PER", "دونالد ترامب", "Donald Trump", "Q22686"],
  ["بومبيو", "PER", "مايك بومبيو", "Mike Pompeo", "Q473239"],
  ["إيران", "LOC", "إيران", "Iran", "Q794"],
  ["سوريا", "LOC", "سوريا", "Syria", "Q858"],
  ["روسيا", "LOC", "روسيا", "Russia", "Q159"],
  ["البيت الأبيض", "ORG", "البيت الأبيض", "White House", "Q35525"],
];

/** Adds entities for the names above where the annotators found none (mentions exclude clitics). */
export function withEntities(rec: RasdRecord): RasdRecord {
  if (rec.entities.length) return rec;
  const entities: Entity[] = [];
  const toks = stemTokens(rec.text);
  for (const [surface, type, name, en, kb] of NAMES) {
    const stems = stemTokens(surface).map((t) => t.stem);
    const mentions = [];
    for (let i = 0; i + stems.length <= toks.length; i++) {
      if (!stems.every((s, k) => toks[i + k]!.stem === s)) continue;
      const start = toks[i]!.start;
      const end = toks[i + stems.length - 1]!.end;
      const span = rec.text.slice(start, end);
      // The mention starts where the name's first letter sits (clitics stay outside).
      const n = normalizeWithMap(span);
      const k = n.text.indexOf(normalize(surface.split(" ")[0]!));
      if (k < 0) continue;
      const off = n.map[k]!;
      mentions.push({ start: start + off, end, text: rec.text.slice(start + off, end) });
    }
    if (mentions.length) entities.push({ id: `e${entities.length}`, type, name, ...(en ? { en } : {}), ...(kb ? { kb } : {}), mentions });
  }
  const quotes: Quote[] = [];
  const trump = entities.find((e) => e.kb === "Q22686");
  const m = /«([^»\n]{10,300})»/.exec(rec.text);
  if (trump && m) {
    const sp = trump.mentions[0]!;
    quotes.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, text: m[1]!, kind: "direct", speaker: { ...sp, entity: trump.id } });
  }
  const times: TimeExpr[] = [];
  const y = /20\d\d/.exec(rec.text);
  if (y) times.push({ start: y.index, end: y.index + 4, text: y[0], type: "DATE", value: y[0] });
  return { ...rec, entities, quotes: rec.quotes.length ? rec.quotes : quotes, times: rec.times.length ? rec.times : times };
}
