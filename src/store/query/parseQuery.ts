/**
 * The one query language of both engines. A query is read, never rejected: whatever the user types
 * (unbalanced quotes, FTS operators, 10 KB of text) becomes a ParsedQuery plus warnings.
 *
 *   words                 every word must occur (stemmed: "ترامب" finds "وترامب")
 *   "a phrase"            the words in this order
 *   -word, -"a phrase"    must not occur
 *   entity:ترامب          an entity by canonical id (kb, "PER:…"), Arabic or English name; entity:"دونالد ترامب"
 *   type:PER              entities of this type (PER ORG LOC MISC); narrows entity: filters
 *   speaker:بومبيو        a quote by this speaker
 *   outlet:… section:…    the outlet / section (several values of one field: any of them)
 *   date:2018-01..2018-03 publication date (also date:2018, date:2018-01-05, from:, to:)
 *   event:2018-01         an event date: a time expression in the text that falls in the range
 *   sort:date|oldest|relevance
 */
import type { EntityType } from "../../types.js";
import { normalize } from "../../text/normalize.js";
import { stemTokens } from "../../text/stem.js";

export interface QueryTerm {
  /** The stems, in order (one for a word, several for a phrase). */
  stems: string[];
  phrase: boolean;
  negated: boolean;
  raw: string;
}

