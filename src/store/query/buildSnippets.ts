/**
 * Snippets with highlights, computed from the stored text: the text is tokenised and stemmed exactly
 * as the index was, so a highlight covers the very characters that matched ("وترامبُ" whole, with its
 * diacritic). Offsets are into the record text.
 */
import { stemTokens, stemTokensNear, type StemmedToken } from "../../text/stem.js";
import type { QueryTerm } from "./parseQuery.js";

export interface Snippet {
  text: string;
  start: number;
  end: number;
  highlights: Array<[number, number]>;
}

const WIDTH = 240;

/** Where the query's words and phrases occur in `text`, as [start, end) ranges in order. */
export function findHighlights(text: string, terms: readonly QueryTerm[], given?: StemmedToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!terms.length) return out;
  const { words, phrases, needles } = lookFor(terms);
  // Only the tokens that can match are stemmed; `n` keeps their places, so a phrase still needs its
  // words next to each other in the text, not merely in this list. Without a phrase the places are
  // not needed, and only the words around a needle are tokenised.
  const tokens = given ?? (phrases.length ? stemTokens(text, needles) : stemTokensNear(text, needles));
  const place = (i: number) => tokens[i]!.n ?? i;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (words.has(tok.stem)) {
      out.push([tok.start, tok.end]);
      continue;
    }
    for (const ph of phrases) {
      if (i + ph.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < ph.length && ok; k++) ok = tokens[i + k]!.stem === ph[k] && place(i + k) === place(i) + k;
      if (ok) {
        out.push([tok.start, tokens[i + ph.length - 1]!.end]);
        i += ph.length - 1;
        break;
      }
    }
  }
  return out;
}

interface LookFor {
  words: Set<string>;
  phrases: string[][];
  needles: string[];
}
/** What findHighlights looks for, worked out once per query: a search asks it of every hit. */
const lookForOf = new WeakMap<readonly QueryTerm[], LookFor>();
function lookFor(terms: readonly QueryTerm[]): LookFor {
  let l = lookForOf.get(terms);
  if (!l) {
    l = {
      words: new Set(terms.filter((t) => t.stems.length === 1).map((t) => t.stems[0]!)),
      phrases: terms.filter((t) => t.stems.length > 1).map((t) => t.stems),
      needles: [...new Set(terms.flatMap((t) => t.stems))],
    };
    lookForOf.set(terms, l);
  }
  return l;
}

function widen(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  // Never cut a word: move to the nearest space (or a line start) outward, within 30 characters.
  for (let k = 0; k < 30 && s > 0 && !/\s/.test(text[s - 1]!); k++) s--;
  for (let k = 0; k < 30 && e < text.length && !/\s/.test(text[e]!); k++) e++;
  const nl = text.lastIndexOf("\n", end - 1);
  if (nl >= s && nl < start) s = nl + 1;
  const nl2 = text.indexOf("\n", start);
  if (nl2 >= 0 && nl2 < e && nl2 >= end) e = nl2;
  return [s, e];
}

/**
 * Up to `max` snippets around the densest clusters of highlights. Without highlights (a filter-only
 * query) the lead of the article is the snippet. `from` skips a headline at the start of the text.
 */
export function buildSnippets(text: string, terms: readonly QueryTerm[], max = 2, from = 0): Snippet[] {
  return snippetsOf(text, findHighlights(text, terms), max, from);
}

/** buildSnippets from highlights already found (the tests give those of stemming every token). */
export function snippetsOf(text: string, hl: ReadonlyArray<[number, number]>, max = 2, from = 0): Snippet[] {
  if (!hl.length) {
    const start = from < text.length ? from : 0;
    const [s, e] = widen(text, start, start + WIDTH);
    return [{ text: text.slice(s, e), start: s, end: e, highlights: [] }];
  }
  const snippets: Snippet[] = [];
  const used = new Set<number>();
  while (snippets.length < max) {
    // The window (starting at some highlight) that holds most highlights not used yet.
    let best = -1;
    let bestCount = 0;
    for (let i = 0; i < hl.length; i++) {
      if (used.has(i)) continue;
      let c = 0;
      for (let j = i; j < hl.length && hl[j]![1] - hl[i]![0] <= WIDTH; j++) if (!used.has(j)) c++;
      if (c > bestCount) {
        bestCount = c;
        best = i;
      }
    }
    if (best < 0) break;
    const first = hl[best]!;
    const [s, e] = widen(text, first[0] - 60, first[0] + WIDTH - 60);
    if (snippets.some((x) => s < x.end && e > x.start)) {
      for (let j = 0; j < hl.length; j++) if (hl[j]![0] >= s && hl[j]![1] <= e) used.add(j);
      used.add(best);
      continue;
    }
    const inside = hl.filter(([a, b]) => a >= s && b <= e);
    for (let j = 0; j < hl.length; j++) if (hl[j]![0] >= s && hl[j]![1] <= e) used.add(j);
    snippets.push({ text: text.slice(s, e), start: s, end: e, highlights: inside });
  }
  return snippets.sort((a, b) => a.start - b.start);
}
