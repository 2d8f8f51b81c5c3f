import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RasdRecord } from "../../src/types.js";
import { toGkg, GKG_COLUMNS, gkgHeader } from "../../src/export/toGkg.js";
import { toConll } from "../../src/export/toConll.js";
import { toTimeml } from "../../src/export/toTimeml.js";
import { exportRecords } from "../../src/export/exportRecords.js";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { HAVE_NEWS, newsLines, recordOf, withEntities } from "../store/fixtures.js";

const skip = HAVE_NEWS ? false : "needs ../shared/data/news";

function sample(): RasdRecord[] {
  const out = newsLines()
    .filter((n) => /(^|\s)وترامب/.test(n.text) && /البيت الأبيض/.test(n.text))
    .slice(0, 3)
    .map((n) => withEntities(recordOf(n)));
  assert.equal(out.length, 3);
  return out;
}

test("GKG: one line per article, the documented columns, entities with offsets, no stray tabs", { skip }, () => {
  for (const r of sample()) {
    const line = toGkg(r);
    assert.ok(!line.includes("\n"));
    const cols = line.split("\t");
    assert.equal(cols.length, GKG_COLUMNS.length);
    const at = (name: (typeof GKG_COLUMNS)[number]) => cols[GKG_COLUMNS.indexOf(name)]!;
    assert.equal(at("GKGRECORDID"), r.id);
    assert.match(at("DATE"), /^\d{8}$/);
    assert.equal(at("SourceCommonName"), r.meta?.outlet);
    const trump = r.entities.find((e) => e.kb === "Q22686")!;
    for (const m of trump.mentions) assert.ok(at("V2Persons").split(";").includes(`دونالد ترامب#Donald Trump#Q22686,${m.start}`));
    for (const item of at("AllNames").split(";")) {
      const [name, off] = item.split(",");
      assert.equal(r.text.slice(Number(off), Number(off) + name!.length), name);
    }
    assert.equal(at("V2Tone").split(",").length, 8);
  }
  assert.equal(gkgHeader().split("\t")[0], "GKGRECORDID");
});

test("CoNLL: clitics stay outside entities; B/I tags follow the mentions", { skip }, () => {
  const r = sample()[0]!;
  const out = toConll(r);
  const lines = out.split("\n");
  assert.equal(lines[0], `-DOCSTART- ${r.id}`);
  const rows = lines.filter((l) => l.includes("\t")).map((l) => l.split("\t") as [string, string]);
  const i = rows.findIndex(([t, tag], k) => t === "و" && rows[k + 1]?.[0] === "ترامب" && tag === "O");
  assert.ok(i >= 0, "وترامب is و O + ترامب B-PER");
  assert.equal(rows[i + 1]![1], "B-PER");
  const b = rows.filter(([, t]) => t.startsWith("B-")).length;
  assert.equal(b, r.entities.reduce((a, e) => a + e.mentions.length, 0));
  const ii = rows.findIndex(([t, tag]) => t === "البيت" && tag === "B-ORG");
  if (ii >= 0) assert.deepEqual(rows[ii + 1], ["الأبيض", "I-ORG"]);
});

test("TimeML: the text with TIMEX3 elements around the times, DCT as creation time", () => {
  const text = "قال الرئيس في 5 آذار 2019 إن الانسحاب سيتم خلال أسابيع";
  const rec = {
    schema: "rasd/record@1", id: "x1", source: { kind: "text", encoding: "utf-8" }, language: "ar", text, dct: { value: "2019-03-10", origin: "given" },
    structure: { paragraphs: [], boilerplate: [] }, entities: [], quantities: [], quotes: [], events: [], framing: [],
    tone: { score: 0, positive: 0, negative: 0, polarity: 0, activity: 0, words: 0 },
    times: [
      { start: text.indexOf("5 آذار"), end: text.indexOf(" إن"), text: "5 آذار 2019", type: "DATE", value: "2019-03-05" },
      { start: text.indexOf("أسابيع"), end: text.length, text: "أسابيع", type: "DURATION", value: "PXW" },
    ],
  } as unknown as RasdRecord;
  const xml = toTimeml(rec);
  assert.match(xml, /<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-10"[^>]*functionInDocument="CREATION_TIME">2019-03-10<\/TIMEX3><\/DCT>/);
  assert.ok(xml.includes(`<TIMEX3 tid="t1" type="DATE" value="2019-03-05">5 آذار 2019</TIMEX3>`));
  assert.ok(xml.includes(`<TIMEX3 tid="t2" type="DURATION" value="PXW">أسابيع</TIMEX3>`));
  assert.equal(xml.replace(/<[^>]+>/g, "").includes(text), true, "the text is all there");
});

test("export from the archive with a query: JSON Lines round-trips the records", { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-export-"));
  const store = new SqliteStore(join(dir, "x.db"));
  try {
    const recs = sample();
    const other = withEntities(recordOf(newsLines().find((n) => n.category === "sport")!));
    await store.put([...recs, other]);
    let out = "";
    const n = await exportRecords(store.records("entity:Q22686"), "jsonl", (c) => void (out += c));
    assert.equal(n, recs.length);
    const back = out.trim().split("\n").map((l) => JSON.parse(l) as RasdRecord & { archive?: unknown });
    assert.deepEqual(new Set(back.map((r) => r.id)), new Set(recs.map((r) => r.id)));
    for (const b of back) {
      const { archive, ...plain } = b;
      assert.ok(archive);
      assert.deepEqual(plain, JSON.parse(JSON.stringify(recs.find((r) => r.id === b.id))));
    }
    let all = "";
    assert.equal(await exportRecords(store.records(), "gkg", (c) => void (all += c), { header: true }), recs.length + 1);
    assert.equal(all.trim().split("\n").length, recs.length + 2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
