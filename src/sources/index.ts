/**
 * sources/: bytes in, a Document out. Decides what the input is (plain text as scraped, an HTML
 * page, a JSON Lines object), decodes it and extracts what the page itself declares. It never guesses
 * what the text means; that is the annotators' work.
 */
import { createHash } from "node:crypto";
import type { Dct, Document, PageMeta, SourceKind, SourceLayout, Warning } from "../types.js";
import { RasdError } from "../errors.js";
import { decodeBytes } from "./decode.js";
import { extractHtml } from "./html.js";
import { metaDate, validDct } from "./metaDate.js";

export { metaDate, validDct };

/** Inputs larger than this are refused: no news article is 50 MB of text. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface SourceInput {
  /** Raw bytes, or already-decoded text. */
  bytes?: Uint8Array;
  text?: string;
  html?: string;
  kind?: SourceKind | "auto";
  uri?: string;
  /** The publication date the caller knows (--dct). Beats page metadata. */
  dct?: string;
  meta?: PageMeta;
  encodingHint?: string;
}

/** A stable id: the same decoded text always has the same id. */
export function documentId(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 20);
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function looksLikeHtml(text: string): boolean {
  // Plain text that does not open with a tag is never parsed as HTML.
  if (!/^\s{0,200}</.test(text.slice(0, 256))) return false;
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || (/^<[a-z!]/.test(head) && /<(p|div|body|article|head|meta|title)[\s>]/.test(text.slice(0, 65536).toLowerCase()));
}

/** Turns one input into a Document. Throws a RasdError for input that is not an article. */
export function loadDocument(input: SourceInput): Document {
  const warnings: Warning[] = [];
  let encoding = "utf-8";
  let raw: string;
  if (input.html !== undefined) raw = input.html;
  else if (input.text !== undefined) raw = input.text;
  else if (input.bytes) {
    if (input.bytes.length > MAX_INPUT_BYTES) {
      throw new RasdError("RASD_SOURCE_TOO_LARGE", `${(input.bytes.length / 1048576).toFixed(1)} MB, the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
    }
    const dec = decodeBytes(input.bytes, input.encodingHint);
    raw = dec.text;
    encoding = dec.encoding;
    for (const w of dec.warnings) warnings.push({ code: "RASD_SOURCE_DECODE", message: w, stage: "source" });
  } else throw new RasdError("RASD_USAGE", "loadDocument needs bytes, text or html");

  if (raw.length > MAX_INPUT_BYTES) throw new RasdError("RASD_SOURCE_TOO_LARGE", `${raw.length} characters`);
  // Line ends as \n: offsets must not depend on the platform that saved the file.
  if (raw.includes("\r")) raw = raw.replace(/\r\n?/g, "\n");
  if (!raw.trim()) throw new RasdError("RASD_SOURCE_EMPTY", "it holds only white space");
  // Control characters other than tab/newline mean a binary file that happened to decode.
  const head = raw.slice(0, 65536);
  const controls = CONTROL.test(head) ? (head.match(CONTROLS) ?? []).length : 0;
  if (controls > 8) throw new RasdError("RASD_SOURCE_BINARY", `${controls} control characters in the first 64 KB`);

  const kind: SourceKind = input.kind && input.kind !== "auto" ? input.kind : input.html !== undefined || looksLikeHtml(raw) ? "html" : "text";
  let text = raw;
  let meta: PageMeta = { ...(input.meta ?? {}) };
  let layout: SourceLayout | undefined;
  if (kind === "html") {
    const ex = extractHtml(raw, input.uri);
    text = ex.text;
    meta = { ...ex.meta, ...stripUndefined(meta) };
    layout = ex.layout;
    for (const w of ex.warnings) warnings.push({ code: "RASD_SOURCE_NO_ARTICLE", message: w, stage: "source" });
  } else if (input.meta?.title && !text.includes(input.meta.title.trim())) {
    // A JSON Lines or RSS item carries its title apart from its body: lay it out as a page does.
    const title = input.meta.title.trim();
    text = `${title}\n\n${text}`;
    layout = { headline: { start: 0, end: title.length, text: title } };
  }

  let dct: Dct = { value: null, origin: "none" };
  if (input.dct !== undefined) {
    if (!validDct(input.dct)) throw new RasdError("RASD_DCT_FORMAT", `got "${input.dct}"`);
    dct = { value: input.dct, origin: "given" };
  } else {
    const fromMeta = metaDate(meta.published);
    if (fromMeta) dct = { value: fromMeta, origin: "metadata" };
  }

  return {
    id: documentId(text),
    text,
    source: { kind: input.kind === "jsonl" ? "jsonl" : kind, ...(input.uri ? { uri: input.uri } : {}), encoding },
    // Only what the page declared: no keys left holding undefined or "".
    meta: stripUndefined(meta) as PageMeta,
    dct,
    ...(layout ? { layout } : {}),
    warnings,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
