/**
 * `ingest` in-process: a folder of mixed inputs (JSON Lines gz, an RSS feed, a WARC file, an HTML page,
 * a non-Arabic file) through a worker thread into SQLite; a second run changes nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../../src/ingest/ingest.js";
import { warcResponse } from "../../src/ingest/readWarc.js";
import { SqliteStore } from "../../src/store/SqliteStore.js";
import { HAVE_NEWS, newsLines } from "../store/fixtures.js";

test("a folder of JSON Lines, RSS, WARC and HTML is ingested once, on a worker thread", { skip: HAVE_NEWS ? false : "needs ../shared/data/news", timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-ingest-"));
  const store = new SqliteStore(join(dir, "x.db"));
  try {
    const pick = newsLines().filter((n) => n.text.length < 1500).slice(0, 5);
    const [a, b, c, d, e] = pick as [typeof pick[0], typeof pick[0], typeof pick[0], typeof pick[0], typeof pick[0]];
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    writeFileSync(join(dir, "two.jsonl.gz"), gzipSync([a, b].map((n) => JSON.stringify({ title: n.title, outlet: n.outlet, category: n.category, date: n.date, url: n.url, text: n.text })).join("\n") + "\n{broken\n"));
    writeFileSync(join(dir, "feed.rss"), `<?xml version="1.0"?><rss version="2.0"><channel><item><title>${esc(c.title)}</title><link>${esc(c.url)}</link><pubDate>Mon, 05 Mar 2018 10:00:00 GMT</pubDate><description>${esc(c.text)}</description></item></channel></rss>`);
    writeFileSync(join(dir, "crawl.warc.gz"), gzipSync(warcResponse(d.url, `<html lang="ar"><head><title>${esc(d.title)}</title></head><body><article><h1>${esc(d.title)}</h1>${d.text.split("\n").map((p) => `<p>${esc(p)}</p>`).join("")}</article></body></html>`)));
    writeFileSync(join(dir, "page.html"), `<html lang="ar"><body><article><h1>${esc(e.title)}</h1>${e.text.split("\n").map((p) => `<p>${esc(p)}</p>`).join("")}</article></body></html>`);
    writeFileSync(join(dir, "english.txt"), "This is an English text about the weather, which rasd does not analyse at all.");
    const errors: string[] = [];
    const first = await ingest([dir], store, { workers: 1, batch: 2, onError: (w, code) => errors.push(`${code} ${w}`) });
    assert.equal(first.inserted, 5, JSON.stringify(first) + errors.join("; "));
    assert.equal(first.failed, 2, errors.join("; "));
    assert.ok(errors.some((x) => x.startsWith("RASD_SOURCE_JSONL")));
    assert.ok(errors.some((x) => x.startsWith("RASD_LANGUAGE")));
    const s = await store.stats();
    assert.equal(s.articles, 5);
    const rss = await store.search(`"${c.text.split(/\s+/).slice(0, 4).join(" ")}"`);
    assert.equal(rss.total, 1);
    assert.equal(rss.hits[0]!.dct, "2018-03-05");
    const second = await ingest([dir], store, { workers: 0 });
    assert.equal(second.inserted, 0);
    assert.equal(second.skipped, 5);
    assert.equal((await store.stats()).articles, 5);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
