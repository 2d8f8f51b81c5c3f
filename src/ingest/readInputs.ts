/**
 * Turns files into pipeline inputs, one at a time (memory stays flat whatever the size of the set):
 * JSON Lines (.jsonl, .jsonl.gz, streamed line by line), RSS/Atom feeds (an item each), WARC files
 * (.warc, .warc.gz: a response each), and any other file as one article (text or HTML, sniffed;
 * .gz decompressed).
 */
import { createReadStream, readFileSync } from "node:fs";
import { createGunzip, gunzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import type { SourceInput } from "../sources/index.js";
import { parseJsonlLine } from "../sources/jsonl.js";
import { readWarc, isGzip } from "./readWarc.js";
import { isFeed, readFeed } from "./readFeed.js";
import { RasdError } from "../errors.js";

export interface InputItem {
  /** Where it came from, for messages: "file.jsonl:12". */
  where: string;
  input?: SourceInput;
  error?: RasdError;
}

const SKIP = /\.(png|jpe?g|gif|webp|pdf|zip|db|db-wal|db-shm|sqlite|woff2?|ttf|ico|mp[34])$/i;

export function kindOfPath(path: string): "jsonl" | "warc" | "feed" | "file" | "skip" {
  if (SKIP.test(path)) return "skip";
  if (/\.jsonl(\.gz)?$/i.test(path) || /\.ndjson(\.gz)?$/i.test(path)) return "jsonl";
  if (/\.(warc|arc)(\.gz)?$/i.test(path)) return "warc";
  if (/\.(rss|atom)$/i.test(path)) return "feed";
  return "file";
}

async function* jsonlItems(path: string): AsyncGenerator<InputItem> {
  const raw = createReadStream(path);
  const stream = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const p = parseJsonlLine(line, n, path);
    yield p.error ? { where: `${path}:${n}`, error: p.error } : { where: `${path}:${n}`, input: { ...p.input!, ...(p.input!.uri ? {} : { uri: `${path}#${n}` }) } };
  }
}

/** The inputs of one file. */
export async function* readInputs(path: string): AsyncGenerator<InputItem> {
  const kind = kindOfPath(path);
  if (kind === "skip") return;
  if (kind === "jsonl") {
    yield* jsonlItems(path);
    return;
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    yield { where: path, error: new RasdError("RASD_SOURCE_NOT_FOUND", `${path}: ${(e as Error).message}`) };
    return;
  }
  if (kind === "warc") {
    let i = 0;
    try {
      for (const rec of readWarc(buf)) {
        i++;
        yield {
          where: `${path}#${i}`,
          input: { bytes: rec.body, kind: /text\/plain/i.test(rec.contentType ?? "") ? "text" : "html", ...(rec.uri ? { uri: rec.uri } : {}), ...(rec.charset ? { encodingHint: rec.charset } : {}) },
        };
      }
    } catch (e) {
      yield { where: path, error: new RasdError("RASD_SOURCE_DECODE", `${path}: not a readable WARC file (${(e as Error).message})`) };
    }
    return;
  }
  if (isGzip(buf)) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      yield { where: path, error: new RasdError("RASD_SOURCE_DECODE", `${path}: ${(e as Error).message}`) };
      return;
    }
  }
  const head = buf.subarray(0, 2000).toString("utf8");
  if (kind === "feed" || (/\.xml(\.gz)?$/i.test(path) && isFeed(head)) || (head.trimStart().startsWith("<?xml") && isFeed(head))) {
    const items = readFeed(buf.toString("utf8"), path);
    for (let i = 0; i < items.length; i++) yield { where: `${path}#${i + 1}`, input: items[i]! };
    return;
  }
  yield { where: path, input: { bytes: buf, uri: path } };
}
