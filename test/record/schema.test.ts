/**
 * The JSON Schema of the record (schema/record.schema.json) against real records: the seed and every
 * golden article, analysed by the whole pipeline, must validate; broken records must not.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../src/analyze.js";
import { validateRecord } from "../../src/record/validateRecord.js";
import { validateSchema } from "../../src/record/validateSchema.js";
import type { RasdRecord } from "../../src/types.js";

const GOLDEN = new URL("../golden/", import.meta.url).pathname;

function goldenRecords(): Array<[string, RasdRecord]> {
  const out: Array<[string, RasdRecord]> = [];
  for (const d of readdirSync(GOLDEN)) {
    const exp = join(GOLDEN, d, "expected.json");
    if (!existsSync(exp)) continue;
    const { source, dct_given } = JSON.parse(readFileSync(exp, "utf8"));
    out.push([d, analyze(new Uint8Array(readFileSync(join(GOLDEN, d, source))), dct_given ? { dct: dct_given } : {})]);
  }
  return out;
}

test("every golden record validates against the shipped schema", () => {
  const recs = goldenRecords();
  assert.ok(recs.length >= 13);
  for (const [name, rec] of recs) assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(rec))), [], name);
});

test("records of a non-Arabic text and of JSON Lines input validate too", () => {
  const en = analyze("The foreign ministry said on Monday that talks would resume next week in Geneva.");
  assert.equal(en.language, "en");
  assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(en))), []);
  const jl = analyze({ text: "أعلنت الحكومة اليوم خطة جديدة.", kind: "jsonl", meta: { title: "خطة حكومية", outlet: "سكاي نيوز عربية" } });
  assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(jl))), []);
});

test("the schema rejects what RECORD.md forbids", () => {
  const rec = JSON.parse(JSON.stringify(goldenRecords().find(([n]) => n === "seed-alwatan")![1]));
  const broken = (mutate: (r: Record<string, any>) => void) => { const r = structuredClone(rec); mutate(r); return validateRecord(r); };
  assert.match(broken((r) => { r.schema = "rasd/record@2"; })[0]!.message, /expected "rasd\/record@1"/);
  assert.equal(broken((r) => { delete r.structure.paragraphs; })[0]!.path, "/structure");
  assert.match(broken((r) => { r.structure.paragraphs[0].start = -1; })[0]!.message, /expected ≥ 0/);
  assert.match(broken((r) => { r.dct = { value: "31/01/2019", origin: "given" }; }).map((e) => e.message).join(), /anyOf/);
  assert.match(broken((r) => { r.dct.origin = "guessed"; })[0]!.message, /expected one of/);
  assert.match(broken((r) => { r.entities = [{ id: "e1", type: "GPE", name: "سورية", mentions: [] }]; })[0]!.message, /"PER", "ORG", "LOC", "MISC"/);
  assert.match(broken((r) => { r.source.kind = "pdf"; })[0]!.path, /\/source\/kind/);
});

test("the validator covers the keywords the schema uses", () => {
  const s = { type: "object", required: ["a"], additionalProperties: false, properties: { a: { type: "array", items: { type: "integer", minimum: 1 }, maxItems: 2 }, b: { type: ["string", "null"], pattern: "^x" } } };
  assert.deepEqual(validateSchema({ a: [1, 2], b: "xy" }, s), []);
  assert.deepEqual(validateSchema({ a: [1], b: null }, s), []);
  assert.deepEqual(validateSchema({ a: [0, 1, 2], c: 1 }, s).map((e) => e.path), ["/a", "/a/0", "/c"]);
  assert.deepEqual(validateSchema({ b: "y" }, s).map((e) => e.message), ["missing required property 'a'", "'y' does not match ^x"]);
});
