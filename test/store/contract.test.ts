/**
 * The store contract: one suite, run against both engines (SQLite in a temp file; PostgreSQL in a
 * fresh schema, skipped with a message when no server answers). Real articles from ../shared.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RasdRecord } from "../../src/types.js";
import type { Store } from "../../src/store/Store.js";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { PostgresStore } from "../../src/store/PostgresStore.js";
import { normalize } from "../../src/text/normalize.js";
import { stem } from "../../src/text/stem.js";
import { HAVE_NEWS, HAVE_SEED, analyzedSeed, newsLines, recordOf, withEntities, type NewsLine } from "./fixtures.js";
import { freshSchema, PG_HOWTO, reachablePostgres } from "./services.js";

const pgUrl = await reachablePostgres();

function pick(pred: (n: NewsLine) => boolean, k: number, used: Set<string>): NewsLine[] {
  const out: NewsLine[] = [];
  for (const n of newsLines()) {
    if (out.length >= k) break;
    if (used.has(n.id) || !pred(n)) continue;
    used.add(n.id);
    out.push(n);
  }
  return out;
}

interface Fixture {
  records: RasdRecord[];
  original: RasdRecord;
  copy: RasdRecord;
}

let fixture: Fixture | undefined;
function fixtures(): Fixture {
  if (fixture) return fixture;
  const used = new Set<string>();
  const has = (re: RegExp) => (n: NewsLine) => re.test(n.text);
  const chosen = [
    ...pick(has(/(^|\s)وترامب/), 2, used),
    ...pick(has(/(^|\s)لترامب/), 2, used),
    ...pick(has(/(^|\s)بترامب/), 2, used),
    ...pick((n) => /(^|\s)انسحاب(\s|$)/.test(n.text) && !/الانسحاب/.test(n.text), 2, used),
    ...pick(has(/إسرائيل/), 2, used),
    ...pick(has(/البيت الأبيض/), 3, used),
    ...pick((n) => /«[^»\n]{10,300}»/.test(n.text) && /ترامب/.test(n.text), 2, used),
    ...pick((n) => n.outlet === "Sky News Arabia" && n.category === "sport", 3, used),
    ...pick((n) => n.outlet === "BBC Arabic", 3, used),
    ...pick((n) => n.outlet === "France 24 Arabic", 3, used),
    ...pick((n) => n.outlet === "CNN Arabic" && n.date.startsWith("2018-03"), 3, used),
  ];
  const records = chosen.map((n) => withEntities(recordOf(n)));
  // A near-duplicate: agency copy re-run by another outlet, paragraphs reordered, headline rewritten.
  const base = pick((n) => n.text.split("\n").filter((p) => p.trim().length > 80).length >= 5 && n.text.length < 5000, 1, used)[0]!;
  const paras = base.text.split("\n").filter((p) => p.trim());
  const original = withEntities(recordOf(base));
  const reordered = [paras[1]!, paras[0]!, ...paras.slice(2, -1), "تابعوا آخر الأخبار على موقعنا وحساباتنا في مواقع التواصل الاجتماعي"].join("\n");
  const copy = withEntities(recordOf({ ...base, id: base.id + "-copy", outlet: "Copy Outlet", title: "عنوان آخر: " + base.title }, reordered));
  fixture = { records, original, copy };
  return fixture;
}

/** Records whose text has a word with this stem (computed without the store: a plain scan). */
function withStem(records: RasdRecord[], word: string): Set<string> {
  const s = stem(word);
  return new Set(records.filter((r) => normalize(r.text).split(/[^\p{L}\p{N}]+/u).some((w) => w && stem(w) === s)).map((r) => r.id));
}

const MALFORMED = ['"البيت الأبيض', 'ترامب" OR "', "NEAR(ترامب إيران, 3)", "ترامب AND OR NOT", "*", "^ترامب*", "(((", ")", "terms:ترامب", "fts MATCH 'x'", "'; DROP TABLE articles; --", "date:2018-13-45", "date:..", "entity:", 'entity:"', "type:XYZ", "sort:sideways", "-", "--", '""', "«ترامب", "\u0000\u0001", "ترامب ".repeat(2100), "ب".repeat(10240), "\\", "'", "col:val", "speaker:\"\"", "event:x..y"];

