/**
 * Mention finding: the tagger's entities and the knowledge base's full-name matches over the
 * article's own text (headline, body, byline, dateline, publisher line — never boilerplate).
 *
 * 1. Split each region into sentences, tokenise them as ANERcorp is tokenised (words keep their
 *    clitics, punctuation apart); a run of more than MAX_RUN tokens is tagged in pieces.
 * 2. Tag every sentence with the two-pass tagger, with the whole document as context.
 * 3. Find knowledge-base names (longest match, spelling-tolerant). A name that covers the tagger's
 *    entities replaces them; one the tagger missed is added; where they disagree otherwise, the
 *    tagger's boundaries stand. In sports news a city's name that is also a club's is the club.
 * 4. Cut proclitics (و ف ب ل ك, not the article) off the first token, so mentions name the name.
 */
import type { Document, Span, Structure, EntityType } from "../../types.js";
import { tokenize, type Token } from "../../text/tokenize.js";
import { splitSentences } from "../../text/sentences.js";
import { normalize } from "../../text/normalize.js";
import { NerFeaturizer } from "../../ner/NerFeaturizer.js";
import { nerModel } from "../../ner/NerModel.js";
import { clubsOf, isSportSentence } from "../../ner/clubs.js";
import { LABELS } from "../../ner/labels.js";
import { AliasKind, type KbCandidate, type KbMatch } from "../../kb/KnowledgeBase.js";
import { NAME_PROCLITICS } from "../../kb/matchKey.js";
import { scaleOf } from "../../text/numberWords.js";
import { quantityLexicon } from "../04-quantities/quantityLexicon.js";

const MAX_RUN = 250;

export interface Sentence {
  tokens: Token[];
  /** The tokens' texts (one array per sentence: the featurizer remembers its work per array). */
  words: string[];
}

export interface RawMention {
  sentence: number;
  /** Token range [first, last) in the sentence. */
  first: number;
  last: number;
  type: EntityType;
  /** Knowledge-base candidates where the mention is a knowledge-base name. */
  kb?: KbCandidate[];
  /** Whether the knowledge base, rather than the tagger, found the mention. */
  fromKb: boolean;
  span: Span;
}

/** The spans of the text an entity may be found in. */
export function annotatableRegions(doc: Document, st: Structure | undefined): Array<[number, number]> {
  if (!st || (!st.paragraphs.length && !st.headlineSpans?.length)) return [[0, doc.text.length]];
  const spans: Span[] = [...(st.headlineSpans ?? []), ...st.paragraphs];
  for (const s of [st.bylineSpan, st.datelineSpan, st.publisherSpan]) if (s) spans.push(s);
  const sorted = spans.map((s) => [s.start, s.end] as [number, number]).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Sentences of tokens over the regions. */
export function sentencesOf(text: string, regions: Array<[number, number]>): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of regions) {
    for (const s of splitSentences(text, from, to)) {
      // A hashtag joins a name's words with "_" ("#صابر_الرباعي"): the tagger reads the words, and a
      // mention over them keeps the underscore in its text.
      const toks = tokenize(text, s.start, s.end).filter((t, i, all) => !(t.text === "_" && i > 0 && i + 1 < all.length
        && all[i - 1]!.end === t.start && all[i + 1]!.start === t.end && all[i - 1]!.kind === "word" && all[i + 1]!.kind === "word"));
      for (let k = 0; k < toks.length; k += MAX_RUN) {
        const tokens = toks.slice(k, k + MAX_RUN);
        out.push({ tokens, words: tokens.map((t) => t.text) });
      }
    }
  }
  return out;
}

/** Original characters of a token that hold its first `letters` normalised letters (plus their marks). */
export function originalPrefix(text: string, letters: number): number {
  if (letters <= 0) return 0;
  let seen = 0, i = 0;
  while (i < text.length && seen < letters) {
    seen += normalize(text[i]!).length;
    i++;
  }
  while (i < text.length && normalize(text[i]!) === "") i++;
  return i;
}

/** Letters of a proclitic to cut from the first token of a tagger entity that the KB does not know. */
function procliticCut(norm: string, known: (s: string) => boolean): number {
  if (norm.length < 4) return 0;
  // "ومقدونيا": the word list knows frequent words with their conjunction attached as well, so the
  // whole being known does not make و part of the name when what follows is a known word of four
  // letters or more (names that start with و or ف leave three: وليد، وائل، فارس).
  const c = norm.charCodeAt(0);
  if ((c === 0x648 || c === 0x641) && norm.length - 1 >= 4 && known(norm.slice(1))) return 1;
  if (known(norm)) return 0;
  for (const p of NAME_PROCLITICS) {
    if (!norm.startsWith(p) || norm.length - p.length < 2) continue;
    if (p.endsWith("ال")) return p.length - 2;
    if (p.endsWith("لل")) return p.length - 1;
    const rest = norm.slice(p.length);
    if (known(rest) || known("ال" + rest) || (p === "و" && rest.length >= 3)) return p.length;
  }
  return 0;
}

