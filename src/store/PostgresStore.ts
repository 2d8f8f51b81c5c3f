/**
 * The shared archive: PostgreSQL (pg). The same tables as the SQLite engine, every one keyed by the
 * article id (`doc`), so the schema can be distributed by article (e.g. Citus, distribution column
 * `doc`). Full text is a tsvector built from the same stems as SQLite's FTS5 index, written as a
 * literal so PostgreSQL's own parser never re-reads Arabic. Writes go in one transaction per batch;
 * `INSERT … ON CONFLICT DO NOTHING` on the article makes them idempotent, also between concurrent
 * workers.
 */
import pg from "pg";
import type { RasdRecord } from "../types.js";
import type { EntityProfile, EntitySummary, PutResult, SearchOptions, SearchResult, Store, StoreStats } from "./Store.js";
import { recordRows, type RecordRows } from "./recordRows.js";
import { parseQuery, highlightTerms, fieldValue, type ParsedQuery } from "./query/parseQuery.js";
import { compileFilters, sortOf } from "./query/compileFilters.js";
import { buildSnippets } from "./query/buildSnippets.js";
import { signatureFromBytes } from "../dedup/MinHash.js";
import { closestDuplicate, storyOf, type DuplicateCandidate, type StoryCandidate } from "../dedup/archiveLinks.js";
import { dayNumber, STORY_MIN_SHARED, STORY_WINDOW_DAYS } from "../dedup/storyFeatures.js";
import { RasdError } from "../errors.js";
import { archiveInfo, withArchive, type PreparedRecord } from "./archiveInfo.js";
import { bucket, keysOf, packRecord, summarize, unpackRecord, unpackText } from "./SqliteStore.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles(
  doc TEXT PRIMARY KEY,
  headline TEXT, outlet TEXT, outlet_norm TEXT, section TEXT, section_norm TEXT,
  dct TEXT, dct_origin TEXT, url TEXT, kind TEXT, language TEXT,
  tone DOUBLE PRECISION, words INTEGER, length INTEGER,
  shingles INTEGER, signature BYTEA, features INTEGER,
  duplicate_of TEXT, story TEXT, tsv TSVECTOR,
  record BYTEA NOT NULL,
  seq BIGSERIAL
);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS body BYTEA;
CREATE INDEX IF NOT EXISTS articles_dct ON articles(dct);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_norm);
CREATE INDEX IF NOT EXISTS articles_section ON articles(section_norm);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN(tsv);
CREATE TABLE IF NOT EXISTS entities(doc TEXT NOT NULL, idx INTEGER NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  name_norm TEXT, name_stems TEXT, en TEXT, en_norm TEXT, kb TEXT, mentions INTEGER, PRIMARY KEY(doc, idx));
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_norm text_pattern_ops);
CREATE INDEX IF NOT EXISTS entities_en ON entities(en_norm text_pattern_ops);
CREATE TABLE IF NOT EXISTS entity_keys(key TEXT PRIMARY KEY, name TEXT, name_norm TEXT, en TEXT, en_norm TEXT, type TEXT, articles INTEGER, mentions INTEGER);
CREATE TABLE IF NOT EXISTS mentions(doc TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY(doc, idx, start));
CREATE TABLE IF NOT EXISTS times(doc TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT, value TEXT, start INTEGER, "end" INTEGER, date_from TEXT, date_to TEXT, PRIMARY KEY(doc, idx));
CREATE INDEX IF NOT EXISTS times_range ON times(date_from, date_to);
CREATE TABLE IF NOT EXISTS quotes(doc TEXT NOT NULL, idx INTEGER NOT NULL, kind TEXT, start INTEGER, "end" INTEGER, speaker TEXT, speaker_stems TEXT,
  speaker_key TEXT, speaker_start INTEGER, speaker_end INTEGER, cue TEXT, PRIMARY KEY(doc, idx));
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
CREATE TABLE IF NOT EXISTS events(doc TEXT NOT NULL, idx INTEGER NOT NULL, cameo TEXT, label TEXT, start INTEGER, "end" INTEGER, actor TEXT, target TEXT, place TEXT, "time" INTEGER, PRIMARY KEY(doc, idx));
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE TABLE IF NOT EXISTS framing(doc TEXT NOT NULL, idx INTEGER NOT NULL, kind TEXT, start INTEGER, "end" INTEGER, PRIMARY KEY(doc, idx));
CREATE TABLE IF NOT EXISTS lsh(band BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(band, doc));
CREATE TABLE IF NOT EXISTS story_features(feature BIGINT NOT NULL, day INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(feature, day, doc));
`;

/** A tsvector literal from space-separated stems (positions 1-based, capped as PostgreSQL caps them). */
export function tsvectorLiteral(terms: string): string {
  const pos = new Map<string, number[]>();
  let i = 0;
  for (const w of terms.split(" ")) {
    if (!w) continue;
    i++;
    const p = pos.get(w);
    if (!p) pos.set(w, [Math.min(i, 16383)]);
    else if (p.length < 256) p.push(Math.min(i, 16383));
  }
  const parts: string[] = [];
  for (const [w, p] of pos) parts.push(`'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':${[...new Set(p)].join(",")}`);
  return parts.join(" ");
}

/** The query's words as a tsquery literal: every stem quoted, phrases with <->. */
export function tsqueryOf(pq: ParsedQuery): { positive: string | null; negative: string | null } {
  const q = (stems: string[]) => "(" + stems.map((s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" <-> ") + ")";
  const pos = pq.terms.filter((t) => !t.negated).map((t) => q(t.stems));
  const neg = pq.terms.filter((t) => t.negated).map((t) => q(t.stems));
  return { positive: pos.length ? pos.join(" & ") : null, negative: neg.length ? neg.join(" | ") : null };
}

export interface PostgresOptions {
  /** A schema of its own (created when missing): one archive per schema. */
  schema?: string;
  max?: number;
}

export class PostgresStore implements Store {
  readonly engine = "postgres" as const;
  readonly schema: string;
  private pool: pg.Pool;
  private ready: Promise<void>;

  constructor(url: string, options: PostgresOptions = {}) {
    this.schema = options.schema ?? "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(this.schema)) throw new RasdError("RASD_USAGE", `schema must be an SQL identifier, got "${this.schema}"`);
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, options: `-c search_path=${this.schema}` });
    this.pool.on("error", () => {
      /* an idle client lost its connection; the next query gets a new one */
    });
    this.ready = this.init();
    this.ready.catch(() => {});
  }

  private async init(): Promise<void> {
    const c = await this.pool.connect().catch((e: Error) => {
      throw new RasdError("RASD_STORE", `cannot connect to PostgreSQL: ${e.message}`, { cause: e });
    });
    try {
      // Several workers may start at once: one creates the schema, the others wait.
      await c.query("SELECT pg_advisory_lock(hashtext('rasd-schema'))");
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await c.query(SCHEMA);
      } finally {
        await c.query("SELECT pg_advisory_unlock(hashtext('rasd-schema'))");
      }
    } finally {
      c.release();
    }
  }

  private async q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.ready;
    try {
      return (await this.pool.query(sql, params)).rows as T[];
    } catch (e) {
      throw new RasdError("RASD_STORE", (e as Error).message, { cause: e });
    }
  }

  async put(records: Array<RasdRecord | PreparedRecord>): Promise<PutResult> {
    return this.putRows(records.map((r) => ("rows" in r && (r as PreparedRecord).rows ? (r as PreparedRecord).rows : recordRows(r as RasdRecord))));
  }

  /**
   * Writes records already taken apart, in one transaction, in a fixed number of round trips per
   * batch whatever its size: near-duplicate candidates for every record in one query, story candidates
   * in another, the articles in one multi-row insert, then one insert per table. Records of the same
   * batch are compared with each other in memory (the index holds only what is committed).
   */
  async putRows(input: RecordRows[]): Promise<PutResult> {
    if (!input.length) return { inserted: 0, skipped: 0 };
    await this.ready;
    // One row per id (the first); links are found in arrival order (the first copy is the original).
    const seen = new Set<string>();
    const rows = input.filter((r) => (seen.has(r.article.id) ? false : (seen.add(r.article.id), true)));
    let skipped = input.length - rows.length;
    const c = await this.pool.connect();
    let inserted = 0;
    try {
      await c.query("BEGIN");
      const found = await this.archiveLinks(c, rows);
      // Inserted in id order, so concurrent workers take the unique-key locks in one order (no deadlock).
      const order = rows.map((_, i) => i).sort((x, y) => (rows[x]!.article.id < rows[y]!.article.id ? -1 : rows[x]!.article.id > rows[y]!.article.id ? 1 : 0));
      const packed = order.map((i) => packRecord(rows[i]!.json, rows[i]!.text));
      const cols = <T>(f: (r: RecordRows, i: number) => T) => order.map((i) => f(rows[i]!, i));
      const res = await c.query(
        `INSERT INTO articles(doc, headline, outlet, outlet_norm, section, section_norm, dct, dct_origin, url, kind, language, tone, words, length,
           shingles, signature, features, duplicate_of, story, tsv, record, body)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
           $12::float8[], $13::int[], $14::int[], $15::int[], $16::bytea[], $17::int[], $18::text[], $19::text[], $20::tsvector[], $21::bytea[], $22::bytea[])
         ON CONFLICT (doc) DO NOTHING RETURNING doc`,
        [
          cols((r) => r.article.id), cols((r) => r.article.headline), cols((r) => r.article.outlet), cols((r) => r.article.outletNorm),
          cols((r) => r.article.section), cols((r) => r.article.sectionNorm), cols((r) => r.article.dct), cols((r) => r.article.dctOrigin),
          cols((r) => r.article.url), cols((r) => r.article.kind), cols((r) => r.article.language), cols((r) => r.article.tone),
          cols((r) => r.article.words), cols((r) => r.article.length), cols((r) => r.shingles), cols((r) => r.signature), cols((r) => r.features.length),
          cols((_, i) => found[i]!.duplicateOf), cols((_, i) => found[i]!.story), cols((r) => tsvectorLiteral(r.article.terms)),
          packed.map((p) => p.record), packed.map((p) => p.body),
        ],
      );
      const written = new Set((res.rows as Array<{ doc: string }>).map((r) => r.doc));
      const kids = { entities: [] as unknown[][], mentions: [] as unknown[][], times: [] as unknown[][], quotes: [] as unknown[][], events: [] as unknown[][], framing: [] as unknown[][], lsh: [] as unknown[][], features: [] as unknown[][] };
      const kidsKeys: ReturnType<typeof keysOf> = [];
      for (const r of rows) {
        const d = r.article.id;
        if (!written.has(d)) {
          skipped++;
          continue;
        }
        inserted++;
        const day = r.article.dct ? dayNumber(r.article.dct) : null;
        for (const e of r.entities) kids.entities.push([d, e.idx, e.key, e.type, e.name, e.nameNorm, e.nameStems, e.en, e.enNorm, e.kb, e.mentions]);
        kidsKeys.push(...keysOf(r));
        for (const m of r.mentions) kids.mentions.push([d, m.idx, m.start, m.end]);
        for (const t of r.times) kids.times.push([d, t.idx, t.type, t.value, t.start, t.end, t.from, t.to]);
        for (const q of r.quotes) kids.quotes.push([d, q.idx, q.kind, q.start, q.end, q.speaker, q.speakerStems, q.speakerKey, q.speakerStart, q.speakerEnd, q.cue]);
        for (const e of r.events) kids.events.push([d, e.idx, e.cameo, e.label, e.start, e.end, e.actor, e.target, e.place, e.time]);
        for (const f of r.framing) kids.framing.push([d, f.idx, f.kind, f.start, f.end]);
        for (const b of r.bands) kids.lsh.push([b, d]);
        if (day !== null) for (const f of r.features) kids.features.push([f, day, d]);
      }
      const bulk = async (table: string, types: string[], rowsOf: unknown[][]) => {
        if (!rowsOf.length) return;
        const cols = types.map((_, k) => rowsOf.map((row) => row[k]));
        await c.query(`INSERT INTO ${table} SELECT * FROM unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(", ")}) ON CONFLICT DO NOTHING`, cols);
      };
      await bulk("entities", ["text", "int", "text", "text", "text", "text", "text", "text", "text", "text", "int"], kids.entities);
      // Summed per key and sorted, so concurrent workers take the row locks in one order (no deadlock).
      const keyRows = new Map<string, unknown[]>();
      for (const r of kidsKeys) {
        const x = keyRows.get(r.key);
        if (x) { x[6] = (x[6] as number) + 1; x[7] = (x[7] as number) + r.mentions; }
        else keyRows.set(r.key, [r.key, r.name, r.nameNorm, r.en, r.enNorm, r.type, 1, r.mentions]);
      }
      const sortedKeys = [...keyRows.keys()].sort().map((k) => keyRows.get(k)!);
      if (sortedKeys.length) {
        const types = ["text", "text", "text", "text", "text", "text", "int", "int"];
        await c.query(
          `INSERT INTO entity_keys SELECT * FROM unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(", ")})
           ON CONFLICT (key) DO UPDATE SET articles = entity_keys.articles + excluded.articles, mentions = entity_keys.mentions + excluded.mentions`,
          types.map((_, k) => sortedKeys.map((row) => row[k])),
        );
      }
      await bulk("mentions", ["text", "int", "int", "int"], kids.mentions);
      await bulk("times", ["text", "int", "text", "text", "int", "int", "text", "text"], kids.times);
      await bulk("quotes", ["text", "int", "text", "int", "int", "text", "text", "text", "int", "int", "text"], kids.quotes);
      await bulk("events", ["text", "int", "text", "text", "int", "int", "text", "text", "text", "int"], kids.events);
      await bulk("framing", ["text", "int", "text", "int", "int"], kids.framing);
      await bulk("lsh", ["bigint", "text"], kids.lsh);
      await bulk("story_features", ["bigint", "int", "text"], kids.features);
      await c.query("COMMIT");
      return { inserted, skipped };
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e instanceof RasdError ? e : new RasdError("RASD_STORE", (e as Error).message, { cause: e });
    } finally {
      c.release();
    }
  }

  /**
   * Each record's near-duplicate (an earlier article whose LSH bands collide and whose signature
   * agrees) and story (else an article within the window sharing enough story features), looked up
   * for the whole batch in two queries, with the batch's earlier records as candidates too.
   */
  private async archiveLinks(c: pg.PoolClient, rows: RecordRows[]): Promise<Array<{ duplicateOf: string | null; story: string | null }>> {
    const out = rows.map(() => ({ duplicateOf: null as string | null, story: null as string | null }));
    const ix: number[] = [], bands: number[] = [];
    rows.forEach((r, i) => r.bands.forEach((b) => (ix.push(i), bands.push(b))));
    // Candidates are bounded before DISTINCT (at most 200 band rows read): a band shared by thousands of
    // copies would otherwise be read whole for every record, and ingest would slow as the archive grows.
    const lshOf = rows.map(() => [] as DuplicateCandidate[]);
    if (bands.length) {
      const res = await c.query(
        `WITH q AS (SELECT i, array_agg(band) AS bands FROM unnest($1::int[], $2::bigint[]) AS t(i, band) GROUP BY i)
         SELECT q.i, x.doc, x.shingles, x.signature, x.duplicate_of, x.story FROM q
           CROSS JOIN LATERAL (SELECT DISTINCT doc FROM (SELECT doc FROM lsh WHERE band = ANY(q.bands) LIMIT 200) s LIMIT 50) c
           JOIN articles x ON x.doc = c.doc`,
        [ix, bands],
      );
      for (const r of res.rows as Array<{ i: number; doc: string; shingles: number; signature: Buffer; duplicate_of: string | null; story: string | null }>) lshOf[r.i]!.push({ ...r, id: r.doc });
    }
    // Earlier records of this batch, by band.
    const byBand = new Map<number, number[]>();
    rows.forEach((r, i) => {
      const mine = signatureFromBytes(r.signature, r.shingles);
      const local = new Set<number>();
      for (const b of r.bands) for (const j of byBand.get(b) ?? []) local.add(j);
      const cands: DuplicateCandidate[] = [...lshOf[i]!, ...[...local].map((j) => ({ id: rows[j]!.article.id, shingles: rows[j]!.shingles, signature: rows[j]!.signature, duplicate_of: out[j]!.duplicateOf, story: out[j]!.story }))];
      const dup = closestDuplicate(r.article.id, mine, cands);
      if (dup) out[i] = dup;
      for (const b of r.bands) {
        const l = byBand.get(b);
        if (l) l.push(i);
        else byBand.set(b, [i]);
      }
    });
    // Stories for the rest: the archive in one query, the batch's earlier records in memory.
    const days = rows.map((r) => (r.article.dct ? dayNumber(r.article.dct) : null));
    const want = rows.map((r, i) => !out[i]!.story && days[i] !== null && r.features.length >= STORY_MIN_SHARED);
    const storyCands = rows.map(() => [] as StoryCandidate[]);
    const fi: number[] = [], fs: number[] = [], ri: number[] = [], rd: number[] = [], rid: string[] = [];
    rows.forEach((r, i) => {
      if (!want[i]) return;
      ri.push(i), rd.push(days[i]!), rid.push(r.article.id);
      for (const f of r.features) fi.push(i), fs.push(f);
    });
    if (ri.length) {
      const res = await c.query(
        `WITH r AS (SELECT * FROM unnest($1::int[], $2::int[], $3::text[]) AS r(i, day, id)),
              f AS (SELECT i, array_agg(feature) AS fs FROM unnest($4::int[], $5::bigint[]) AS t(i, feature) GROUP BY i)
         SELECT r.i, x.doc, x.shared, x.n, x.story FROM r JOIN f ON f.i = r.i CROSS JOIN LATERAL (
           SELECT sf.doc, count(*)::int AS shared, max(a.features) AS n, max(a.story) AS story FROM story_features sf JOIN articles a ON a.doc = sf.doc
           WHERE sf.feature = ANY(f.fs) AND sf.day BETWEEN r.day - $6 AND r.day + $6 AND sf.doc <> r.id
           GROUP BY sf.doc HAVING count(*) >= $7 ORDER BY shared DESC LIMIT 20) x`,
        [ri, rd, rid, fi, fs, STORY_WINDOW_DAYS, STORY_MIN_SHARED],
      );
      for (const r of res.rows as Array<{ i: number; doc: string; shared: number; n: number; story: string | null }>) storyCands[r.i]!.push({ ...r, id: r.doc });
    }
    const byFeature = new Map<number, number[]>();
    rows.forEach((r, i) => {
      if (want[i]) {
        const shared = new Map<number, number>();
        for (const f of r.features) for (const j of byFeature.get(f) ?? []) if (Math.abs(days[j]! - days[i]!) <= STORY_WINDOW_DAYS) shared.set(j, (shared.get(j) ?? 0) + 1);
        const cands = [...storyCands[i]!];
        for (const [j, n] of shared) if (n >= STORY_MIN_SHARED) cands.push({ id: rows[j]!.article.id, shared: n, n: rows[j]!.features.length, story: out[j]!.story });
        cands.sort((x, y) => y.shared - x.shared);
        out[i]!.story = storyOf(cands, r.features.length);
      }
      out[i]!.story ??= r.article.id;
      if (days[i] !== null) for (const f of r.features) {
        const l = byFeature.get(f);
        if (l) l.push(i);
        else byFeature.set(f, [i]);
      }
    });
    return out;
  }

  async has(id: string): Promise<boolean> {
    return (await this.q("SELECT 1 FROM articles WHERE doc = $1", [id])).length > 0;
  }

  async hasMany(ids: string[]): Promise<Set<string>> {
    const rows = await this.q<{ doc: string }>("SELECT doc FROM articles WHERE doc = ANY($1::text[])", [ids]);
    return new Set(rows.map((r) => r.doc));
  }

  async count(): Promise<number> {
    return Number((await this.q<{ n: string }>("SELECT count(*) AS n FROM articles"))[0]!.n);
  }

  async get(id: string): Promise<RasdRecord | null> {
    const rows = await this.q<{ record: Buffer; body: Buffer | null; duplicate_of: string | null; story: string | null }>("SELECT record, body, duplicate_of, story FROM articles WHERE doc = $1", [id]);
    if (!rows.length) return null;
    return withArchive(unpackRecord(rows[0]!.record, rows[0]!.body), archiveInfo(rows[0]!.duplicate_of, rows[0]!.story));
  }

  async *records(query?: string, batch = 500): AsyncGenerator<RasdRecord> {
    const pq = parseQuery(query ?? "");
    const { where, params } = this.whereOf(pq);
    let last = 0;
    for (;;) {
      const n = params.length;
      const rows = await this.q<{ seq: string; record: Buffer; body: Buffer | null; duplicate_of: string | null; story: string | null }>(
        `SELECT a.seq, a.record, a.body, a.duplicate_of, a.story FROM articles a WHERE ${where} AND a.seq > $${n + 1} ORDER BY a.seq LIMIT $${n + 2}`,
        [...params, last, batch],
      );
      if (!rows.length) return;
      for (const r of rows) yield withArchive(unpackRecord(r.record, r.body), archiveInfo(r.duplicate_of, r.story));
      last = Number(rows[rows.length - 1]!.seq);
    }
  }

  private whereOf(pq: ParsedQuery): { where: string; params: unknown[]; tsq: string | null } {
    const params: unknown[] = [];
    const d = { param: (v: unknown) => (params.push(v), `$${params.length}`) };
    const where: string[] = [];
    const ts = tsqueryOf(pq);
    let tsq: string | null = null;
    if (ts.positive) {
      const expr = ts.negative ? `(${ts.positive}) & !(${ts.negative})` : ts.positive;
      tsq = d.param(expr) + "::tsquery";
      where.push(`a.tsv @@ ${tsq}`);
    } else if (ts.negative) {
      where.push(`NOT (a.tsv @@ ${d.param(ts.negative)}::tsquery)`);
    }
    where.push(...compileFilters(pq, d));
    return { where: where.length ? where.join(" AND ") : "TRUE", params, tsq };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const pq = parseQuery(query);
    const limit = Math.max(0, Math.min(options.limit ?? 20, 1000));
    const offset = Math.max(0, options.offset ?? 0);
    const sort = sortOf(pq, options.sort);
    const { where, params, tsq } = this.whereOf(pq);
    const score = tsq ? `ts_rank(a.tsv, ${tsq})` : "0";
    const order = sort === "relevance" && tsq ? "score DESC, a.dct DESC NULLS LAST" : sort === "oldest" ? "a.dct ASC NULLS LAST, a.seq ASC" : "a.dct DESC NULLS LAST, a.seq DESC";
    const n = params.length;
    const total = Number((await this.q<{ n: string }>(`SELECT count(*) AS n FROM articles a WHERE ${where}`, params))[0]!.n);
    const rows = await this.q<{ doc: string; headline: string; outlet: string | null; section: string | null; dct: string | null; duplicate_of: string | null; story: string | null; record: Buffer; body: Buffer | null; score: number }>(
      `SELECT a.doc, a.headline, a.outlet, a.section, a.dct, a.duplicate_of, a.story, CASE WHEN a.body IS NULL THEN a.record END AS record, a.body, ${score} AS score FROM articles a WHERE ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    );
    const terms = highlightTerms(pq);
    const hits = rows.map((r) => {
      const text = unpackText(r.record, r.body);
      const skip = r.headline && text.startsWith(r.headline) ? r.headline.length : 0;
      return {
        id: r.doc,
        ...(r.headline ? { headline: r.headline } : {}),
        ...(r.outlet ? { outlet: r.outlet } : {}),
        ...(r.section ? { section: r.section } : {}),
        dct: r.dct,
        score: Math.round(Number(r.score) * 1000) / 1000,
        snippets: buildSnippets(text, terms, 2, skip),
        ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
        ...(r.story ? { story: r.story } : {}),
      };
    });
    const result: SearchResult = { total, hits, parsed: summarize(pq, sort), ...(pq.warnings.length ? { warnings: pq.warnings } : {}) };
    if (options.facets) result.facets = await this.facets(where, params);
    return result;
  }

  private async facets(where: string, params: unknown[]): Promise<NonNullable<SearchResult["facets"]>> {
    const num = <T extends { count: unknown }>(rows: T[]) => rows.map((r) => ({ ...r, count: Number(r.count) }));
    const outlets = num(await this.q<{ value: string; count: string }>(`SELECT a.outlet AS value, count(*) AS count FROM articles a WHERE ${where} AND a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY count DESC LIMIT 20`, params));
    const sections = num(await this.q<{ value: string; count: string }>(`SELECT a.section AS value, count(*) AS count FROM articles a WHERE ${where} AND a.section IS NOT NULL GROUP BY a.section ORDER BY count DESC LIMIT 20`, params));
    const entities = num(await this.q<{ id: string; name: string; en: string | null; type: string; count: string }>(
      `SELECT e.key AS id, max(e.name) AS name, max(e.en) AS en, max(e.type) AS type, count(DISTINCT e.doc) AS count FROM entities e WHERE e.doc IN (SELECT a.doc FROM articles a WHERE ${where}) GROUP BY e.key ORDER BY count DESC LIMIT 20`,
      params,
    ));
    const span = (await this.q<{ lo: string | null; hi: string | null }>(`SELECT min(a.dct) AS lo, max(a.dct) AS hi FROM articles a WHERE ${where}`, params))[0]!;
    const unit = span.lo && span.hi && dayNumber(span.hi) - dayNumber(span.lo) > 120 ? 7 : 10;
    const dates = num(await this.q<{ date: string; count: string }>(`SELECT substr(a.dct, 1, ${unit}) AS date, count(*) AS count FROM articles a WHERE ${where} AND a.dct IS NOT NULL GROUP BY 1 ORDER BY 1`, params));
    return {
      outlets,
      sections,
      entities: entities.map((e) => ({ id: e.id, name: e.name, ...(e.en ? { en: e.en } : {}), type: e.type as never, count: e.count })),
      dates,
    };
  }

  async lookupEntities(prefix: string, limit = 10): Promise<EntitySummary[]> {
    const p = fieldValue(prefix);
    if (!p) return [];
    // A prefix of any word of the Arabic or English name ("ترا" finds "دونالد ترامب").
    const esc = p.replace(/[\\%_]/g, (m) => "\\" + m);
    const rows = await this.q<Row>(
      `SELECT key, name, en, type, articles, mentions FROM entity_keys
       WHERE name_norm LIKE $1 OR name_norm LIKE $2 OR en_norm LIKE $1 OR en_norm LIKE $2 OR key = $3 ORDER BY articles DESC, mentions DESC LIMIT $4`,
      [esc + "%", "% " + esc + "%", prefix, Math.max(1, Math.min(limit, 100))],
    );
    return rows.map(summary);
  }

  async entity(key: string): Promise<EntityProfile | null> {
    const norm = fieldValue(key);
    const found = await this.q<{ key: string }>("SELECT key, count(*) AS n FROM entities WHERE key = $1 OR kb = $1 OR name_norm = $2 OR en_norm = $2 GROUP BY key ORDER BY n DESC LIMIT 1", [key, norm]);
    if (!found.length) return null;
    const k = found[0]!.key;
    const head = (await this.q<Row>("SELECT key, max(name) AS name, max(en) AS en, max(type) AS type, count(DISTINCT doc) AS articles, sum(mentions) AS mentions FROM entities WHERE key = $1 GROUP BY key", [k]))[0]!;
    const names = (await this.q<{ name: string }>("SELECT DISTINCT name FROM entities WHERE key = $1 LIMIT 50", [k])).map((r) => r.name);
    const timeline = (await this.q<{ date: string; count: string }>("SELECT a.dct AS date, count(DISTINCT a.doc) AS count FROM entities e JOIN articles a ON a.doc = e.doc WHERE e.key = $1 AND a.dct IS NOT NULL GROUP BY a.dct ORDER BY a.dct", [k])).map((r) => ({ date: r.date, count: Number(r.count) }));
    const co = await this.q<Row>(
      `SELECT o.key, max(o.name) AS name, max(o.en) AS en, max(o.type) AS type, count(DISTINCT o.doc) AS articles, sum(o.mentions) AS mentions
       FROM entities e JOIN entities o ON o.doc = e.doc AND o.key <> e.key WHERE e.key = $1 GROUP BY o.key ORDER BY articles DESC, mentions DESC LIMIT 20`,
      [k],
    );
    const quotes = await this.q<{ article: string; dct: string | null; kind: string; start: number; end: number; record: Buffer; body: Buffer | null }>(
      `SELECT a.doc AS article, a.dct, q.kind, q.start, q."end", a.record, a.body FROM quotes q JOIN articles a ON a.doc = q.doc WHERE q.speaker_key = $1 ORDER BY a.dct DESC NULLS LAST LIMIT 50`,
      [k],
    );
    const outlets = (await this.q<{ value: string; count: string }>("SELECT a.outlet AS value, count(DISTINCT a.doc) AS count FROM entities e JOIN articles a ON a.doc = e.doc WHERE e.key = $1 AND a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY count DESC", [k])).map((r) => ({ value: r.value, count: Number(r.count) }));
    return {
      ...summary(head),
      names,
      timeline,
      coMentioned: co.map(summary),
      quotes: quotes.map((q) => ({ article: q.article, text: unpackText(q.record, q.body).slice(q.start, q.end), kind: q.kind, dct: q.dct })),
      outlets,
    };
  }

  async timeline(query: string, interval: "day" | "week" | "month" = "day"): Promise<Array<{ date: string; count: number }>> {
    const { where, params } = this.whereOf(parseQuery(query));
    const rows = await this.q<{ date: string; count: string }>(`SELECT a.dct AS date, count(*) AS count FROM articles a WHERE ${where} AND a.dct IS NOT NULL GROUP BY a.dct ORDER BY a.dct`, params);
    return bucket(rows.map((r) => ({ date: r.date, count: Number(r.count) })), interval);
  }

  async stats(): Promise<StoreStats> {
    const n = async (sql: string) => Number((await this.q<{ n: string }>(sql))[0]!.n);
    const span = (await this.q<{ lo: string | null; hi: string | null }>("SELECT min(dct) AS lo, max(dct) AS hi FROM articles"))[0]!;
    return {
      articles: await n("SELECT count(*) AS n FROM articles"),
      entities: await n("SELECT count(*) AS n FROM entity_keys"),
      quotes: await n("SELECT count(*) AS n FROM quotes"),
      events: await n("SELECT count(*) AS n FROM events"),
      outlets: (await this.q<{ value: string; count: string }>("SELECT outlet AS value, count(*) AS count FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC")).map((r) => ({ value: r.value, count: Number(r.count) })),
      ...(span.lo ? { firstDate: span.lo } : {}),
      ...(span.hi ? { lastDate: span.hi } : {}),
    };
  }

  /** Drops this store's schema and everything in it (tests, benchmarks). */
  async dropSchema(): Promise<void> {
    if (this.schema === "public") throw new RasdError("RASD_USAGE", "refusing to drop the public schema");
    await this.ready.catch(() => {});
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}

type Row = { key: string; name: string; en: string | null; type: string; articles: string | number; mentions: string | number | null };
function summary(r: Row): EntitySummary {
  return { id: r.key, name: r.name, ...(r.en ? { en: r.en } : {}), type: r.type as never, articles: Number(r.articles), mentions: Number(r.mentions ?? 0) };
}
