/**
 * A small WARC reader (ISO 28500, WARC/1.0 and 1.1), gzip per record or whole-file. Yields the HTML
 * (or plain text) payloads of `response` records (and `resource` records), with the target URI, the
 * capture date and the charset the HTTP header declared. Other record types are skipped.
 *
 * Record layout: "WARC/1.x" CRLF, header lines CRLF, CRLF, Content-Length bytes of block, CRLF CRLF.
 */
import { gunzipSync } from "node:zlib";

export interface WarcPayload {
  uri?: string;
  date?: string;
  type: string;
  contentType?: string;
  charset?: string;
  body: Uint8Array;
}

function indexOfSeq(buf: Uint8Array, seq: number[], from: number): number {
  outer: for (let i = from; i <= buf.length - seq.length; i++) {
    for (let k = 0; k < seq.length; k++) if (buf[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

const CRLFCRLF = [13, 10, 13, 10];
const LFLF = [10, 10];

function headerEnd(buf: Uint8Array, from: number): { end: number; sep: number } | null {
  const a = indexOfSeq(buf, CRLFCRLF, from);
  const b = indexOfSeq(buf, LFLF, from);
  if (a < 0 && b < 0) return null;
  if (a >= 0 && (b < 0 || a <= b)) return { end: a, sep: 4 };
  return { end: b, sep: 2 };
}

function parseHeaders(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const c = line.indexOf(":");
    if (c > 0) m.set(line.slice(0, c).trim().toLowerCase(), line.slice(c + 1).trim());
  }
  return m;
}

/** Whether the bytes look like a gzip stream. */
export function isGzip(buf: Uint8Array): boolean {
  return buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Reads every record of a WARC file's bytes (gzip decompressed here, all members). */
export function* readWarc(data: Uint8Array): Generator<WarcPayload> {
  const buf = isGzip(data) ? gunzipSync(data) : data;
  let pos = 0;
  const latin = new TextDecoder("latin1");
  const utf8 = new TextDecoder("utf-8");
  while (pos < buf.length) {
    // Skip blank lines between records.
    while (pos < buf.length && (buf[pos] === 13 || buf[pos] === 10)) pos++;
    if (pos >= buf.length) break;
    const he = headerEnd(buf, pos);
    if (!he) break;
    // WARC headers are UTF-8 (WARC/1.1 §4); an IRI target keeps its Arabic letters.
    const head = utf8.decode(buf.subarray(pos, he.end));
    if (!head.startsWith("WARC/")) {
      // Not at a record: resynchronise at the next "WARC/" line.
      const next = indexOfSeq(buf, [10, 87, 65, 82, 67, 47], pos + 1);
      if (next < 0) break;
      pos = next + 1;
      continue;
    }
    const h = parseHeaders(head);
    const len = Number(h.get("content-length") ?? "0");
    const start = he.end + he.sep;
    const block = buf.subarray(start, Math.min(buf.length, start + (Number.isFinite(len) && len >= 0 ? len : 0)));
    pos = start + block.length;
    const type = (h.get("warc-type") ?? "").toLowerCase();
    if (type !== "response" && type !== "resource") continue;
    const uri = h.get("warc-target-uri")?.replace(/^<|>$/g, "");
    const date = h.get("warc-date");
    let body = block;
    let contentType = h.get("content-type");
    if (type === "response" && /application\/http/i.test(contentType ?? "application/http")) {
      // An HTTP response: status line and headers, then the payload.
      const hh = headerEnd(block, 0);
      if (!hh) continue;
      const http = latin.decode(block.subarray(0, hh.end));
      const status = /^HTTP\/\S+\s+(\d{3})/.exec(http);
      if (status && status[1] !== "200") continue;
      const hdr = parseHeaders(http);
      contentType = hdr.get("content-type");
      body = block.subarray(hh.end + hh.sep);
      if (/chunked/i.test(hdr.get("transfer-encoding") ?? "")) body = dechunk(body);
      if (/gzip/i.test(hdr.get("content-encoding") ?? "") && isGzip(body)) {
        try {
          body = gunzipSync(body);
        } catch {
          continue;
        }
      }
    }
    if (contentType && !/html|text\/plain|xhtml/i.test(contentType)) continue;
    const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
    yield { ...(uri ? { uri } : {}), ...(date ? { date } : {}), type, ...(contentType ? { contentType } : {}), ...(charset ? { charset } : {}), body };
  }
}

function dechunk(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let pos = 0;
  const latin = new TextDecoder("latin1");
  while (pos < b.length) {
    const nl = indexOfSeq(b, [13, 10], pos);
    if (nl < 0) break;
    const size = parseInt(latin.decode(b.subarray(pos, nl)).split(";")[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(b.subarray(nl + 2, nl + 2 + size));
    pos = nl + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Writes one WARC response record (for tests and for tools that build small archives). */
export function warcResponse(uri: string, html: string, date = "2018-03-01T12:00:00Z", charset = "utf-8"): Buffer {
  const payload = Buffer.from(html, "utf8");
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=${charset}\r\nContent-Length: ${payload.length}\r\n\r\n`, "latin1"), payload]);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: ${date}\r\nWARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "utf8"), http, Buffer.from("\r\n\r\n", "latin1")]);
}
