/**
 * Property: whatever the string — Arabic with diacritics and tatweel, Latin, digits of three scripts,
 * emoji (surrogate pairs), presentation forms, bidi and control characters, odd line breaks — every
 * span of the record analyze() returns names exactly the characters it claims (checkRecord), and the
 * record validates against the schema. Inputs the sources refuse (empty, binary) must be refused
 * with a coded RasdError, never crash.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyze } from "../../src/analyze.js";
import { checkRecord } from "../../src/record/checkRecord.js";
import { validateRecord } from "../../src/record/validateRecord.js";
import { RasdError } from "../../src/errors.js";

const pieces = [
  "سورية", "وكالات", "| وكالات", "زر الذهاب إلى الأعلى", "صحيفة الوطن", "اقرأ أيضاً:", "دمشق - سانا", "(أ ف ب)", "كتب: أحمد",
  "دبي، الإمارات العربية المتحدة (CNN)— ", "ترامب", "بومبيو", "«التحالف الدولي»", "قال: «لا خطة».", "في 19 كانون الأول الماضي",
  "مُصمَّمة", "ـــ", "ﻻ", "ﷲ", "ﺯﺭ", "٢٠١٩", "۲۰۱۹", "79 دولة", "2014", "Trump", "U.S.", "3.5", "…", "؟", "،", "!",
  "😀", "👍🏽", "🇸🇾", "\u200f", "\u200e", "\u200c", "\u200d", "\u202b", "\u2067", "\u00a0", "\ufeff", "\u0007", "\t", "\n", "\n\n", "\r\n", " ", "-----", "#سوريا", "©",
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pieces) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xfb50, max: 0xfeff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const article = fc.array(piece, { minLength: 1, maxLength: 80 }).map((a) => a.join(""));

function analyseOrRefuse(text: string) {
  try {
    return analyze(text, { dct: "2019-01-31" });
  } catch (e) {
    assert.ok(e instanceof RasdError, `only coded errors may escape: ${(e as Error).stack}`);
    assert.match(e.code, /^RASD_SOURCE_/);
    return undefined;
  }
}

test("every span of every record names its own characters (arbitrary mixed strings)", () => {
  fc.assert(
    fc.property(article, (text) => {
      const rec = analyseOrRefuse(text);
      if (!rec) return;
      assert.deepEqual(checkRecord(rec), []);
      assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(rec))), []);
    }),
    { numRuns: 300 },
  );
});

test("the same holds when the strings are laid out as a page (header, body, chrome)", () => {
  const page = fc.tuple(article, article, fc.array(article, { minLength: 1, maxLength: 6 }), article).map(([section, headline, body, foot]) =>
    `${section}\n\n${headline}\n\n| وكالات\n\n${body.join("\n")}\n\nزر الذهاب إلى الأعلى\n${foot}`);
  fc.assert(
    fc.property(page, (text) => {
      const rec = analyseOrRefuse(text);
      if (!rec) return;
      assert.deepEqual(checkRecord(rec), []);
      // The structure never hands one character to two roles.
      const st = rec.structure;
      const spans = [...st.paragraphs, ...st.boilerplate, ...(st.headlineSpans ?? [])].sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end, "structure spans do not overlap");
    }),
    { numRuns: 200 },
  );
});

test("ids are stable: the same text gives the same id and the same record", () => {
  fc.assert(
    fc.property(article, (text) => {
      const a = analyseOrRefuse(text);
      if (!a) return;
      const b = analyze(text, { dct: "2019-01-31" });
      assert.equal(a.id, b.id);
      assert.deepEqual(a, b);
    }),
    { numRuns: 50 },
  );
});
