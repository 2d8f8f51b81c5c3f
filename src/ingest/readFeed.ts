/**
 * RSS 2.0 and Atom feeds: one SourceInput per item or entry, with its title, link, date and category
 * as page metadata, and its full content (content:encoded / Atom content) or, failing that, its
 * description. Scanned with indexOf, never a backtracking regex, so a hostile feed stays linear.
 */
import type { SourceInput } from "../sources/index.js";

export interface FeedItem {
  input: SourceInput;
}

/** Whether a text is an RSS or Atom feed (looked for near the start). */
export function isFeed(head: string): "rss" | "atom" | null {
  const h = head.slice(0, 2000);
  if (/<rss[\s>]|<rdf:RDF[\s>]/i.test(h)) return "rss";
  if (/<feed[\s>]/i.test(h) && /xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom/i.test(h)) return "atom";
  if (/<feed[\s>]/i.test(h)) return "atom";
  return null;
}

/** The elements named `tag` (their inner XML), found with indexOf. */
function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let pos = 0;
  for (;;) {
    let s = xml.indexOf(open, pos);
    while (s >= 0 && !/[\s>/]/.test(xml[s + open.length] ?? "")) s = xml.indexOf(open, s + 1);
    if (s < 0) break;
    const gt = xml.indexOf(">", s);
    if (gt < 0) break;
    if (xml[gt - 1] === "/") {
      out.push(xml.slice(s, gt + 1));
      pos = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) break;
    out.push(xml.slice(s, e + close.length));
    pos = e + close.length;
  }
  return out;
}

function inner(el: string): string {
  const gt = el.indexOf(">");
  const lt = el.lastIndexOf("</");
  return gt >= 0 && lt > gt ? el.slice(gt + 1, lt) : "";
}

function attr(el: string, name: string): string | undefined {
  const head = el.slice(0, el.indexOf(">") + 1);
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(head);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Text of an element: CDATA kept as is, entities decoded otherwise. */
function textOf(el: string | undefined): string {
  if (!el) return "";
  const x = inner(el).trim();
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    const s = x.indexOf("<![CDATA[", pos);
    if (s < 0) {
      parts.push(decodeEntities(x.slice(pos)));
      break;
    }
    parts.push(decodeEntities(x.slice(pos, s)));
    const e = x.indexOf("]]>", s + 9);
    parts.push(x.slice(s + 9, e < 0 ? x.length : e));
    pos = e < 0 ? x.length : e + 3;
  }
  return parts.join("").trim();
}

function first(item: string, ...tags: string[]): string | undefined {
  for (const t of tags) {
    const e = elements(item, t)[0];
    if (e) return e;
  }
  return undefined;
}

function toIso(d: string): string | undefined {
  if (!d) return undefined;
  const t = Date.parse(d);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The items of a feed as inputs for the pipeline; items with no text are skipped. */
export function readFeed(xml: string, uri?: string): SourceInput[] {
  const kind = isFeed(xml) ?? "rss";
  const items = kind === "atom" ? elements(xml, "entry") : elements(xml, "item");
  const out: SourceInput[] = [];
  for (const item of items) {
    const title = textOf(first(item, "title"));
    const linkEl = kind === "atom" ? elements(item, "link").find((l) => !attr(l, "rel") || attr(l, "rel") === "alternate") : first(item, "link");
    const link = kind === "atom" ? (linkEl ? attr(linkEl, "href") : undefined) : textOf(linkEl);
    const date = textOf(first(item, "pubDate", "published", "updated", "dc:date"));
    const category = kind === "atom" ? (() => { const c = first(item, "category"); return c ? attr(c, "term") ?? textOf(c) : undefined; })() : textOf(first(item, "category")) || undefined;
    const body = textOf(first(item, "content:encoded", "content")) || textOf(first(item, "description", "summary"));
    if (!body.trim()) continue;
    const isHtml = /<\/?(p|div|br|span|a|img|strong|em|h\d)\b/i.test(body);
    const published = toIso(date);
    out.push({
      ...(isHtml ? { html: `<html><body><article>${title ? `<h1>${escapeHtml(title)}</h1>` : ""}${body}</article></body></html>`, kind: "html" as const } : { text: body, kind: "text" as const }),
      ...(link || uri ? { uri: link || uri } : {}),
      meta: {
        ...(title ? { title } : {}),
        ...(link ? { url: link } : {}),
        ...(published ? { published } : {}),
        ...(category ? { category } : {}),
      },
    });
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
