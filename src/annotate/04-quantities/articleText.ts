/**
 * The article as the semantic annotators (quantities … topics) read it: the headline and body
 * paragraphs that the structure annotator found, never the page chrome. Where no structure is known
 * the whole text, line by line, stands in. Tokens and sentences are computed once per document and
 * shared by those annotators (cached on the document object; the document itself is not changed).
 */
import type { Annotations, Document, Span } from "../../types.js";
import { tokenize, type Token } from "../../text/tokenize.js";
import { splitSentences } from "../../text/sentences.js";

export interface ArticleText {
  /** Headline spans, then body paragraphs, in text order. */
  regions: Span[];
  /** Word, number and punctuation tokens inside the regions, in order. */
  tokens: Token[];
  /** `regionOf[i]` is the index in `regions` of token i. */
  regionOf: Int32Array;
  /** `regionEnd[i]` is one past the last token of token i's region. */
  regionEnd: Int32Array;
  /** Sentences inside the regions, in order. */
  sentences: Span[];
  /** `sentenceOf[i]` is the index in `sentences` of token i. */
  sentenceOf: Int32Array;
}

const cache = new WeakMap<Document, { structure: unknown; value: ArticleText }>();

function lines(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      let a = s, b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
      s = i + 1;
    }
  }
  return out;
}

/** The article's regions: headline(s) and paragraphs from `before.structure`, else every line. */
export function articleRegions(doc: Document, before: Readonly<Partial<Annotations>>): Span[] {
  const st = before.structure;
  if (st && st.paragraphs.length) {
    const spans = [...(st.headlineSpans ?? []), ...st.paragraphs];
    spans.sort((a, b) => a.start - b.start);
    const out: Span[] = [];
    for (const s of spans) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
    return out;
  }
  return lines(doc.text);
}

/** Regions, tokens and sentences of the article, computed once per document. */
export function articleText(doc: Document, before: Readonly<Partial<Annotations>>): ArticleText {
  const hit = cache.get(doc);
  if (hit && hit.structure === before.structure) return hit.value;
  const regions = articleRegions(doc, before);
  const tokens: Token[] = [];
  const regionOf: number[] = [];
  const sentences: Span[] = [];
  const sentenceOf: number[] = [];
  regions.forEach((r, ri) => {
    const toks = tokenize(doc.text, r.start, r.end);
    const sents = splitSentences(doc.text, r.start, r.end);
    let si = 0;
    for (const t of toks) {
      while (si < sents.length - 1 && t.start >= sents[si]!.end) si++;
      tokens.push(t);
      regionOf.push(ri);
      sentenceOf.push(sentences.length + si);
    }
    sentences.push(...sents);
  });
  const regionEnd = new Int32Array(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) regionEnd[i] = i + 1 < tokens.length && regionOf[i + 1] === regionOf[i] ? regionEnd[i + 1]! : i + 1;
  const value: ArticleText = { regions, tokens, regionOf: Int32Array.from(regionOf), regionEnd, sentences, sentenceOf: Int32Array.from(sentenceOf) };
  cache.set(doc, { structure: before.structure, value });
  return value;
}
