/**
 * Bad input through the real command (`node bin/rasd.js analyze`): each gives a clear message and a
 * coded error, a non-zero exit where nothing could be analysed, and never a crash, a hang or a stop
 * of the other inputs. Big and binary inputs are generated in a temp folder, never committed.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "bin/rasd.js");
let dir = "";

function rasd(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  assert.notEqual(r.signal, "SIGTERM", `rasd ${args.join(" ")} hung`);
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/, "no stack trace: the error is handled");
  return r;
}

const ARTICLE = "دمشق - سانا\n\nأعلنت وزارة الخارجية السورية اليوم أن وفداً رسمياً سيزور موسكو الأسبوع المقبل لبحث التعاون الاقتصادي بين البلدين.\nوقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات الثنائية.\n";
// The smallest PNG header: signature and an IHDR chunk start.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), "rasd-bad-"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "blank.txt"), "  \n\n\t\n");
  writeFileSync(join(dir, "image.txt"), PNG);
  writeFileSync(join(dir, "good.txt"), ARTICLE);
  // Arabic UTF-8 with three broken byte sequences: a stray 0xFF, a lead byte without its tail, a cut 3-byte sequence.
  writeFileSync(join(dir, "broken-utf8.txt"), Buffer.concat([Buffer.from("أعلنت وزارة الخارجية "), Buffer.from([0xff, 0xc3]), Buffer.from(" أن وفداً سيزور موسكو "), Buffer.from([0xe2, 0x82]), Buffer.from(" الأسبوع المقبل لبحث التعاون.\n")]));
  writeFileSync(join(dir, "menu.html"), '<!doctype html><html lang="ar"><head><title>الرئيسية</title></head><body><nav><a href="/">الرئيسية</a><a href="/s">رياضة</a></nav><script>var a=1</script></body></html>');
  writeFileSync(join(dir, "english.txt"), "The foreign ministry said on Monday that a delegation would visit Moscow next week to discuss economic cooperation between the two countries.\n");
  writeFileSync(join(dir, "lines.jsonl"), [JSON.stringify({ id: "a", text: ARTICLE }), '{"id": "b", "text": "مقطوع', JSON.stringify({ id: "c", text: "خبر ثالث عن الاقتصاد والرياضة في المنطقة العربية." })].join("\n") + "\n");
  // 50 MB of text, written in chunks.
  const fd = openSync(join(dir, "huge.txt"), "w");
  const chunk = Buffer.from("خبر ".repeat(1024 * 128));
  for (let n = 0; n < 50 * 1048576; n += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("an empty or blank file: RASD_SOURCE_EMPTY, exit 3, nothing on stdout", () => {
  for (const f of ["empty.txt", "blank.txt"]) {
    const r = rasd(["analyze", f, "--json"]);
    assert.equal(r.status, 3, f);
    assert.match(r.stderr, new RegExp(`${f}: the input is empty.*\\[RASD_SOURCE_EMPTY\\]`));
    assert.equal(r.stdout, "");
  }
});

test("a PNG (whatever its name): RASD_SOURCE_BINARY naming the kind of file", () => {
  const r = rasd(["analyze", "image.txt", "--json"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /binary data, not text: PNG image \[RASD_SOURCE_BINARY\]/);
});

test("a 50 MB file is refused before it is read", () => {
  const t = Date.now();
  const r = rasd(["analyze", "huge.txt", "--json"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /too large: 5\d\.\d MB, the limit is 20 MB \[RASD_SOURCE_TOO_LARGE\]/);
  assert.ok(Date.now() - t < 30_000);
});

test("invalid UTF-8 in an Arabic text: analysed, with a warning that names the damage", () => {
  const r = rasd(["analyze", "broken-utf8.txt", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: invalid UTF-8: 3 broken byte sequence\(s\) replaced with U\+FFFD \[RASD_SOURCE_DECODE\]/);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.language, "ar");
  assert.equal(rec.source.encoding, "utf-8");
  assert.ok(rec.text.includes("\uFFFD") && rec.text.includes("وزارة الخارجية"));
  assert.ok(rec.warnings.some((w: { code: string }) => w.code === "RASD_SOURCE_DECODE"));
});

test("HTML with no article: RASD_SOURCE_NO_ARTICLE", () => {
  const r = rasd(["analyze", "menu.html", "--json"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /menu\.html: no article text was found in the page/);
});

test("an English article: the record reports the language and a warning, exit non-zero", () => {
  const r = rasd(["analyze", "english.txt", "--json"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /not Arabic \(detected "en"\).*\[RASD_LANGUAGE\]/);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.language, "en");
  assert.ok(rec.warnings.some((w: { code: string }) => w.code === "RASD_LANGUAGE"));
  assert.deepEqual(rec.structure.paragraphs, []);
});

test("JSON Lines with a broken line: an error object in its place, the other lines analysed in order", () => {
  const r = rasd(["analyze", "lines.jsonl"]);
  assert.equal(r.status, 1, "some lines failed, some did not");
  const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(out.length, 3);
  assert.equal(out[0].language, "ar");
  assert.equal(out[1].error.code, "RASD_SOURCE_JSONL");
  assert.equal(out[1].error.line, 2);
  assert.match(out[2].text, /خبر ثالث/);
  assert.match(r.stderr, /lines\.jsonl:2: .*\[RASD_SOURCE_JSONL\]/);
});

test("one bad input does not stop the others; a missing file is named", () => {
  const r = rasd(["analyze", "empty.txt", "image.txt", "missing.txt", "good.txt", "menu.html", "--json"]);
  assert.equal(r.status, 1);
  const recs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(recs.length, 1);
  assert.equal(recs[0].structure.byline, "دمشق - سانا");
  for (const code of ["RASD_SOURCE_EMPTY", "RASD_SOURCE_BINARY", "RASD_SOURCE_NOT_FOUND", "RASD_SOURCE_NO_ARTICLE"]) assert.match(r.stderr, new RegExp(code));
});

test("usage errors: no file, a bad date, an unknown option — exit 2 with what was expected", () => {
  let r = rasd(["analyze"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: rasd analyze FILE/);
  r = rasd(["analyze", "good.txt", "--dct", "31/01/2019"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /YYYY-MM-DD: got "31\/01\/2019"/);
  r = rasd(["analyze", "good.txt", "--colour"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option --colour; expected one of/);
});