function engines(): Array<{ name: string; skip: string | false; open: () => Promise<Store & { dropSchema?: () => Promise<void> }>; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "rasd-contract-"));
  return [
    { name: "sqlite", skip: false, open: async () => new SqliteStore(join(dir, "a.db")), cleanup: () => rmSync(dir, { recursive: true, force: true }) },
    { name: "postgres", skip: pgUrl ? false : PG_HOWTO, open: async () => new PostgresStore(pgUrl!, { schema: freshSchema("contract") }), cleanup: () => {} },
  ];
}

for (const eng of engines()) {
  describe(`store contract: ${eng.name}`, { skip: !HAVE_NEWS ? "needs ../shared/data/news" : eng.skip }, () => {
    let store: Store & { dropSchema?: () => Promise<void> };
    let fx: Fixture;
    const ids = (r: { hits: Array<{ id: string }> }) => new Set(r.hits.map((h) => h.id));
    before(async () => {
      const shared = fixtures();
      fx = { ...shared, records: [...shared.records] };
      store = await eng.open();
    });
    after(async () => {
      if (store?.dropSchema) await store.dropSchema();
      await store?.close();
      eng.cleanup();
    });

    test("put is idempotent by id; get returns the record", async () => {
      const first = await store.put(fx.records);
      assert.equal(first.inserted, fx.records.length);
      const again = await store.put(fx.records.slice(0, 5));
      assert.deepEqual(again, { inserted: 0, skipped: 5 });
      assert.equal((await store.stats()).articles, fx.records.length);
      const r = fx.records[0]!;
      const got = (await store.get(r.id)) as RasdRecord & { archive?: unknown };
      assert.ok(got);
      const { archive, ...plain } = got;
      assert.ok(archive, "a stored record says which story it belongs to");
      assert.deepEqual(plain, JSON.parse(JSON.stringify(r)));
      assert.equal(await store.has(r.id), true);
      assert.equal(await store.has("no-such-id"), false);
      assert.equal(await store.get("no-such-id"), null);
    });

    test("a fully analysed record (the seed) keeps its annotations, queryable", { skip: HAVE_SEED ? false : "needs ../shared/seed" }, async () => {
      const seed = analyzedSeed();
      await store.put([seed]);
      const got = (await store.get(seed.id)) as RasdRecord & { archive?: unknown };
      const { archive: _a, ...plain } = got;
      assert.deepEqual(plain, JSON.parse(JSON.stringify(seed)));
      const r = await store.search("وشيكا الخلافة", { limit: 5 });
      assert.ok(r.hits.some((h) => h.id === seed.id), "diacritics (وشيكاً) and the article (الخلافة) do not matter");
      for (const e of seed.entities.slice(0, 3)) {
        const found = await store.search(`entity:"${e.name}"`, { limit: 50 });
        assert.ok(found.hits.some((h) => h.id === seed.id), e.name);
      }
      // Leave the archive as the other tests expect it: the seed is one more article.
      fx.records.push(seed);
    });

    test("clitics: ترامب finds وترامب, لترامب, بترامب; highlights cover the matched words", async () => {
      const expected = withStem(fx.records, "ترامب");
      assert.ok(expected.size >= 8);
      const r = await store.search("ترامب", { limit: 100 });
      assert.deepEqual(ids(r), expected);
      assert.equal(r.total, expected.size);
      for (const prefix of ["وترامب", "لترامب", "بترامب"]) {
        const withClitic = fx.records.filter((x) => new RegExp(`(^|\\s)${prefix}`).test(x.text));
        assert.ok(withClitic.length > 0);
        for (const x of withClitic) assert.ok(ids(r).has(x.id), `${prefix}: ${x.id}`);
        assert.deepEqual(ids(await store.search(prefix, { limit: 100 })), expected, `the query ${prefix} finds the same`);
      }
      for (const h of r.hits) {
        const rec = fx.records.find((x) => x.id === h.id)!;
        assert.ok(h.snippets.length >= 1);
        for (const s of h.snippets) {
          assert.equal(rec.text.slice(s.start, s.end), s.text);
          for (const [a, b] of s.highlights) assert.equal(stem(rec.text.slice(a, b)), "ترامب");
        }
      }
    });

    test("the article: الانسحاب finds انسحاب; hamza and diacritics never matter", async () => {
      const bare = fx.records.filter((x) => /(^|\s)انسحاب(\s|$)/.test(x.text) && !/الانسحاب/.test(x.text));
      assert.ok(bare.length > 0);
      const r = await store.search("الانسحاب", { limit: 100 });
      for (const x of bare) assert.ok(ids(r).has(x.id));
      const isr = withStem(fx.records, "إسرائيل");
      assert.ok(isr.size > 0);
      for (const q of ["إسرائيل", "اسرائيل", "أسرائيل", "إسْرَائِيلَ", "لإسرائيل"]) assert.deepEqual(ids(await store.search(q, { limit: 100 })), isr, q);
      assert.deepEqual(ids(await store.search("تَرَامْبُ", { limit: 100 })), withStem(fx.records, "ترامب"));
    });

    test("phrases keep word order; words do not", async () => {
      const phrase = await store.search('"البيت الأبيض"', { limit: 100 });
      assert.ok(phrase.total >= 3);
      for (const h of phrase.hits) {
        const rec = fx.records.find((x) => x.id === h.id)!;
        assert.match(normalize(rec.text), /البيت الابيض/);
        assert.ok(h.snippets.some((s) => s.highlights.some(([a, b]) => normalize(rec.text.slice(a, b)).endsWith("البيت الابيض"))));
      }
      const words = await store.search("الأبيض البيت", { limit: 100 });
      for (const id of ids(phrase)) assert.ok(ids(words).has(id));
      const reversed = await store.search('"الأبيض البيت"', { limit: 100 });
      assert.ok(reversed.total < phrase.total);
    });

    test("negation, outlet, section, publication date, sort", async () => {
      const trump = withStem(fx.records, "ترامب");
      const iran = withStem(fx.records, "إيران");
      const r = await store.search("ترامب -إيران", { limit: 100 });
      assert.deepEqual(ids(r), new Set([...trump].filter((x) => !iran.has(x))));
      const sky = await store.search('outlet:"Sky News Arabia" section:sport', { limit: 100 });
      assert.ok(sky.total >= 3);
      for (const h of sky.hits) assert.equal(h.outlet, "Sky News Arabia"), assert.equal(h.section, "sport");
      const march = await store.search("date:2018-03", { limit: 100 });
      const expected = fx.records.filter((x) => x.dct.value && x.dct.value >= "2018-03-01" && x.dct.value <= "2018-03-31").map((x) => x.id);
      assert.ok(expected.length >= 3);
      assert.deepEqual(ids(march), new Set(expected));
      const range = await store.search("date:2018-03-01..2018-03-15 from:2018-03-05", { limit: 100 });
      for (const h of range.hits) assert.ok(h.dct! >= "2018-03-05" && h.dct! <= "2018-03-15");
      const byDate = await store.search("sort:date", { limit: 100 });
      const dates = byDate.hits.map((h) => h.dct ?? "");
      assert.deepEqual(dates, [...dates].sort().reverse());
      const oldest = await store.search("ترامب sort:oldest", { limit: 100 });
      const od = oldest.hits.map((h) => h.dct ?? "");
      assert.deepEqual(od, [...od].sort());
    });

    test("words with a publication-date range: closed, open-ended, across months and years, empty", async () => {
      const trump = withStem(fx.records, "ترامب");
      const dates = fx.records.filter((x) => trump.has(x.id) && x.dct.value).map((x) => x.dct.value!).sort();
      assert.ok(dates.length >= 4);
      const mid = dates[Math.floor(dates.length / 2)]!;
      const cases: Array<[string, (d: string) => boolean]> = [
        [`date:${mid.slice(0, 7)}`, (d) => d.slice(0, 7) === mid.slice(0, 7)],
        [`date:${mid.slice(0, 4)}`, (d) => d.slice(0, 4) === mid.slice(0, 4)],
        [`date:${dates[0]}..${mid}`, (d) => d >= dates[0]! && d <= mid],
        [`from:${mid}`, (d) => d >= mid],
        [`to:${mid}`, (d) => d <= mid],
        [`date:2010..${mid.slice(0, 7)}`, (d) => d <= mid.slice(0, 7) + "-31"],
        ["date:2031", () => false],
        [`from:${mid} to:${dates[0]}`, () => false],
      ];
      for (const [filter, keep] of cases) {
        const want = new Set(fx.records.filter((x) => trump.has(x.id) && x.dct.value && keep(x.dct.value)).map((x) => x.id));
        const r = await store.search(`ترامب ${filter}`, { limit: 100 });
        assert.deepEqual(ids(r), want, filter);
        assert.equal(r.total, want.size, filter);
        const f = await store.search(`ترامب ${filter}`, { limit: 100, facets: true });
        assert.equal(f.total, want.size, `${filter} with facets`);
        assert.equal(f.facets!.dates.reduce((n, d) => n + d.count, 0), want.size, `${filter}: the histogram counts every hit`);
      }
    });

    test("entity, type, speaker and event-date filters use the stored annotations", async () => {
      const withTrump = new Set(fx.records.filter((x) => x.entities.some((e) => e.kb === "Q22686")).map((x) => x.id));
      assert.ok(withTrump.size >= 3);
      for (const q of ["entity:Q22686", "entity:ترامب", 'entity:"دونالد ترامب"', 'entity:"Donald Trump"']) assert.deepEqual(ids(await store.search(q, { limit: 100 })), withTrump, q);
      assert.deepEqual(ids(await store.search("entity:ترامب type:LOC", { limit: 100 })), new Set());
      // With the type he has, the same articles: the type's parameter follows the entity's.
      assert.deepEqual(ids(await store.search("entity:ترامب type:PER", { limit: 100 })), withTrump);
      assert.deepEqual(ids(await store.search("ترامب entity:ترامب type:PER", { limit: 100 })), ids(await store.search("ترامب entity:ترامب", { limit: 100 })));
      const locs = new Set(fx.records.filter((x) => x.entities.some((e) => e.type === "LOC")).map((x) => x.id));
      assert.deepEqual(ids(await store.search("type:LOC", { limit: 100 })), locs);
      // A quote by Trump: its speaker span says ترامب, or it is linked to an entity named so.
      const byTrump = (x: RasdRecord) =>
        x.quotes.some((q) => (q.speaker && withStem([{ ...x, text: q.speaker.text }], "ترامب").size > 0) || /ترامب/.test(x.entities.find((e) => e.id === q.speaker?.entity)?.name ?? ""));
      const quoted = new Set(fx.records.filter(byTrump).map((x) => x.id));
      assert.ok(quoted.size >= 1);
      assert.deepEqual(ids(await store.search("speaker:ترامب", { limit: 100 })), quoted);
      const y2017 = new Set(fx.records.filter((x) => x.times.some((t) => t.value.startsWith("2017"))).map((x) => x.id));
      assert.deepEqual(ids(await store.search("event:2017", { limit: 100 })), y2017);
    });

    test("facets: outlets, sections, top entities, date histogram", async () => {
      const r = await store.search("ترامب", { limit: 5, facets: true });
      assert.ok(r.facets);
      assert.equal(r.facets.outlets.reduce((a, b) => a + b.count, 0), r.total);
      assert.equal(r.facets.sections.reduce((a, b) => a + b.count, 0), r.total);
      const trump = r.facets.entities.find((e) => e.id === "Q22686")!;
      assert.equal(trump.count, fx.records.filter((x) => withStem([x], "ترامب").size && x.entities.some((e) => e.kb === "Q22686")).length);
      assert.ok(r.facets.entities.every((e, i, all) => i === 0 || all[i - 1]!.count >= e.count), "top entities first");
      assert.equal(r.facets.dates.reduce((a, b) => a + b.count, 0), fx.records.filter((x) => withStem([x], "ترامب").size && x.dct.value).length);
    });

    test("malformed queries never error", async () => {
      for (const q of MALFORMED) {
        const r = await store.search(q, { limit: 3, facets: true });
        assert.ok(Number.isInteger(r.total), q.slice(0, 20));
      }
      const cut = await store.search("ب".repeat(10240));
      assert.ok(cut.warnings?.some((w) => /cut/.test(w)));
      const unbalanced = await store.search('"البيت الأبيض');
      assert.ok(unbalanced.warnings?.some((w) => /quotation/.test(w)));
      assert.ok(unbalanced.total >= 3, "an unclosed phrase is still a phrase");
    });

    test("near-duplicates and stories: a re-run copy points at the first", async () => {
      await store.put([fx.original]);
      await store.put([fx.copy]);
      const got = (await store.get(fx.copy.id)) as RasdRecord & { archive?: { duplicateOf?: string; story?: string } };
      assert.equal(got.archive?.duplicateOf, fx.original.id);
      assert.equal(got.archive?.story, fx.original.id);
      const orig = (await store.get(fx.original.id)) as RasdRecord & { archive?: { duplicateOf?: string } };
      assert.equal(orig.archive?.duplicateOf, undefined);
      const r = await store.search(`outlet:"Copy Outlet"`);
      assert.equal(r.hits[0]?.duplicateOf, fx.original.id);
      // Unrelated articles are not duplicates of each other.
      for (const x of fx.records) assert.equal(((await store.get(x.id)) as { archive?: { duplicateOf?: string } }).archive?.duplicateOf, undefined, x.id);
    });

    test("entities: lookup, profile, timeline; stats", async () => {
      const found = await store.lookupEntities("ترا");
      assert.ok(found.some((e) => e.id === "Q22686" && e.name === "دونالد ترامب" && e.en === "Donald Trump"));
      const en = await store.lookupEntities("donald");
      assert.ok(en.some((e) => e.id === "Q22686"));
      const p = await store.entity("Q22686");
      assert.ok(p);
      const all = [...fx.records, fx.original, fx.copy].filter((x) => x.entities.some((e) => e.kb === "Q22686"));
      assert.equal(p.articles, all.length);
      assert.equal(p.mentions, all.reduce((a, x) => a + x.entities.find((e) => e.kb === "Q22686")!.mentions.length, 0));
      assert.ok(p.coMentioned.length > 0);
      assert.ok(p.quotes.length >= 1);
      for (const q of p.quotes) assert.ok((await store.get(q.article))!.text.includes(q.text));
      assert.equal(p.timeline.reduce((a, b) => a + b.count, 0), all.filter((x) => x.dct.value).length);
      assert.deepEqual(await store.entity("no such entity"), null);
      const months = await store.timeline("ترامب", "month");
      assert.ok(months.every((m) => /^\d{4}-\d{2}$/.test(m.date)));
      // Words with a filter: the timeline and the export select what the search finds (the words'
      // and the filters' parameters bound in order; it once counted nothing here).
      for (const q of ['ترامب outlet:"CNN Arabic"', "ترامب date:2018-03", 'الرئيس section:sport -ترامب']) {
        const found = await store.search(q, { limit: 100 });
        const dated = found.hits.filter((h) => h.dct).length;
        assert.equal((await store.timeline(q, "month")).reduce((a, b) => a + b.count, 0), dated, q);
        const exported: string[] = [];
        // records() is both engines' export reader (rasd export --query), outside the Store interface.
        for await (const rec of (store as Store & Pick<SqliteStore, "records">).records(q)) exported.push(rec.id);
        assert.deepEqual(exported.sort(), found.hits.map((h) => h.id).sort(), q);
      }
      assert.ok((await store.search('ترامب outlet:"CNN Arabic"')).total > 0, "the CNN Arabic articles of March 2018 name Trump");
      const s = await store.stats();
      assert.equal(s.articles, fx.records.length + 2);
      assert.ok(s.outlets.length >= 4);
      assert.ok(s.firstDate! <= s.lastDate!);
    });
  });
}
