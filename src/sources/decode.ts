/**
 * Bytes to text with charset sniffing. Order: a BOM; valid UTF-8; UTF-16 without a BOM (every other
 * byte zero); a charset the page declares (<meta charset>, XML prolog); then windows-1256 versus
 * ISO-8859-6 by which bytes occur. Binary input (a PNG, a PDF, NULs) is refused with a clear error.
 */
import iconv from "iconv-lite";
import { RasdError } from "../errors.js";

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG image"],
  [[0xff, 0xd8, 0xff], "JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "GIF image"],
  [[0x25, 0x50, 0x44, 0x46], "PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "ZIP archive"],
  [[0x1f, 0x8b], "gzip data (name the file .gz to have it decompressed)"],
  [[0x7f, 0x45, 0x4c, 0x46], "ELF executable"],
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The text when the bytes are valid UTF-8 (decoded once), else undefined. */
function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(buf);
  } catch {
    return undefined;
  }
}

function declaredCharset(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

const HIGH_BYTES = new Set([0x00, 0x06, 0x20, 0xfb, 0xfc, 0xfd, 0xfe, 0x08, 0x07]);

/** "utf-16le" or "utf-16be" when the bytes read as UTF-16 text without a BOM. */
function sniffUtf16(sample: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(sample.length / 2);
  // UTF-16 text has zero bytes (every space and digit has one); most input has none.
  if (pairs < 2 || sample.indexOf(0) < 0) return undefined;
  let even = 0, odd = 0, zeroEven = 0, zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (HIGH_BYTES.has(sample[i]!)) even++;
    if (HIGH_BYTES.has(sample[i + 1]!)) odd++;
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  // Zero bytes must sit on one side only: binary data has them everywhere.
  if (odd >= pairs * 0.9 && zeroOdd > 0 && zeroEven <= pairs * 0.02) return "utf-16le";
  if (even >= pairs * 0.9 && zeroEven > 0 && zeroOdd <= pairs * 0.02) return "utf-16be";
  return undefined;
}

/** Decodes bytes to text, or throws RASD_SOURCE_* for input that is not text. */
export function decodeBytes(buf: Uint8Array, hint?: string): Decoded {
  const warnings: string[] = [];
  if (buf.length === 0) throw new RasdError("RASD_SOURCE_EMPTY");
  for (const [sig, what] of MAGIC) if (startsWith(buf, sig)) throw new RasdError("RASD_SOURCE_BINARY", what);
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { text: Buffer.from(buf.subarray(3)).toString("utf8"), encoding: "utf-8-bom", warnings };
  if (startsWith(buf, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(buf.subarray(2)), "utf-16le"), encoding: "utf-16le", warnings };
  if (startsWith(buf, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(buf.subarray(2)), "utf-16be"), encoding: "utf-16be", warnings };

  // UTF-16 without a BOM: one byte of every pair is the high byte of a BMP code point — 0x00 for
  // ASCII, 0x06 for Arabic, 0x20 for punctuation, 0xFB-0xFE for presentation forms.
  const sample = buf.subarray(0, Math.min(buf.length, 65536));
  const utf16 = sniffUtf16(sample);
  if (utf16) return { text: iconv.decode(Buffer.from(buf), utf16), encoding: utf16, warnings };
  if (sample.includes(0)) throw new RasdError("RASD_SOURCE_BINARY", "it contains NUL bytes");

  if (hint && iconv.encodingExists(hint) && !/^utf-?8$/i.test(hint)) {
    return { text: iconv.decode(Buffer.from(buf), hint), encoding: hint.toLowerCase(), warnings };
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", warnings };

  const declared = declaredCharset(buf);
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(buf), declared), encoding: declared, warnings };
  }
  // Not UTF-8. Mostly high bytes in the Arabic letter ranges of windows-1256 / ISO-8859-6?
  let high = 0, iso6 = 0, cp1256Only = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc1 && b <= 0xf2) iso6++;
    // Bytes windows-1256 uses for letters that ISO-8859-6 leaves unassigned or as controls.
    if ((b >= 0x80 && b <= 0x9f) || (b >= 0xdb && b <= 0xdf) || b >= 0xf3) cp1256Only++;
  }
  if (high > 0) {
    // A file that is mostly valid UTF-8 with a few broken sequences is UTF-8 with damage, not 1256.
    const lossy = Buffer.from(buf).toString("utf8");
    const replacement = (lossy.match(/\uFFFD/g) ?? []).length;
    const arabicUtf8 = (lossy.match(/[\u0600-\u06FF]/g) ?? []).length;
    if (arabicUtf8 > replacement * 4) {
      warnings.push(`invalid UTF-8: ${replacement} broken byte sequence(s) replaced with U+FFFD`);
      return { text: lossy, encoding: "utf-8", warnings };
    }
    const enc = cp1256Only > 0 || iso6 < high * 0.9 ? "windows-1256" : "iso-8859-6";
    return { text: iconv.decode(Buffer.from(buf), enc), encoding: enc, warnings };
  }
  return { text: Buffer.from(buf).toString("utf8"), encoding: "utf-8", warnings };
}
