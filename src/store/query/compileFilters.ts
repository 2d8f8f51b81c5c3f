/**
 * The filters of a parsed query as SQL conditions over `articles a`, shared by both engines (the
 * tables and columns are the same; only placeholders and the full-text condition differ).
 */
import type { EntityFilter, ParsedQuery } from "./parseQuery.js";

export interface Dialect {
  /** Adds a parameter and returns its placeholder ("?" or "$3"). */
  param(value: unknown): string;
  /** How a subquery names the index it must read ("INDEXED BY …" in SQLite), where the planner needs telling. */
  indexedBy?(index: string): string;
}

function entityMatch(f: EntityFilter, d: Dialect, alias: string): string {
  // One placeholder per use: SQLite's "?" are positional.
  const v = () => d.param(f.norm);
  const parts = [`${alias}.key = ${d.param(f.raw)}`, `${alias}.key = ${v()}`, `${alias}.kb = ${d.param(f.raw)}`, `${alias}.name_norm = ${v()}`, `${alias}.en_norm = ${v()}`];
  if (f.stems.length) {
    parts.push("(" + f.stems.map((s) => `(' ' || ${alias}.name_stems || ' ') LIKE ${d.param(`% ${s} %`)}`).join(" AND ") + ")");
  }
  return "(" + parts.join(" OR ") + ")";
}

/**
 * SQL conditions (to be joined with AND) for every filter of the query except the words. `doc` is the
 * article number the conditions test: `a.doc`, or another table's column that equals it (the full-
 * text index's `fts.rowid`). With another column, outlets and sections are tested in their indexes,
 * which hold the article number, so no condition but the date range reads the `articles` row; a
 * query whose words match thousands of articles of other outlets then never reads theirs.
 */
export function compileFilters(pq: ParsedQuery, d: Dialect, doc = "a.doc"): string[] {
  const where: string[] = [];
  const inIndex = (column: string, index: string, values: string[]) =>
    doc === "a.doc"
      ? `a.${column} IN (${values.map((v) => d.param(v)).join(", ")})`
      : `EXISTS (SELECT 1 FROM articles o${d.indexedBy ? ` ${d.indexedBy(index)}` : ""} WHERE o.${column} IN (${values.map((v) => d.param(v)).join(", ")}) AND o.doc = ${doc})`;
  // A function, called where the condition is written: SQLite's "?" take the parameters in the order
  // they were added, so the types' must be added after the entity's, once per use.
  const types = () => (pq.types.length ? ` AND e.type IN (${pq.types.map((t) => d.param(t)).join(", ")})` : "");
  for (const f of pq.entities) {
    where.push(`EXISTS (SELECT 1 FROM entities e WHERE e.doc = ${doc} AND ${entityMatch(f, d, "e")}${types()})`);
  }
  if (!pq.entities.length && pq.types.length) {
    where.push(`EXISTS (SELECT 1 FROM entities e WHERE e.doc = ${doc}${types()})`);
  }
  for (const f of pq.speakers) {
    const parts = [`q.speaker_key = ${d.param(f.raw)}`, `q.speaker_key = ${d.param(f.norm)}`];
    if (f.stems.length) parts.push("(" + f.stems.map((s) => `q.speaker_stems LIKE ${d.param(`% ${s} %`)}`).join(" AND ") + ")");
    where.push(`EXISTS (SELECT 1 FROM quotes q WHERE q.doc = ${doc} AND (${parts.join(" OR ")}))`);
  }
  if (pq.outlets.length) where.push(inIndex("outlet_norm", "articles_outlet", pq.outlets));
  if (pq.sections.length) where.push(inIndex("section_norm", "articles_section", pq.sections));
  if (pq.date?.from) where.push(`a.dct >= ${d.param(pq.date.from)}`);
  if (pq.date?.to) where.push(`a.dct <= ${d.param(pq.date.to)}`);
  if (pq.eventDate) {
    const c: string[] = [];
    if (pq.eventDate.to) c.push(`t.date_from <= ${d.param(pq.eventDate.to)}`);
    if (pq.eventDate.from) c.push(`t.date_to >= ${d.param(pq.eventDate.from)}`);
    where.push(`EXISTS (SELECT 1 FROM times t WHERE t.doc = ${doc} AND t.date_from IS NOT NULL${c.map((x) => " AND " + x).join("")})`);
  }
  return where;
}

/** The order of results: relevance unless the query or the caller asks for dates. */
export function sortOf(pq: ParsedQuery, requested?: "relevance" | "date"): "relevance" | "date" | "oldest" {
  if (pq.sort) return pq.sort;
  if (requested) return requested;
  return pq.terms.some((t) => !t.negated) ? "relevance" : "date";
}
