/**
 * An article's text is stored compressed apart from its annotations, as deflated UTF-16LE behind a
 * marker byte; archives written before hold deflated UTF-8 without it. Both must read back exactly,
 * and the text must come back unit for unit, since every annotation's offsets point into it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import { SqliteStore, packRecord, unpackBody } from "../../src/store/SqliteStore.js";
import { HAVE_SEED, recordOf, seedText } from "./fixtures.js";

test("a body reads back in either encoding: deflated UTF-16LE with its marker, or UTF-8 from older archives", { skip: !HAVE_SEED && "the seed article is absent" }, () => {
  const text = seedText();
  const { body } = packRecord("{}", text);
  assert.equal(body[0], 0xfe);
  assert.equal(unpackBody(body), text);
  // A raw deflate stream of UTF-8, as rasd wrote bodies before: its first byte is never the marker.
  const old = deflateRawSync(Buffer.from(text, "utf8"), { level: 3 });
  assert.notEqual(old[0], 0xfe);
  assert.equal(unpackBody(old), text);
  for (const level of [0, 1, 6, 9]) assert.notEqual(deflateRawSync(Buffer.from("و".repeat(50)), { level })[0], 0xfe, `level ${level}`);
});

test("the archive gives back an article's text unit for unit, old rows and new alike", { skip: !HAVE_SEED && "the seed article is absent" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-body-"));
  try {
    const file = join(dir, "a.db");
    const store = new SqliteStore(file);
    // A lone surrogate (a broken emoji in a scraped page) is one code unit: UTF-8 would have turned it
    // into U+FFFD; the offsets after it stay right either way, but the character must be the same.
    const odd = "قال ترامب \ud83d إن الاتفاق انتهى.\nوأضاف أن 😀 بلاده ستنسحب.";
    const a = recordOf({ id: "x", outlet: "BBC Arabic", category: "politics", title: "خبر", date: "2019-01-30", url: "https://example.org/a", text: "" }, odd);
    const b = recordOf({ id: "y", outlet: "BBC Arabic", category: "politics", title: "خبر آخر", date: "2019-01-31", url: "https://example.org/b", text: "" }, seedText());
    await store.put([a, b]);
    assert.ok(a.text.includes("\ud83d إن"));
    assert.equal((await store.get(a.id))!.text, a.text);
    // Rewrite b's body as an older rasd stored it.
    const raw = new Database(file);
    raw.prepare("UPDATE articles SET body = ? WHERE id = ?").run(deflateRawSync(Buffer.from(b.text, "utf8"), { level: 3 }), b.id);
    raw.close();
    assert.equal((await store.get(b.id))!.text, b.text);
    const found = await store.search("ترامب", { limit: 10 });
    assert.deepEqual(found.hits.map((h) => h.id).sort(), [a.id, b.id].sort());
    for (const h of found.hits) {
      const text = (await store.get(h.id))!.text;
      for (const sn of h.snippets) assert.equal(text.slice(sn.start, sn.end), sn.text);
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
