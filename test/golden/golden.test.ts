/**
 * Golden articles (readability's way): test/golden/<slug>/ holds the source as it arrived (source.txt,
 * source.html, source.jsonl) and expected.json with the structure facts that must come back. Add a
 * case with `node scripts/add-golden.mjs FILE`. Facts are matched as ../shared/tools/check-record.mjs
 * does: diacritics, tatweel, quotation marks and surrounding punctuation ignored.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../src/analyze.js";
import { checkRecord } from "../../src/record/checkRecord.js";

const GOLDEN = new URL(".", import.meta.url).pathname;

const plain = (s: unknown) =>
  String(s ?? "")
    .normalize("NFC")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/\u00A0/g, " ")
    .replace(/[«»"“”'‘’]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s.,،:؛!?…-]+|[\s.,،:؛!?…-]+$/g, "");
const contains = (hay: unknown, needle: string) => plain(hay).includes(plain(needle));

interface Facts {
  section?: string;
  headline_contains?: string[];
  byline?: string;
  publisher?: string;
  dateline_contains?: string;
  body_paragraphs?: number;
  body_first_words?: string;
  body_last_words?: string;
  boilerplate_contains?: string[];
  not_in_body?: string[];
  dct?: string;
  encoding?: string;
}

const cases = readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(GOLDEN, d.name, "expected.json")));

test("there are golden cases from several outlets and layouts", () => {
  assert.ok(cases.length >= 13, `${cases.length} cases`);
  assert.ok(cases.some((c) => c.name.endsWith("-html-jsonld")) && cases.some((c) => c.name.endsWith("-html")) && cases.some((c) => c.name.endsWith("-cp1256")));
});

for (const c of cases) {
  test(`golden: ${c.name}`, () => {
    const dir = join(GOLDEN, c.name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as { source: string; dct_given?: string; structure: { must: Facts } };
    const bytes = readFileSync(join(dir, expected.source));
    const rec = analyze(new Uint8Array(bytes), { ...(expected.dct_given ? { dct: expected.dct_given } : {}), uri: `${c.name}/${expected.source}` });
    assert.deepEqual(checkRecord(rec), [], "span invariants");
    assert.equal(rec.language, "ar");
    const st = rec.structure;
    const f = expected.structure.must;
    const body = st.paragraphs;
    if (f.section) assert.equal(plain(st.section), plain(f.section), "section");
    for (const h of f.headline_contains ?? []) assert.ok(contains(st.headline, h), `headline '${st.headline}' should contain '${h}'`);
    if (f.byline) assert.ok(plain(st.byline).includes(plain(f.byline)), `byline '${st.byline}' should be '${f.byline}'`);
    if (f.publisher) assert.ok(plain(st.publisher).includes(plain(f.publisher)), `publisher '${st.publisher}' should be '${f.publisher}'`);
    if (f.dateline_contains) assert.ok(contains(st.dateline, f.dateline_contains), `dateline '${st.dateline}' should contain '${f.dateline_contains}'`);
    if (f.body_paragraphs !== undefined) assert.equal(body.length, f.body_paragraphs, `paragraphs: ${body.map((p) => p.text.slice(0, 30)).join(" | ")}`);
    if (f.body_first_words) assert.ok(body.length && plain(body[0]!.text).startsWith(plain(f.body_first_words)), `body starts '${body[0]?.text.slice(0, 40)}'`);
    if (f.body_last_words) assert.ok(body.length && plain(body.at(-1)!.text).endsWith(plain(f.body_last_words)), `body ends '${body.at(-1)?.text.slice(-40)}'`);
    for (const b of f.boilerplate_contains ?? []) {
      assert.ok(st.boilerplate.some((s) => contains(s.text, b)), `boilerplate should hold '${b}'`);
      assert.ok(!body.some((p) => contains(p.text, b)), `'${b}' should not be in the body`);
    }
    for (const b of f.not_in_body ?? []) assert.ok(!body.some((p) => contains(p.text, b)) && !contains(st.headline, b), `'${b}' should not be in the body`);
    if (f.dct) assert.equal(rec.dct.value, f.dct, "publication date from the page's metadata");
    if (f.encoding) assert.equal(rec.source.encoding, f.encoding, "encoding");
  });
}