export function findMentions(text: string, sentences: Sentence[]): RawMention[] {
  const model = nerModel();
  const fz: NerFeaturizer = model.featurizer;
  const kb = fz.res.kb;
  const words = sentences.map((s) => s.words);
  const doc = NerFeaturizer.context(words.map((w) => fz.contextPairs(w)));
  const out: RawMention[] = [];
  // All sentences at once: a stacked tagger's second pass reads the first pass's labels of the
  // sentences around each one.
  const tagged = model.tagRun(words, doc);
  sentences.forEach((s, si) => {
    const n = s.tokens.length;
    if (!n) return;
    const tags = tagged[si]!;
    // Tagger chunks.
    const chunks: Array<{ first: number; last: number; type: EntityType; kb?: KbCandidate[]; fromKb: boolean; cut: number }> = [];
    for (let i = 0; i < n; ) {
      const lab = LABELS[tags[i]!]!;
      if (lab === "O") { i++; continue; }
      const type = lab.slice(2) as EntityType;
      let j = i + 1;
      while (j < n && LABELS[tags[j]!] === "I-" + type) j++;
      chunks.push({ first: i, last: j, type, fromKb: false, cut: -1 });
      i = j;
    }
    // Knowledge-base names (exact spellings only: a loose match alone is not evidence of a name).
    const norms = s.tokens.map((t) => t.norm);
    const kbHits: typeof chunks = [];
    // The tagger's gazetteer pass already found the exact knowledge-base matches of this sentence;
    // inside a match that is only a short form or a title, a full name may still start later.
    let sport: boolean | undefined;
    const addHit = (i: number, m: KbMatch): boolean => {
      const full = m.candidates.filter((c) => c.kind === AliasKind.Full);
      if (!full.length || (s.tokens[i]!.kind !== "word" && s.tokens[i]!.kind !== "latin")) return false;
      // In sports news a place's name that is also a club's is the club ("خسر روما أمام إشبيلية"),
      // and names it as its full name would (a short form otherwise links only once introduced).
      const clubs = clubsOf(fz, words[si]!, i, m);
      if (clubs && (sport ??= isSportSentence(fz, words[si]!))) kbHits.push({ first: i, last: i + m.length, type: "ORG", kb: clubs.map((c) => ({ ...c, kind: AliasKind.Full })), fromKb: true, cut: m.cut });
      else kbHits.push({ first: i, last: i + m.length, type: kb.typeOf(full[0]!.entity), kb: full, fromKb: true, cut: m.cut });
      return true;
    };
    for (const { at, match } of fz.gazetteerOf(words[si]!).kbMatches) {
      if (addHit(at, match)) continue;
      for (let j = at + 1; j < at + match.length; ) {
        const m = kb.matchAt(norms, j, n, false);
        if (m && addHit(j, m)) j += m.length;
        else j++;
      }
    }
    // Latin-script names ("( CNN )", "BBC", "Reuters"): the tagger learnt Arabic text and leaves
    // them out, so a run of Latin words that is exactly the English name of a core or country entity
    // is that entity.
    for (let i = 0; i < n; ) {
      if (s.tokens[i]!.kind !== "latin") { i++; continue; }
      let j = i + 1;
      while (j < n && s.tokens[j]!.kind === "latin" && text.slice(s.tokens[j - 1]!.end, s.tokens[j]!.start) === " ") j++;
      const ids = kb.byEnglishName(text.slice(s.tokens[i]!.start, s.tokens[j - 1]!.end));
      if (ids) kbHits.push({ first: i, last: j, type: kb.typeOf(ids[0]!), kb: ids.map((entity) => ({ entity, kind: AliasKind.Full, articles: 0 })), fromKb: true, cut: 0 });
      i = j;
    }
    const merged: typeof chunks = [];
    const used = new Set<number>();
    for (const h of kbHits) {
      const over = chunks.map((c, k) => [c, k] as const).filter(([c]) => c.first < h.last && h.first < c.last);
      if (!over.every(([c]) => h.first <= c.first && c.last <= h.last)) continue;
      // Without the tagger's support, only curated names or names of several words stand alone:
      // a one-word city from a gazetteer is too often an ordinary word ("كان").
      const curated = h.kb!.some((c) => kb.entities[c.entity]!.id.startsWith("core:")) || s.tokens[h.first]!.kind === "latin";
      if (!over.length && !curated && h.last - h.first < 2) continue;
      for (const [, k] of over) used.add(k);
      merged.push(h);
    }
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k]!;
      if (used.has(k)) continue;
      // The tagger learnt Arabic text; a run of Latin words it calls a name is too often a term.
      let latin = true;
      for (let t = c.first; t < c.last; t++) if (s.tokens[t]!.kind !== "latin") latin = false;
      if (latin) continue;
      // A currency after an amount is the currency (MISC, as ANERcorp has "دولار"), whatever the
      // tagger learnt of the word: "250 ألف ريال" is not Real Madrid.
      if (c.type !== "MISC" && c.last - c.first === 1 && c.first > 0) {
        const prev = s.tokens[c.first - 1]!;
        if (quantityLexicon().currencyWords.has(s.tokens[c.first]!.norm) && (prev.kind === "number" || scaleOf(prev.norm) !== undefined)) c.type = "MISC";
      }
      if (merged.some((h) => h.first < c.last && c.first < h.last)) continue;
      merged.push(c);
    }
    merged.sort((a, b) => a.first - b.first);
    for (const c of merged) {
      const firstTok = s.tokens[c.first]!, lastTok = s.tokens[c.last - 1]!;
      let cut = c.cut;
      if (cut < 0) {
        // A tagger chunk the knowledge base may still know (with a proclitic): take the KB's cut.
        // A loose (transliteration) match links only to an entity of the tagger's type.
        const m = kb.matchAt(norms, c.first, c.last, true);
        const cands = m && m.length === c.last - c.first ? (m.fuzzy ? m.candidates.filter((x) => kb.typeOf(x.entity) === c.type) : m.candidates) : [];
        cut = m && cands.length ? m.cut : procliticCut(firstTok.norm, fz.res.known);
        if (cands.length) c.kb = cands;
      }
      const start = firstTok.start + originalPrefix(firstTok.text, cut);
      const end = lastTok.end;
      if (end <= start) continue;
      out.push({ sentence: si, first: c.first, last: c.last, type: c.type, ...(c.kb ? { kb: c.kb } : {}), fromKb: c.fromKb, span: { start, end, text: text.slice(start, end) } });
    }
  });
  return out;
}
