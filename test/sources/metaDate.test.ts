import { test } from "node:test";
import assert from "node:assert/strict";
import { metaDate, validDct } from "../../src/sources/metaDate.js";

test("a page's date as the page meant it", () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ["2018-02-18T21:35:43+04:00", "2018-02-18"],
    ["2018-02-18T23:35:43-08:00", "2018-02-18"], // not shifted to UTC
    ["20190131", "2019-01-31"],
    ["2019/1/31", "2019-01-31"],
    ["31/01/2019", "2019-01-31"],
    ["Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"],
    ["2019-02-30", undefined],
    ["الخميس 31 يناير", undefined],
    ["", undefined],
    [undefined, undefined],
  ];
  for (const [input, want] of cases) assert.equal(metaDate(input), want, String(input));
});

test("validDct accepts only real calendar dates in YYYY-MM-DD", () => {
  assert.ok(validDct("2019-01-31"));
  assert.ok(validDct("2020-02-29"));
  assert.ok(!validDct("2019-02-29"));
  assert.ok(!validDct("2019-1-31"));
  assert.ok(!validDct("31/01/2019"));
});
