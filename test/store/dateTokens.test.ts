/**
 * Publication-date tokens: the cover of a range is exactly its days (no day outside, none missing),
 * so the full-text date condition narrows candidates without changing results.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dateCover, dateMatchTokens, datesCondition, dateTokens, monthRange, monthWords, UNDATED_MONTH } from "../../src/store/query/dateTokens.js";

/** The condition the store adds for a range: its tokens' condition, or none. */
const dateMatch = (range: { from?: string; to?: string } | undefined, span: { lo: string | null; hi: string | null }): string | null => {
  const tokens = dateMatchTokens(range, span);
  return tokens ? datesCondition(tokens) : null;
};
const DAY = 86400000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The days a token covers, as YYYY-MM-DD. */
function daysOf(token: string): string[] {
  const y = Number(token.slice(1, 5));
  if (token[0] === "y") return range(Date.UTC(y, 0, 1), Date.UTC(y, 11, 31));
  const m = Number(token.slice(5, 7));
  if (token[0] === "m") return range(Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0));
  return [`${token.slice(1, 5)}-${token.slice(5, 7)}-${token.slice(7, 9)}`];
}
function range(a: number, b: number): string[] {
  const out: string[] = [];
  for (let t = a; t <= b; t += DAY) out.push(iso(t));
  return out;
}

test("an article's date is indexed at three grains; other dates as dx", () => {
  assert.equal(dateTokens("2018-03-05"), "y2018 m201803 d20180305");
  assert.equal(dateTokens(null), "");
  assert.equal(dateTokens("2018-03"), "dx");
  // Every token of an article's date is in the cover of a range that holds the date.
  for (const t of dateTokens("2016-02-29").split(" ")) assert.ok(daysOf(t).includes("2016-02-29"));
});

test("the cover of a range is exactly its days, with whole years and months where they fit", () => {
  assert.deepEqual(dateCover("2018-01-01", "2018-12-31"), ["y2018"]);
  assert.deepEqual(dateCover("2018-03-01", "2018-03-31"), ["m201803"]);
  assert.deepEqual(dateCover("2018-02-27", "2018-03-02"), ["d20180227", "d20180228", "d20180301", "d20180302"]);
  assert.deepEqual(dateCover("2017-12-31", "2019-01-01"), ["d20171231", "y2018", "d20190101"]);
  // A deterministic sweep of ranges (leap years, month ends, multi-year spans).
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const t0 = Date.UTC(2014, 0, 1);
  for (let k = 0; k < 300; k++) {
    const a = t0 + Math.floor(rnd() * 2500) * DAY;
    const b = a + Math.floor(rnd() * (k % 3 === 0 ? 1500 : 70)) * DAY;
    const cover = dateCover(iso(a), iso(b));
    assert.ok(cover, `${iso(a)}..${iso(b)}`);
    const days = cover.flatMap(daysOf);
    assert.deepEqual(days, range(a, b), `${iso(a)}..${iso(b)}`);
    assert.ok(cover.length <= 2 * 31 + 2 * 11 + Math.ceil((b - a) / DAY / 365) + 2);
  }
});

test("a date match closes open ends at the archive's span and always admits odd dates", () => {
  assert.equal(dateMatch({ from: "2018-01-01", to: "2018-12-31" }, { lo: null, hi: null }), "dates : (y2018 OR dx)");
  assert.equal(dateMatch({ from: "2019-01-01" }, { lo: "2016-01-01", hi: "2019-12-31" }), "dates : (y2019 OR dx)");
  assert.equal(dateMatch({ to: "2016-01-31" }, { lo: "2016-01-01", hi: "2019-12-31" }), "dates : (m201601 OR dx)");
  assert.equal(dateMatch({ from: "2019-01-01" }, { lo: null, hi: null }), null, "an empty archive: the SQL condition alone");
  assert.equal(dateMatch({ from: "2019-02-01", to: "2019-01-01" }, { lo: null, hi: null }), "dates : (dnone)");
  assert.equal(dateMatch(undefined, { lo: null, hi: null }), null);
});

test("month words join every run the tokenizer keeps whole to the article's month, in place", () => {
  assert.equal(monthWords("نفط سعر برميل", "2018-05-03"), "نفط201805 سعر201805 برميل201805");
  // Where the tokenizer cuts a word ("50" and "1" of "50.1"), each piece is qualified: the tokens
  // stay at the positions they have in the words column, and "50" in May 2018 is found as "50201805".
  assert.equal(monthWords("opec 50.1 U.S", "2018-05-03T10:00:00Z"), "opec201805 50201805.1201805 U201805.S201805");
  // A letter outside the runs (é, tatweel) is a token character too: the token stays one token.
  assert.equal(monthWords("café بـ", "2018-05-03"), "caf201805é ب201805ـ");
  assert.equal(monthWords("نفط", "2018-05"), `نفط${UNDATED_MONTH}`, "no full date: the undated month, as the dx token");
  assert.equal(monthWords("نفط", null), "", "no date at all: no month words (no date filter admits it)");
  assert.equal(monthWords("", "2018-05-03"), "");
});

test("a date range becomes its months when it spans few, and says whether they are whole", () => {
  const span = { lo: "2017-11-20", hi: "2018-06-14" };
  assert.deepEqual(monthRange({ from: "2018-05-01", to: "2018-05-31" }, span, 6), { months: ["201805"], whole: true });
  assert.deepEqual(monthRange({ from: "2017-12-01", to: "2018-02-28" }, span, 6), { months: ["201712", "201801", "201802"], whole: true });
  assert.deepEqual(monthRange({ from: "2018-04-10", to: "2018-05-20" }, span, 6), { months: ["201804", "201805"], whole: false });
  assert.deepEqual(monthRange({ from: "2016-02-01", to: "2016-02-29" }, span, 6), { months: ["201602"], whole: true }, "a leap February is whole");
  // Open ends closed at the archive's span: its last day is not a month's end, so the days decide.
  assert.deepEqual(monthRange({ from: "2018-04-01" }, span, 6), { months: ["201804", "201805", "201806"], whole: false });
  assert.equal(monthRange({ from: "2018-01-01", to: "2018-12-31" }, span, 6), null, "a year is more months than allowed");
  assert.equal(monthRange({ from: "2018-05-02", to: "2018-05-01" }, span, 6), null, "empty");
  assert.equal(monthRange({ from: "2018-05-01" }, { lo: null, hi: null }, 6), null, "an open end with no span to close it");
  assert.equal(monthRange(undefined, span, 6), null);
});
