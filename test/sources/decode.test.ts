import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { decodeBytes } from "../../src/sources/decode.js";
import { RasdError } from "../../src/errors.js";

const T = "أعلنت وزارة الخارجية اليوم أن وفداً رسمياً سيزور موسكو الأسبوع المقبل، في 31 كانون الثاني 2019.";
const bytes = (b: Buffer | number[]) => new Uint8Array(Buffer.isBuffer(b) ? b : Buffer.from(b));

test("charset sniffing: UTF-8 with and without BOM, UTF-16 with and without BOM, windows-1256, ISO-8859-6", () => {
  const cases: Array<[Buffer, string]> = [
    [Buffer.from(T, "utf8"), "utf-8"],
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(T, "utf8")]), "utf-8-bom"],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(T, "utf-16le")]), "utf-16le"],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(T, "utf-16be")]), "utf-16be"],
    [iconv.encode(T, "utf-16le"), "utf-16le"],
    [iconv.encode(T, "utf-16be"), "utf-16be"],
    [iconv.encode(T, "windows-1256"), "windows-1256"],
    [iconv.encode(T, "iso-8859-6"), "iso-8859-6"],
  ];
  for (const [buf, enc] of cases) {
    const d = decodeBytes(bytes(buf));
    assert.equal(d.encoding, enc);
    assert.equal(d.text, T, enc);
  }
});

test("windows-1256 letters ISO-8859-6 lacks (پ گ ک, «») decide for windows-1256", () => {
  const t = "قال «المتحدث» إن گوگل وپاکستان";
  const d = decodeBytes(bytes(iconv.encode(t, "windows-1256")));
  assert.equal(d.encoding, "windows-1256");
  assert.equal(d.text, t);
});

test("a page's declared charset is honoured when the bytes are not UTF-8", () => {
  const html = `<html><head><meta charset="windows-1256"></head><body><p>${T}</p></body></html>`;
  const d = decodeBytes(bytes(iconv.encode(html, "windows-1256")));
  assert.equal(d.encoding, "windows-1256");
  assert.ok(d.text.includes(T));
});

test("UTF-8 with a few broken sequences stays UTF-8, with a warning", () => {
  const d = decodeBytes(bytes(Buffer.concat([Buffer.from(T), Buffer.from([0xff]), Buffer.from(T)])));
  assert.equal(d.encoding, "utf-8");
  assert.match(d.warnings[0]!, /1 broken byte sequence/);
  assert.equal(d.text, `${T}\uFFFD${T}`);
});

test("binary and empty input are refused with coded errors", () => {
  const refuse = (b: number[], code: string, re: RegExp) => assert.throws(() => decodeBytes(bytes(b)), (e: unknown) => e instanceof RasdError && e.code === code && re.test(e.message));
  refuse([], "RASD_SOURCE_EMPTY", /empty/);
  refuse([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], "RASD_SOURCE_BINARY", /PNG/);
  refuse([0x25, 0x50, 0x44, 0x46, 0x2d], "RASD_SOURCE_BINARY", /PDF/);
  refuse([0x1f, 0x8b, 8, 0], "RASD_SOURCE_BINARY", /gzip/);
  refuse([0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02, 0x00, 0x00], "RASD_SOURCE_BINARY", /NUL/);
});
