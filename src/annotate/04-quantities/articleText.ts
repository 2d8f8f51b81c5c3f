/**
 * The article as the semantic annotators (quantities … topics) read it: the headline and body
 * paragraphs that the structure annotator found, never the page chrome. Where no structure is known
 * the whole text, line by line, stands in. Tokens and sentences are computed once per document and
 * shared by those annotators (kept for the last few documents; the document itself is not changed).
 */
import type { Annotations, Document, Entity, Span } from "../../types.js";
import type { Token } from "../../text/tokenize.js";
import { fastTokenize, normEpoch, trimNormIds } from "./fastTokenize.js";

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
  /** `ids[i]` numbers token i's normal form (see fastTokenize's normIdOf), valid in `epoch`. */
  ids: Int32Array;
  epoch: number;
}

/**
 * The last few documents' texts. The annotators of one document run one after another, so a few
 * slots always hold it; a WeakMap did the same, but every document added an ephemeron that each
 * young-generation collection had to trace (a measurable share of the annotators' time).
 */
const SLOTS = 4;
const cacheDocs: Array<Document | undefined> = new Array(SLOTS).fill(undefined);
const cacheEntries: Array<{ structure: unknown; value: ArticleText } | undefined> = new Array(SLOTS).fill(undefined);
let cacheNext = 0;
const cache = {
  get(doc: Document) {
    for (let k = 0; k < SLOTS; k++) if (cacheDocs[k] === doc) return cacheEntries[k];
    return undefined;
  },
  set(doc: Document, entry: { structure: unknown; value: ArticleText }) {
    for (let k = 0; k < SLOTS; k++) {
      if (cacheDocs[k] === doc) {
        cacheEntries[k] = entry;
        return;
      }
    }
    cacheDocs[cacheNext] = doc;
    cacheEntries[cacheNext] = entry;
    cacheNext = (cacheNext + 1) % SLOTS;
  },
};

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

const OPEN: Record<string, string> = { "«": "»", "“": "”", "‹": "›" };
const CLOSERS = new Set(["»", "”", "›"]);
const ENDERS = new Set([".", "!", "?", "؟", "…", "۔"]);
/** A quoted passage longer than this many characters no longer protects its full stops. */
const MAX_QUOTE = 2000;
let endsScratch = new Uint8Array(1024);

/**
 * Sentence ends over one paragraph's tokens (`toks` from `from` to `to`), with the rules of text/sentences.ts: a full stop
 * inside «…» or “…” does not end the sentence; "3.5" and "U.S." are not ends; the marks and closers
 * that follow an end belong to it. `ends[k - from]` is true when token k closes a sentence.
 */
