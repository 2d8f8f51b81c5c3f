/**
 * HTML pages: the article's main content (Mozilla Readability over linkedom's DOM) and the page's own
 * metadata (JSON-LD NewsArticle/Article, OpenGraph, <time datetime>, <meta name="pubdate">-style
 * tags). The extracted text is laid out as the headline, a blank line, then one paragraph a line, and
 * the layout records where each part sits so the structure annotator need not guess.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import type { PageMeta, SourceLayout, Span } from "../types.js";
import { RasdError } from "../errors.js";
import { metaDate } from "./metaDate.js";

export interface HtmlExtract {
  text: string;
  meta: PageMeta;
  layout: SourceLayout;
  warnings: string[];
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd, dt, figcaption";

function clean(s: string | null | undefined): string {
  return (s ?? "").replace(/[\s\u00A0]+/g, " ").trim();
}

type JsonLd = Record<string, unknown>;

function flattenJsonLd(node: unknown, out: JsonLd[]): void {
  if (Array.isArray(node)) for (const n of node) flattenJsonLd(n, out);
  else if (node && typeof node === "object") {
    out.push(node as JsonLd);
    const graph = (node as JsonLd)["@graph"];
    if (graph) flattenJsonLd(graph, out);
  }
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return clean(v) || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join("، ") || undefined;
  if (v && typeof v === "object") return nameOf((v as JsonLd)["name"]);
  return undefined;
}

function readJsonLd(document: Document): PageMeta {
  const meta: PageMeta = {};
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? "");
    } catch {
      continue;
    }
    const nodes: JsonLd[] = [];
    flattenJsonLd(data, nodes);
    for (const n of nodes) {
      const type = ([] as unknown[]).concat(n["@type"] ?? []).map(String);
      if (!type.some((t) => /Article|NewsArticle|ReportageNewsArticle|BlogPosting/i.test(t))) continue;
      meta.title ??= nameOf(n["headline"]);
      meta.published ??= typeof n["datePublished"] === "string" ? n["datePublished"] : undefined;
      meta.section ??= nameOf(n["articleSection"]);
      meta.author ??= nameOf(n["author"]);
      meta.publisher ??= nameOf(n["publisher"]);
      meta.description ??= nameOf(n["description"]);
      meta.url ??= typeof n["url"] === "string" ? n["url"] : undefined;
    }
  }
  return meta;
}

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = clean(el?.getAttribute("content") ?? el?.getAttribute("datetime"));
    if (v) return v;
  }
  return undefined;
}

function metaDates(document: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 5)) {
      const v = clean(el.getAttribute("content") ?? el.getAttribute("datetime"));
      if (metaDate(v)) return v;
    }
  }
  return undefined;
}

/** Reads the page's metadata without touching the body. */
export function readPageMeta(document: Document): PageMeta {
  const meta = readJsonLd(document);
  meta.title ??= metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (clean(document.querySelector("title")?.textContent) || undefined);
  // The first date the page states in a readable form (a bare "pubdate" of 20190131 included).
  if (!metaDate(meta.published)) meta.published = undefined;
  meta.published ??= metaDates(document, [
    'meta[property="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[itemprop="datePublished"]',
    "time[datetime]",
  ]);
  meta.section ??= metaContent(document, ['meta[property="article:section"]', 'meta[name="section"]']);
  meta.author ??= metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']);
  meta.publisher ??= metaContent(document, ['meta[property="og:site_name"]', 'meta[name="publisher"]']);
  meta.description ??= metaContent(document, ['meta[property="og:description"]', 'meta[name="description"]']);
  meta.url ??= metaContent(document, ['meta[property="og:url"]']) ?? (document.querySelector('link[rel="canonical"]')?.getAttribute("href") || undefined);
  meta.lang = document.documentElement?.getAttribute("lang") || undefined;
  return meta;
}

/** Extracts the article text and metadata from an HTML page. Throws RASD_SOURCE_NO_ARTICLE when there is none. */
export function extractHtml(html: string, uri?: string): HtmlExtract {
  const warnings: string[] = [];
  const { document } = parseHTML(html);
  const meta = readPageMeta(document as unknown as Document);

  // Readability mutates the DOM it is given, so it gets its own parse.
  let paragraphs: string[] = [];
  try {
    const { document: doc2 } = parseHTML(html);
    const article = new Readability(doc2 as unknown as Document, { charThreshold: 100, keepClasses: false }).parse();
    if (article?.content) {
      const { document: frag } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      paragraphs = blockTexts(frag as unknown as Document);
      if (!meta.title && article.title) meta.title = clean(article.title);
      if (!meta.author && article.byline) meta.author = clean(article.byline);
    }
  } catch (e) {
    warnings.push(`readability failed: ${(e as Error).message}`);
  }
  if (paragraphs.join("").length < 80) {
    // Fall back to the page's own paragraphs when Readability finds no article container.
    const body = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
    if (body) {
      for (const s of Array.from((body as Element).querySelectorAll("script, style, noscript, nav, header, footer, aside, form"))) s.remove();
      const fallback = blockTexts(body as unknown as Document);
      if (fallback.join("").length > paragraphs.join("").length) paragraphs = fallback;
    }
  }
  paragraphs = paragraphs.filter((p) => p.length > 0);
  if (!paragraphs.length) throw new RasdError("RASD_SOURCE_NO_ARTICLE", uri);

  const title = meta.title ? stripSiteSuffix(meta.title, meta.publisher) : undefined;
  if (title && paragraphs[0] && clean(paragraphs[0]) === title) paragraphs.shift();
  let text = "";
  const layout: SourceLayout = { paragraphs: [] };
  if (title) {
    layout.headline = { start: 0, end: title.length, text: title };
    text = title + "\n\n";
  }
  for (const p of paragraphs) {
    const span: Span = { start: text.length, end: text.length + p.length, text: p };
    layout.paragraphs!.push(span);
    text += p + "\n";
  }
  return { text: text.replace(/\n$/, ""), meta: { ...meta, title }, layout, warnings };
}

function blockTexts(root: Document | Element): string[] {
  const blocks = Array.from((root as Element).querySelectorAll(BLOCKS)) as Element[];
  // Keep only the innermost blocks so nested <li><p> is not read twice.
  const leaves = blocks.filter((b) => !b.querySelector(BLOCKS));
  const texts = leaves.map((b) => clean(b.textContent)).filter(Boolean);
  if (!texts.length) {
    const all = clean((root as Element).textContent);
    return all ? [all] : [];
  }
  return texts;
}

/** "عنوان الخبر | سكاي نيوز عربية" → "عنوان الخبر". */
function stripSiteSuffix(title: string, publisher?: string): string {
  const m = /^(.*\S)\s+[|\-–—]\s+([^|\-–—]{2,40})$/.exec(title);
  if (m && (!publisher || m[2]!.includes(publisher) || publisher.includes(m[2]!.trim()))) return m[1]!;
  return title;
}
