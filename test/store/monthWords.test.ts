/**
 * Month words (schema 3): the `mterms` column holds every token of the `terms` column at the same
 * position, joined to the article's month, so a word searched within a month finds exactly the
 * articles of that month whose words hold it. Checked token by token on the bundled sample articles,
 * numbers cut by the tokenizer ("50.1") included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { monthOf, monthWords } from "../../src/store/query/dateTokens.js";
import { recordOf, sampleLines } from "./fixtures.js";

/** The bundled sample articles in a new archive (schema 3), opened read-only with better-sqlite3. */
async function sampleArchive(dir: string): Promise<Database.Database> {
  const file = join(dir, "a.db");
  const store = new SqliteStore(file);
  await store.put(sampleLines().map((n) => recordOf(n)));
  await store.close();
  return new Database(file, { readonly: true });
}

test("every token of the words column is in the month-words column at its position, joined to the month", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-mwords-"));
  try {
    const db = await sampleArchive(dir);
    db.exec("CREATE VIRTUAL TABLE temp.inst USING fts5vocab(main, fts, instance)");
    const month = new Map((db.prepare("SELECT doc, dct FROM articles").all() as Array<{ doc: number; dct: string | null }>).map((r) => [r.doc, monthOf(r.dct)]));
    const at = (col: string) => {
      const m = new Map<string, string>();
      for (const r of db.prepare("SELECT term, doc, offset FROM temp.inst WHERE col = ?").iterate(col) as Iterable<{ term: string; doc: number; offset: number }>) m.set(`${r.doc}:${r.offset}`, r.term);
      return m;
    };
    const words = at("terms");
    const qualified = at("mterms");
    let cut = 0;
    for (const [place, term] of words) {
      const doc = Number(place.split(":")[0]);
      const m = month.get(doc);
      if (m === null) continue; // no date: no month words
      // The token as the words column has it, joined to the month as monthWords joins an article's words.
      assert.equal(qualified.get(place), monthWords(term, `${m!.slice(0, 4)}-${m!.slice(4)}-01`), `doc ${doc}, "${term}"`);
      if (/^\d+$/.test(term)) cut++;
    }
    const dated = [...words.keys()].filter((p) => month.get(Number(p.split(":")[0])) !== null).length;
    assert.equal(qualified.size, dated, "no month word without its word");
    assert.ok(dated > 50_000 && cut > 500, `the sample's tokens (${dated}, ${cut} numbers) were all checked`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a word within a month finds, by month words, exactly the articles that date and word filters find", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-mwords-"));
  try {
    const db = await sampleArchive(dir);
    db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, col)");
    const months = db.prepare("SELECT DISTINCT substr(dct, 1, 4) || substr(dct, 6, 2) AS m FROM articles WHERE dct GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'").pluck().all() as string[];
    const words = (db.prepare("SELECT term FROM temp.v WHERE col = 'terms' ORDER BY term").pluck().all() as string[]).filter((w, i) => /^[\u0621-\u064a0-9a-z]+$/.test(w) && (i % 7 === 0 || /\d/.test(w)));
    const rows = db.prepare("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid").pluck();
    let found = 0;
    for (const w of words.slice(0, 1500)) {
      for (const m of months) {
        const byDate = rows.all(`terms : "${w}" AND dates : m${m}`);
        assert.deepEqual(rows.all(`mterms : "${w}${m}"`), byDate, `${w} in ${m}`);
        found += byDate.length;
      }
    }
    assert.ok(months.length >= 3 && found > 1000, `${months.length} months, ${found} matches`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** "2018-02" → "2018-02-28". */
const lastDayOf = (month: string) => `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate()).padStart(2, "0")}`;

test("words within a date range: the month words or date tokens decide the date alone when they can, and answer as the date filter does", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-mwords-"));
  const store = new SqliteStore(join(dir, "a.db"));
  try {
    const lines = sampleLines();
    await store.put(lines.map((n) => recordOf(n)));
    const months = [...new Set(lines.map((n) => n.date.slice(0, 7)))].sort();
    const words = ["الرئيس", "ترامب", "النفط", "الحكومة"];
    /** What the date filter means: the word's articles whose date string falls in the month. */
    const check = async (label: string) => {
      let seen = 0;
      for (const w of words) {
        const all = await store.search(w, { limit: 1000, facets: false, sort: "date" });
        assert.ok(all.total <= 1000, w);
        // Whole months, a month from its third day (month words and day tokens), and the year up to
        // the month's end (over six months: date tokens alone, no month words).
        const ranges = months.flatMap((m) => [[`${m}-01`, lastDayOf(m), m], [`${m}-03`, lastDayOf(m)], [`${m.slice(0, 4)}-01-01`, lastDayOf(m)]]);
        for (const [from, to, given] of ranges) {
          const want = all.hits.filter((h) => h.dct != null && h.dct >= from! && h.dct <= to!);
          const got = await store.search(`${w} date:${given ?? `${from}..${to}`}`, { limit: 1000, facets: true });
          const q = `${label}: ${w} date:${given ?? `${from}..${to}`}`;
          assert.equal(got.total, want.length, q);
          assert.deepEqual(got.hits.map((h) => h.id).sort(), want.map((h) => h.id).sort(), q);
          const outlets = new Map<string, number>();
          for (const h of want) if (h.outlet) outlets.set(h.outlet, (outlets.get(h.outlet) ?? 0) + 1);
          assert.deepEqual(new Map(got.facets!.outlets.map((o) => [o.value, o.count])), outlets, q);
          assert.equal(got.facets!.dates.reduce((a, d) => a + d.count, 0), want.length, q);
          seen += want.length;
        }
      }
      assert.ok(seen > 30, `${label}: ${seen} matches checked`);
    };
    await check("every date full");
    // An article dated on a month's last day with a time after it, which `a.dct <= '…-28'` leaves
    // out, then one dated only to the month ("dx", always a candidate): the SQL condition decides.
    const base = lines.find((n) => n.text.includes("ترامب") && /^\d{4}-\d{2}-\d{2}/.test(n.date))!;
    const month = base.date.slice(0, 7);
    // Copies of the article under other ids (an id is the text's hash otherwise: the same article).
    const partial = { ...recordOf(base), id: `${base.id}-partial`, dct: { value: month, origin: "given" as const } };
    const timed = { ...recordOf(base), id: `${base.id}-timed`, dct: { value: `${lastDayOf(month)}T09:30`, origin: "given" as const } };
    assert.equal((await store.put([timed])).inserted, 1);
    await check("with an article dated on the last day, with a time");
    assert.equal((await store.put([partial])).inserted, 1);
    await check("and one dated to the month only");
    assert.equal((await store.search(`ترامب date:${month}..${month}`)).total, (await store.search(`ترامب date:${month}`)).total);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
