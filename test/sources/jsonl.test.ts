import { test } from "node:test";
import assert from "node:assert/strict";
import { parseJsonlLine, readJsonl } from "../../src/sources/jsonl.js";
import { loadDocument } from "../../src/sources/index.js";

test("a JSON Lines article: text, title, outlet, author and date become the document's layout and metadata", () => {
  const line = JSON.stringify({ id: "x1", url: "https://example.com/a", outlet: "سكاي نيوز عربية", title: "وفد إلى موسكو", author: "أبوظبي - سكاي نيوز عربية", date: "2018-03-16T05:27:47+04:00", text: "أعلنت الخارجية أن وفداً سيزور موسكو." });
  const p = parseJsonlLine(line, 7);
  assert.equal(p.inputId, "x1");
  const doc = loadDocument(p.input!);
  assert.equal(doc.text, "وفد إلى موسكو\n\nأعلنت الخارجية أن وفداً سيزور موسكو.");
  assert.deepEqual(doc.layout?.headline, { start: 0, end: 13, text: "وفد إلى موسكو" });
  assert.equal(doc.source.kind, "jsonl");
  assert.equal(doc.source.uri, "https://example.com/a");
  assert.deepEqual(doc.dct, { value: "2018-03-16", origin: "metadata" });
  assert.equal(doc.meta.publisher, "سكاي نيوز عربية");
  assert.equal(doc.meta.author, "أبوظبي - سكاي نيوز عربية");
});

test("a line with html is an HTML page; a given dct beats the date", () => {
  const p = parseJsonlLine(JSON.stringify({ html: "<html><body><article><p>أعلنت الخارجية اليوم أن وفداً رسمياً سيزور موسكو الأسبوع المقبل لبحث التعاون بين البلدين في مجالات كثيرة.</p></article></body></html>", dct: "2019-01-31", date: "2018-01-01" }), 1);
  const doc = loadDocument(p.input!);
  assert.equal(doc.source.kind, "html");
  assert.deepEqual(doc.dct, { value: "2019-01-31", origin: "given" });
});

test("broken lines are errors for that line only, with what was expected", () => {
  const lines = [...readJsonl(['{"text": "خبر أول"}', "", "{oops", "[1,2]", '{"title": "بلا نص"}', '{"text": "خبر أخير"}'].join("\n"), "f.jsonl")];
  assert.deepEqual(lines.map((l) => l.line), [1, 3, 4, 5, 6]);
  assert.ok(lines[0]!.input && lines[4]!.input);
  assert.match(lines[1]!.error!.message, /line 3: /);
  assert.match(lines[2]!.error!.message, /expected an object, found an array/);
  assert.match(lines[3]!.error!.message, /expected a "text" or "html" string field/);
  assert.equal(lines[0]!.input!.uri, "f.jsonl#1");
});