function sentenceEnds(toks: readonly Token[], from: number, to: number): Uint8Array {
  // One array for every paragraph of every article, cleared as far as this paragraph needs.
  if (endsScratch.length < to - from) endsScratch = new Uint8Array(Math.max(to - from, 2 * endsScratch.length));
  const ends = endsScratch;
  ends.fill(0, 0, to - from);
  const stack: Array<{ close: string; at: number }> = [];
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.kind !== "punct" && t.kind !== "symbol") continue;
    const close = OPEN[t.text];
    if (close) {
      stack.push({ close, at: t.start });
      continue;
    }
    if (CLOSERS.has(t.text)) {
      for (let j = stack.length - 1; j >= 0; j--) {
        if (stack[j]!.close === t.text) {
          stack.length = j;
          break;
        }
      }
      continue;
    }
    if (stack.length && t.start - stack[0]!.at > MAX_QUOTE) stack.length = 0;
    if (!ENDERS.has(t.text) || stack.length) continue;
    const next = k + 1 < to ? toks[k + 1] : undefined;
    if (t.text === "." && next && next.start === t.end && next.kind !== "punct" && next.kind !== "symbol") continue;
    let j = k;
    while (j + 1 < to && toks[j + 1]!.start === toks[j]!.end && (ENDERS.has(toks[j + 1]!.text) || CLOSERS.has(toks[j + 1]!.text) || toks[j + 1]!.text === ")" || toks[j + 1]!.text === '"')) j++;
    ends[j - from] = 1;
    k = j;
  }
  return ends;
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
  // Ids from before the numbering started over would name other words.
  if (hit && hit.structure === before.structure && hit.value.epoch === normEpoch()) return hit.value;
  const regions = articleRegions(doc, before);
  trimNormIds();
  const ids: number[] = [];
  const tokens: Token[] = [];
  // All regions are tokenised first, so the per-token arrays are typed ones of the final length
  // (no growing number arrays copied over at the end).
  const bounds = new Int32Array(regions.length + 1);
  for (let ri = 0; ri < regions.length; ri++) {
    fastTokenize(doc.text, regions[ri]!.start, regions[ri]!.end, ids, tokens);
    bounds[ri + 1] = tokens.length;
  }
  const n = tokens.length;
  // One buffer for the four per-token arrays: each typed array's own buffer costs an allocation
  // outside the JavaScript heap, dearer than the filling.
  const buf = new Int32Array(4 * n);
  const regionOf = buf.subarray(0, n), regionEnd = buf.subarray(n, 2 * n), sentenceOf = buf.subarray(2 * n, 3 * n);
  const idArray = buf.subarray(3 * n, 4 * n);
  idArray.set(ids);
  const sentences: Span[] = [];
  for (let ri = 0; ri < regions.length; ri++) {
    const from = bounds[ri]!, to = bounds[ri + 1]!;
    if (from === to) continue;
    const ends = sentenceEnds(tokens, from, to);
    let first = from;
    for (let k = from; k < to; k++) {
      regionOf[k] = ri;
      regionEnd[k] = to;
      sentenceOf[k] = sentences.length;
      if (ends[k - from] || k === to - 1) {
        const a = tokens[first]!.start, b = tokens[k]!.end;
        sentences.push({ start: a, end: b, text: doc.text.slice(a, b) });
        first = k + 1;
      }
    }
  }
  const value: ArticleText = { regions, tokens, regionOf, regionEnd, sentences, sentenceOf, ids: idArray, epoch: normEpoch() };
  cache.set(doc, { structure: before.structure, value });
  return value;
}

/** An entity mention as the annotators after entities read it by token. */
export interface TokenMention {
  start: number;
  end: number;
  entity: string;
  type: Entity["type"];
}

export interface MentionIndex {
  /** Every mention of every entity, by start. */
  mentions: TokenMention[];
  /** `at[i]` is the index in `mentions` of the mention covering token i, or −1. */
  at: Int32Array;
}

/** The mention index of the latest article (one slot: see the text cache above). */
let mentionArt: ArticleText | undefined;
let mentionEntry: { entities: readonly Entity[]; value: MentionIndex } | undefined;
const mentionCache = {
  get: (art: ArticleText) => (art === mentionArt ? mentionEntry : undefined),
  set(art: ArticleText, entry: { entities: readonly Entity[]; value: MentionIndex }) {
    mentionArt = art;
    mentionEntry = entry;
  },
};

/** The entity mentions by token, computed once per article for the quotes' speakers and the events' actors. */
export function mentionIndex(art: ArticleText, entities: readonly Entity[]): MentionIndex {
  const hit = mentionCache.get(art);
  if (hit && hit.entities === entities) return hit.value;
  const { tokens } = art;
  const mentions: TokenMention[] = [];
  for (const e of entities) for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e.id, type: e.type });
  mentions.sort((a, b) => a.start - b.start);
  const at = new Int32Array(tokens.length).fill(-1);
  let mi = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (mi < mentions.length && mentions[mi]!.end <= t.start) mi++;
    const m = mentions[mi];
    if (m && m.start < t.end && m.end > t.start) at[i] = mi;
  }
  const value = { mentions, at };
  mentionCache.set(art, { entities, value });
  return value;
}
