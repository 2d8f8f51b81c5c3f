/**
 * `npm run sweep` over a folder of golden pages (.txt, .html) and a gzipped JSON Lines file with a
 * broken line: every article counted, the broken line refused (not a crash), no invariant violation.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

test("the sweep reads folders, .txt, .html and .jsonl.gz, and reports crashes, refusals and structure", () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-sweep-"));
  try {
    const lines = [JSON.stringify({ outlet: "سكاي نيوز عربية", title: "وفد إلى موسكو", text: "أعلنت الخارجية اليوم أن وفداً سيزور موسكو الأسبوع المقبل." }), "{broken", JSON.stringify({ outlet: "سكاي نيوز عربية", text: "خبر ثان عن الاقتصاد والأسواق في المنطقة العربية." })];
    writeFileSync(join(dir, "feed.jsonl.gz"), gzipSync(lines.join("\n") + "\n"));
    const golden = join(ROOT, "test/golden");
    const cases = readdirSync(golden, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/sweep.mjs"), golden, dir, "--json", join(dir, "summary.json")], { encoding: "utf8", timeout: 300_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^sweep: \d+ articles/);
    const s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    assert.equal(s.articles, cases + 3);
    assert.equal(s.refused, 1);
    assert.deepEqual(s.refusedBy, { RASD_SOURCE_JSONL: 1 });
    assert.equal(s.crashes, 0);
    assert.equal(s.invariantViolations, 0);
    assert.equal(s.analysed, cases + 2);
    assert.equal(s.outlets["سكاي نيوز عربية"], 2);
    assert.ok(s.has.headline >= cases && s.has.byline >= cases - 2 && s.has.boilerplate >= 10, JSON.stringify(s.has));
    assert.ok(s.slowest.length > 0 && s.slowest[0].ms >= s.slowest.at(-1).ms);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
