import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWarc, warcResponse } from "../../src/ingest/readWarc.js";
import { readFeed, isFeed } from "../../src/ingest/readFeed.js";
import { expandPaths, globToRegExp } from "../../src/ingest/expandPaths.js";
import { readInputs } from "../../src/ingest/readInputs.js";
import { loadDocument } from "../../src/sources/index.js";
import { HAVE_NEWS, newsLines } from "../store/fixtures.js";

const skip = HAVE_NEWS ? false : "needs ../shared/data/news";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body
    .split("\n")
    .map((p) => `<p>${p}</p>`)
    .join("")}</article></body></html>`;
}

test("WARC: response records (gzip per record), HTTP headers stripped, non-HTML and errors skipped", { skip }, () => {
  const [a, b] = newsLines().slice(100, 102);
  const reqHead = "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: http://x/\r\nContent-Length: 5\r\n\r\nGET /\r\n\r\n";
  const img = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/i.png\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 50\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + "x".repeat(50 - 46) + "\r\n\r\n";
  const warc = Buffer.concat([gzipSync(Buffer.from(reqHead, "latin1")), gzipSync(warcResponse(a!.url, page(a!.title, a!.text))), gzipSync(Buffer.from(img, "latin1")), gzipSync(warcResponse(b!.url, page(b!.title, b!.text)))]);
  const recs = [...readWarc(warc)];
  assert.equal(recs.length, 2);
  assert.equal(recs[0]!.uri, a!.url);
  assert.equal(recs[0]!.charset, "utf-8");
  const doc = loadDocument({ bytes: recs[1]!.body, kind: "html", uri: recs[1]!.uri! });
  assert.ok(doc.text.includes(b!.text.split("\n")[0]!.slice(0, 40)));
});

test("RSS and Atom: one input per item with title, link, date, category", { skip }, () => {
  const [a, b] = newsLines().slice(200, 202);
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>
    <item><title>${a!.title.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</title><link>${a!.url}</link><pubDate>Sun, 18 Feb 2018 21:35:43 +0400</pubDate><category>culture</category>
    <content:encoded><![CDATA[${a!.text.split("\n").map((p) => `<p>${p}</p>`).join("")}]]></content:encoded></item>
    <item><title>بلا نص</title><link>http://x/empty</link></item></channel></rss>`;
  assert.equal(isFeed(rss), "rss");
  const items = readFeed(rss);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.meta?.url, a!.url);
  assert.equal(items[0]!.meta?.published, "2018-02-18T17:35:43.000Z");
  assert.equal(items[0]!.meta?.category, "culture");
  const doc = loadDocument(items[0]!);
  assert.ok(doc.text.includes(a!.text.split("\n")[0]!.slice(0, 40)));
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>${b!.title.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</title>
    <link rel="alternate" href="${b!.url.replace(/&/g, "&amp;")}"/><published>2018-03-01T10:00:00Z</published><category term="economy"/><summary>${b!.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</summary></entry></feed>`;
  const e = readFeed(atom);
  assert.equal(e.length, 1);
  assert.equal(e[0]!.meta?.category, "economy");
  assert.equal(e[0]!.meta?.title, b!.title);
  assert.equal(e[0]!.kind, "text");
});

test("a hostile feed stays linear (1 MB of unclosed items)", () => {
  const t = Date.now();
  readFeed("<rss><channel>" + "<item><title>x".repeat(70000));
  assert.ok(Date.now() - t < 5000);
});

test("paths: files, folders, globs; readers by extension", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-paths-"));
  try {
    mkdirSync(join(dir, "a/b"), { recursive: true });
    writeFileSync(join(dir, "a/one.txt"), "نص أول");
    writeFileSync(join(dir, "a/b/two.html"), "<html><body><p>نص ثان</p></body></html>");
    writeFileSync(join(dir, "a/b/.hidden"), "x");
    writeFileSync(join(dir, "a/lines.jsonl.gz"), gzipSync('{"text":"سطر أول"}\n\n{"text":"سطر ثان","title":"عنوان"}\nnot json\n'));
    assert.deepEqual(expandPaths([join(dir, "a")]).map((p) => p.slice(dir.length)), ["/a/b/two.html", "/a/lines.jsonl.gz", "/a/one.txt"]);
    assert.deepEqual(expandPaths([join(dir, "**/*.{txt,html}")]).map((p) => p.slice(dir.length)).sort(), ["/a/b/two.html", "/a/one.txt"]);
    assert.ok(globToRegExp("/x/*.txt").test("/x/a.txt") && !globToRegExp("/x/*.txt").test("/x/y/a.txt"));
    assert.throws(() => expandPaths([join(dir, "nothing-*.xml")]), /no file matches/);
    const items = [];
    for await (const it of readInputs(join(dir, "a/lines.jsonl.gz"))) items.push(it);
    assert.equal(items.length, 3);
    assert.equal(items[1]!.input?.meta?.title, "عنوان");
    assert.ok(items[2]!.error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
