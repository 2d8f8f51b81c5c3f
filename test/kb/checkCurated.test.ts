import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (...files: string[]) => spawnSync(process.execPath, ["scripts/check-curated.mjs", ...files], { encoding: "utf8" });

test("check-curated: the committed curated lists are well formed", () => {
  const r = run();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /0 problems/);
});

test("check-curated: a list with a Latin Arabic name, an unknown type or a duplicate is refused", () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-curated-"));
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify({ about: "test", entities: [
    { type: "LOC", ar: "Paris", en: "Paris" },
    { type: "CITY", ar: "باريس", en: "Paris" },
    { type: "PER", ar: "نيوتن", en: "Isaac Newton" },
    { type: "PER", ar: "إسحاق نيوتن", en: "Isaac Newton" },
  ] }));
  const r = run(file);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /#0: Arabic name "Paris"/);
  assert.match(r.stderr, /#1: type CITY/);
  assert.match(r.stderr, /#3: duplicate of #2/);
});
