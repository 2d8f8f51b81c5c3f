import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { timeTokens, TokKind, type TimeToken } from "../../../src/annotate/03-time/timeTokens.js";
import { normalize } from "../../../src/text/normalize.js";
import { timeLexicon } from "../../../src/annotate/03-time/timeLexicon.js";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));

function check(text: string): number {
  const toks: TimeToken[] = [];
  timeTokens(text, 0, text.length, toks, 0);
  for (const t of toks) {
    assert.ok(t.s < t.e && t.e <= text.length);
    if (t.k !== TokKind.Punct) assert.equal(t.n, normalize(text.slice(t.s, t.e)), `token ${JSON.stringify(text.slice(t.s, t.e))}`);
  }
  return toks.length;
}

test("timeTokens: folds exactly as the normaliser (hamza, ta marbuta, digits, diacritics, tatweel, ﻻ)", () => {
  const n = check("أعلنَ الـ24 ساعةً إلى ٣١/١/٢٠١٩ وﻻ شيء في ۱۹ مارس، يوليو‌ز");
  assert.ok(n > 10);
});

test("timeTokens: every word of real articles matches normalize()", { skip: existsSync(SHARED) ? false : "needs ../shared" }, () => {
  const lines = gunzipSync(readFileSync(SHARED + "data/news/ant-jawharafm-v1.1.jsonl.gz")).toString("utf8").split("\n").slice(0, 200);
  let n = 0;
  for (const l of lines) if (l) n += check(JSON.parse(l).text);
  assert.ok(n > 10000);
});

test("time lexicon: every entry is stored in its normalised form", () => {
  const lx = timeLexicon();
  for (const table of [lx.months, lx.hijriMonths, lx.weekdays, lx.relDays, lx.units, lx.partsOfDay]) {
    for (const [first, entries] of table.byFirst) {
      assert.equal(first, normalize(first));
      for (const e of entries) for (const w of e.words) assert.equal(w, normalize(w));
    }
  }
  for (const s of Object.values(lx.sets)) for (const w of s) assert.equal(w, normalize(w));
});