export interface DateRange {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface EntityFilter {
  raw: string;
  /** Normalised form (for name, key and English name equality). */
  norm: string;
  /** Stems of the name (for "ترامب" finding "دونالد ترامب"). */
  stems: string[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  entities: EntityFilter[];
  types: EntityType[];
  speakers: EntityFilter[];
  outlets: string[];
  sections: string[];
  date?: DateRange;
  eventDate?: DateRange;
  sort?: "relevance" | "date" | "oldest";
  warnings: string[];
}

/** Longer queries are cut here (a search box is not a document). */
export const MAX_QUERY_CHARS = 1000;
export const MAX_TERMS = 16;
const MAX_PHRASE_STEMS = 12;
const FIELDS = new Set(["entity", "type", "speaker", "outlet", "section", "date", "from", "to", "after", "before", "event", "eventdate", "sort"]);
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);
const TYPES = new Set(["PER", "ORG", "LOC", "MISC"]);

/** Normalised comparison form of an outlet, section or name: folded letters, lower case, single spaces. */
export function fieldValue(s: string): string {
  return normalize(s).replace(/\s+/g, " ").trim();
}

interface Piece {
  field?: string;
  value: string;
  quoted: boolean;
  negated: boolean;
}

function lex(q: string, warnings: string[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    while (i < n && /\s/.test(q[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    if (q[i] === "-" && i + 1 < n && !/\s/.test(q[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: string | undefined;
    const m = /^([A-Za-z]{2,10}):/.exec(q.slice(i, i + 12));
    if (m && FIELDS.has(m[1]!.toLowerCase())) {
      field = m[1]!.toLowerCase();
      i += m[0].length;
    }
    if (q[i] === '"' || q[i] === "“" || q[i] === "«") {
      const close = q[i] === "«" ? "»" : q[i] === "“" ? "”" : '"';
      const end = q.indexOf(close, i + 1);
      if (end < 0) {
        warnings.push("unbalanced quotation mark: the rest of the query was read as a phrase");
        out.push({ field, value: q.slice(i + 1), quoted: true, negated });
        break;
      }
      out.push({ field, value: q.slice(i + 1, end), quoted: true, negated });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(q[j]!)) j++;
    out.push({ field, value: q.slice(i, j), quoted: false, negated });
    i = j;
  }
  return out;
}

const DAY = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2018" → [2018-01-01, 2018-12-31]; "2018-02" → the month; "2018-02-05" → the day. */
function dateBounds(s: string): DateRange | null {
  const m = DAY.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const pad = (x: number) => String(x).padStart(2, "0");
  if (m[2] === undefined) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  const d = Number(m[3]);
  if (d < 1 || d > lastDay(y, mo)) return null;
  return { from: `${y}-${pad(mo)}-${pad(d)}`, to: `${y}-${pad(mo)}-${pad(d)}` };
}

function parseRange(v: string): DateRange | null {
  const ascii = normalize(v);
  const dots = ascii.indexOf("..");
  if (dots >= 0) {
    const a = ascii.slice(0, dots).trim();
    const b = ascii.slice(dots + 2).trim();
    const lo = a ? dateBounds(a) : {};
    const hi = b ? dateBounds(b) : {};
    if (lo === null || hi === null || (!a && !b)) return null;
    return { ...(lo.from ? { from: lo.from } : {}), ...(hi.to ? { to: hi.to } : {}) };
  }
  return dateBounds(ascii);
}

function merge(a: DateRange | undefined, b: DateRange): DateRange {
  const r: DateRange = { ...(a ?? {}) };
  if (b.from && (!r.from || b.from > r.from)) r.from = b.from;
  if (b.to && (!r.to || b.to < r.to)) r.to = b.to;
  return r;
}

function entityFilter(raw: string): EntityFilter | null {
  const norm = fieldValue(raw);
  if (!norm) return null;
  return { raw, norm, stems: stemTokens(raw).map((t) => t.stem).slice(0, MAX_PHRASE_STEMS) };
}

/** Reads a query. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const warnings: string[] = [];
  let q = typeof input === "string" ? input : String(input ?? "");
  if (q.length > MAX_QUERY_CHARS) {
    warnings.push(`the query was cut to its first ${MAX_QUERY_CHARS} characters`);
    q = q.slice(0, MAX_QUERY_CHARS);
  }
  const pq: ParsedQuery = { terms: [], entities: [], types: [], speakers: [], outlets: [], sections: [], warnings };
  let dropped = 0;
  for (const p of lex(q, warnings)) {
    if (p.field) {
      const v = p.value.trim();
      if (!v) {
        warnings.push(`${p.field}: has no value`);
        continue;
      }
      switch (p.field) {
        case "entity": {
          const f = entityFilter(v);
          if (f) pq.entities.push(f);
          break;
        }
        case "speaker": {
          const f = entityFilter(v);
          if (f) pq.speakers.push(f);
          break;
        }
        case "type": {
          const t = v.toUpperCase();
          if (TYPES.has(t)) pq.types.push(t as EntityType);
          else warnings.push(`type:${v} is not one of PER, ORG, LOC, MISC; ignored`);
          break;
        }
        case "outlet":
          pq.outlets.push(fieldValue(v));
          break;
        case "section":
          pq.sections.push(fieldValue(v));
          break;
        case "sort": {
          const s = v.toLowerCase();
          if (s === "date" || s === "newest") pq.sort = "date";
          else if (s === "oldest") pq.sort = "oldest";
          else if (s === "relevance") pq.sort = "relevance";
          else warnings.push(`sort:${v} is not date, oldest or relevance; ignored`);
          break;
        }
        case "date":
        case "event":
        case "eventdate": {
          const r = parseRange(v);
          if (!r) warnings.push(`${p.field}:${v} is not a date or range (YYYY[-MM[-DD]][..YYYY[-MM[-DD]]]); ignored`);
          else if (p.field === "date") pq.date = merge(pq.date, r);
          else pq.eventDate = merge(pq.eventDate, r);
          break;
        }
        case "from":
        case "after":
        case "to":
        case "before": {
          const r = dateBounds(normalize(v));
          if (!r) warnings.push(`${p.field}:${v} is not a date (YYYY[-MM[-DD]]); ignored`);
          else pq.date = merge(pq.date, p.field === "from" || p.field === "after" ? { from: r.from! } : { to: r.to! });
          break;
        }
      }
      continue;
    }
    if (!p.quoted && OPERATORS.has(p.value)) {
      warnings.push(`"${p.value}" is not an operator here: all words are required; use -word to exclude`);
      continue;
    }
    const stems = stemTokens(p.value).map((t) => t.stem);
    if (!stems.length) continue;
    if (p.quoted && stems.length > 1) {
      if (pq.terms.length >= MAX_TERMS) { dropped++; continue; }
      if (stems.length > MAX_PHRASE_STEMS) warnings.push(`a phrase was cut to its first ${MAX_PHRASE_STEMS} words`);
      pq.terms.push({ stems: stems.slice(0, MAX_PHRASE_STEMS), phrase: true, negated: p.negated, raw: p.value });
      continue;
    }
    // A bare token may hold several words once punctuation is dropped ("ترامب،بوتين"): each is a word.
    for (const s of stems) {
      if (pq.terms.length >= MAX_TERMS) { dropped++; continue; }
      if (pq.terms.some((t) => !t.phrase && t.stems[0] === s && t.negated === p.negated)) continue;
      pq.terms.push({ stems: [s], phrase: false, negated: p.negated, raw: p.value });
    }
  }
  if (dropped) warnings.push(`only the first ${MAX_TERMS} words were used (${dropped} dropped)`);
  if (pq.date?.from && pq.date.to && pq.date.from > pq.date.to) warnings.push("the date range is empty (from is after to)");
  return pq;
}

/** Stems that a result should highlight: the positive terms' stems. */
export function highlightTerms(pq: ParsedQuery): QueryTerm[] {
  return pq.terms.filter((t) => !t.negated);
}
