/**
 * The embedded archive: one SQLite file (better-sqlite3, WAL, FTS5). Articles, entities, mentions,
 * times, quotes, events and framing are tables; the full-text index holds each article's stems
 * (contentless FTS5, so the text is stored once, compressed, in the record). Writes go in one
 * transaction per batch and are idempotent by record id.
 */
import Database from "better-sqlite3";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../resources.js";
import type { RasdRecord } from "../types.js";
import type { EntityProfile, EntitySummary, PutResult, SearchOptions, SearchResult, Store, StoreStats } from "./Store.js";
import { recordRows, type RecordRows } from "./recordRows.js";
import { FacetColumns, type FacetRow, type FacetSource } from "./FacetColumns.js";
import { parseQuery, highlightTerms, fieldValue, type ParsedQuery } from "./query/parseQuery.js";
import { compileFilters, sortOf, type Dialect } from "./query/compileFilters.js";
import { buildSnippets } from "./query/buildSnippets.js";
import { AS_IS_CHARS, dateMatchTokens, datesCondition, dateTokens, monthRange, monthWords, UNDATED_MONTH } from "./query/dateTokens.js";
import { signatureFromBytes } from "../dedup/MinHash.js";
import { closestDuplicate, storyOf, type StoryCandidate } from "../dedup/archiveLinks.js";
import { dayNumber, STORY_MIN_SHARED, STORY_WINDOW_DAYS } from "../dedup/storyFeatures.js";
import { RasdError } from "../errors.js";
import { archiveInfo, withArchive, type PreparedRecord } from "./archiveInfo.js";

/** Document counts of the index's words, for bm25 (SqliteStore.countTermDocs). */
const TERM_DOCS_TABLE = "CREATE TABLE IF NOT EXISTS term_docs(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID";

/**
 * What a search reads of each matched article for its facets (outlet, section, date, entity keys),
 * in an index of its own keyed by the article number. In `articles` these fields share a row with
 * the article's compressed text and record, so the entity keys sit on an overflow page and every
 * matched row cost two page reads; the index's rows are small (34 MB for 200,000 articles), stay in
 * the connection's page cache, and a broad query's thousand rows are read from it.
 */
const FACET_INDEX = "CREATE INDEX IF NOT EXISTS articles_facets ON articles(doc, outlet, section, dct, entity_keys)";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles(
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  headline TEXT, outlet TEXT, outlet_norm TEXT, section TEXT, section_norm TEXT,
  dct TEXT, dct_origin TEXT, url TEXT, kind TEXT, language TEXT,
  tone REAL, words INTEGER, length INTEGER,
  shingles INTEGER, signature BLOB, features INTEGER,
  duplicate_of TEXT, story TEXT,
  entity_keys TEXT,
  body BLOB,
  record BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_dct ON articles(dct);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_norm);
CREATE INDEX IF NOT EXISTS articles_section ON articles(section_norm);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
${FACET_INDEX};
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(terms, dates, mterms, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS entities(doc INTEGER NOT NULL, idx INTEGER NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  name_norm TEXT, name_stems TEXT, en TEXT, en_norm TEXT, kb TEXT, mentions INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_norm);
CREATE INDEX IF NOT EXISTS entities_en ON entities(en_norm);
CREATE TABLE IF NOT EXISTS entity_keys(key TEXT PRIMARY KEY, name TEXT, name_norm TEXT, en TEXT, en_norm TEXT, type TEXT, articles INTEGER, mentions INTEGER);
CREATE TABLE IF NOT EXISTS mentions(doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY(doc, idx, start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS times(doc INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT, value TEXT, start INTEGER, "end" INTEGER, date_from TEXT, date_to TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS times_range ON times(date_from, date_to);
CREATE TABLE IF NOT EXISTS quotes(doc INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT, start INTEGER, "end" INTEGER, speaker TEXT, speaker_stems TEXT,
  speaker_key TEXT, speaker_start INTEGER, speaker_end INTEGER, cue TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
CREATE TABLE IF NOT EXISTS events(doc INTEGER NOT NULL, idx INTEGER NOT NULL, cameo TEXT, label TEXT, start INTEGER, "end" INTEGER, actor TEXT, target TEXT, place TEXT, time INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE TABLE IF NOT EXISTS framing(doc INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT, start INTEGER, "end" INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh(band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(band, doc)) WITHOUT ROWID;
${TERM_DOCS_TABLE};
CREATE TABLE IF NOT EXISTS story_features(feature INTEGER NOT NULL, day INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(feature, day, doc)) WITHOUT ROWID;
`;

/**
 * The archive's layout. 3: the full-text index has an `mterms` column (month words, dateTokens.ts);
 * 2: it has a `dates` column (publication date tokens) and the version is kept in `meta`; 1: archives
 * before that (no version row). Archives of version 2 are still read and written, searched without
 * month words; any other version is refused with RASD_STORE_VERSION instead of failing later on a
 * column that is not there.
 */
export const SCHEMA_VERSION = 3;
/** The oldest layout this rasd reads and writes. */
export const OLDEST_SCHEMA_VERSION = 2;

/** The most matches a relevance ranking scores (the most recently added; see search). */
export const RANK_WINDOW = 1000;

/** Above this many full-text segments, checkpoint() merges them whatever the ingest added. */
export const MAX_SEGMENTS = 8;
/** Words in fewer articles than this are not in term_docs: their doclists are short to count. */
export const TERM_DOCS_MIN = 16;
/**
 * The most months a date filter may span for its words to be matched as month words: each month is
 * one more phrase per word, and over many months the words' own doclists are as quick to read.
 */
export const MONTH_WORDS_MAX = 6;
/**
 * The most articles whose facet fields a connection keeps (FacetColumns: about 10 MB for the 200,000
 * of the bench archive).
 */
export const FACET_FIELDS_MAX = 500_000;
/** How many of the newest articles' facet fields a read worker keeps before its first call (keepNewestFacetFields). */
export const FACET_FIELDS_AT_START = 40_000;
/** How many older ones it then keeps at a time between calls (keepOlderFacetFields; about 70 ms). */
export const FACET_FIELDS_STEP = 10_000;

/** A word the full-text tokenizer indexes exactly as written (dateTokens.ts, AS_IS_CHARS). */
const INDEXED_AS_IS = new RegExp(`^[${AS_IS_CHARS}]+$`);
/** The shape of the `dates` column's tokens (dateTokens.ts). */
const DATE_TOKEN = /^(?:y\d{4}|m\d{6}|d\d{8}|dx|dnone)$/;

/** One FTS5 phrase, quoted, so no user text is ever an operator. */
const ftsPhrase = (stems: string[]): string => `"${stems.join(" ").replace(/"/g, '""')}"`;

/** FTS5 expression for the query's words: every piece quoted, so no user text is ever an operator. */
export function ftsExpression(pq: ParsedQuery): { positive: string | null; negative: string | null } {
  const pos = pq.terms.filter((t) => !t.negated).map((t) => ftsPhrase(t.stems));
  const neg = pq.terms.filter((t) => t.negated).map((t) => ftsPhrase(t.stems));
  return { positive: pos.length ? pos.join(" AND ") : null, negative: neg.length ? neg.join(" OR ") : null };
}

export class SqliteStore implements Store {
  readonly engine = "sqlite" as const;
  readonly path: string;
  private db: Database.Database;
  private stmts: Record<string, Database.Statement>;
  private putTx: (rows: RecordRows[]) => PutResult;

  /** How many matches a relevance ranking scores at most (RANK_WINDOW; smaller in tests). */
  private rankWindow: number;
  /** Whether rasd_bm25 (build/native) is loaded: bm25 with the phrase counts kept between queries. */
  readonly nativeRank: boolean;
  /**
   * What searches ask again and again, kept while the archive's change stamp (`keptStamp`) holds: the
   * documents each full-text phrase ("terms : …") or date token matches, and the names of entity keys.
   */
  private phraseCounts = new Map<string, number>();
  private entityNames = new Map<string, { name: string; en: string | null; type: string }>();
  /** What hits showed of articles, least recently shown first (hitRow). */
  private hitRows = new Map<number, HitRow>();
  /** Facet fields by article (facetFieldsOf). */
  private facetColumns: FacetColumns;
  /** Scratch for topEntities: a count per entity key id, zero between searches. */
  private keyCounts = new Int32Array(0);
  /** The oldest article keepNewestFacetFields and keepOlderFacetFields have read (null: not started). */
  private keptDownTo: number | null = null;
  private keptStamp = -1;
  /** Whether this connection has made its temp.fts_terms (fts5vocab) table. */
  private vocabulary = false;
  /**
   * Whether articles have `entity_keys` (each article's archive-wide entity keys, a JSON array), which
   * the entity facet counts from the rows the search has read anyway. Archives written before it lack
   * the column until opened for writing, and their older rows hold NULL: those are counted in SQL.
   */
  private entityKeysColumn: boolean;
  /** Whether the full-text index has month words (schema 3; an archive of schema 2 has not). */
  readonly monthWords: boolean;
  /** Whether the archive has the articles_facets index (FACET_INDEX). */
  private facetIndex: boolean;

  constructor(path: string, options: { readonly?: boolean; rankWindow?: number; keptFacetFields?: number } = {}) {
    this.path = path;
    this.rankWindow = Math.max(1, Math.floor(options.rankWindow ?? RANK_WINDOW));
    this.facetColumns = new FacetColumns(Math.max(1, Math.floor(options.keptFacetFields ?? FACET_FIELDS_MAX)));
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false });
    } catch (e) {
      throw new RasdError("RASD_STORE", `cannot open ${path}: ${(e as Error).message}`, { cause: e });
    }
    if (!options.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("busy_timeout = 10000");
      const version = this.schemaVersion();
      if (version === null) {
        this.db.transaction(() => {
          this.db.exec(SCHEMA);
          this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
        })();
      } else {
        this.checkVersion(version);
        this.addEntityKeysColumn();
        this.addFacetIndex();
      }
    } else {
      const version = this.schemaVersion();
      if (version === null) {
        this.db.close();
        throw new RasdError("RASD_STORE_VERSION", `${path} is not a rasd archive (it has no articles table)`);
      }
      this.checkVersion(version);
    }
    this.db.pragma("cache_size = -65536");
    this.db.pragma("temp_store = MEMORY");
    this.nativeRank = loadNativeRank(this.db);
    this.entityKeysColumn = this.hasColumn("articles", "entity_keys");
    this.monthWords = this.hasColumn("fts", "mterms");
    this.facetIndex = this.inSchema("index", "articles_facets");
    const p = (sql: string) => this.db.prepare(sql);
    this.stmts = options.readonly ? {} : {
      exists: p("SELECT doc FROM articles WHERE id = ?"),
      insArticle: p(`INSERT INTO articles(id, headline, outlet, outlet_norm, section, section_norm, dct, dct_origin, url, kind, language, tone, words, length,
        shingles, signature, features, duplicate_of, story${this.entityKeysColumn ? ", entity_keys" : ""}, record, body) VALUES (@id, @headline, @outlet, @outletNorm, @section, @sectionNorm, @dct, @dctOrigin, @url,
        @kind, @language, @tone, @words, @length, @shingles, @signature, @features, @duplicateOf, @story${this.entityKeysColumn ? ", @entityKeys" : ""}, @record, @body)`),
      insFts: p(this.monthWords ? "INSERT INTO fts(rowid, terms, dates, mterms) VALUES (?, ?, ?, ?)" : "INSERT INTO fts(rowid, terms, dates) VALUES (?, ?, ?)"),
      insEntity: p("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
      upKey: p(`INSERT INTO entity_keys VALUES (?,?,?,?,?,?,1,?) ON CONFLICT(key) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions`),
      insMention: p("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?)"),
      insTime: p("INSERT INTO times VALUES (?,?,?,?,?,?,?,?)"),
      insQuote: p("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
      insEvent: p("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)"),
      insFraming: p("INSERT INTO framing VALUES (?,?,?,?,?)"),
      insLsh: p("INSERT OR IGNORE INTO lsh VALUES (?, ?)"),
      insFeature: p("INSERT OR IGNORE INTO story_features VALUES (?, ?, ?)"),
      setStory: p("UPDATE articles SET story = ? WHERE doc = ?"),
    };
    this.putTx = this.db.transaction((rows: RecordRows[]) => {
      let inserted = 0, skipped = 0;
      for (const r of rows) {
        if (this.stmts.exists!.get(r.article.id)) {
          skipped++;
          continue;
        }
        this.insertOne(r);
        inserted++;
      }
      return { inserted, skipped };
    });
  }

  /** The archive's schema version: null for a file with no archive in it yet, 1 for one without a version row. */
  private schemaVersion(): number | null {
    try {
      const has = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'meta')").all() as Array<{ name: string }>;
      if (!has.some((t) => t.name === "articles")) return null;
      if (!has.some((t) => t.name === "meta")) return 1;
      const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
      return row ? Number(row.value) : 1;
    } catch (e) {
      this.db.close();
      throw new RasdError("RASD_STORE", `cannot read ${this.path}: ${(e as Error).message}`, { cause: e });
    }
  }

  /**
   * Gives an archive written before `entity_keys` the column (its rows keep NULL, counted in SQL). A
   * file that cannot be written (read-only media) is still served, without it; writing to it fails
   * later, as any write to it would.
   */
  private addEntityKeysColumn(): void {
    if (this.hasColumn("articles", "entity_keys")) return;
    try {
      this.db.exec("ALTER TABLE articles ADD COLUMN entity_keys TEXT");
    } catch {
      // read-only: searched as it is
    }
  }

  /**
   * Gives an archive written before articles_facets the index (one pass over the table: seconds for
   * 200,000 articles, once). Without entity_keys, or on a file that cannot be written, the facet
   * fields are read from the table as before.
   */
  private addFacetIndex(): void {
    if (!this.hasColumn("articles", "entity_keys")) return;
    try {
      this.db.exec(FACET_INDEX);
    } catch {
      // read-only: searched as it is
    }
  }

  private hasColumn(table: string, column: string): boolean {
    return (this.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === column);
  }

  private inSchema(type: "table" | "index", name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?").get(type, name) !== undefined;
  }

  private checkVersion(version: number): void {
    if (version >= OLDEST_SCHEMA_VERSION && version <= SCHEMA_VERSION) return;
    this.db.close();
    const hint = version < OLDEST_SCHEMA_VERSION ? "ingest the articles again into a new archive file" : "use the rasd that wrote it, or a newer one";
    throw new RasdError("RASD_STORE_VERSION", `${this.path} is an archive of schema version ${version}, this rasd reads versions ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}: ${hint}`);
  }

  private cache = new Map<string, Database.Statement>();
  /** The statement cached under `key`, prepared from `sql()` the first time (bounded: shapes can vary without end). */
  private statement(key: string, sql: () => string): Database.Statement {
    let st = this.cache.get(key);
    if (!st) {
      if (this.cache.size > 500) this.cache.clear();
      st = this.db.prepare(sql());
      this.cache.set(key, st);
    }
    return st;
  }

  /** A statement prepared once per shape (the number of placeholders of an IN list varies). */
  private cached(key: string, n: number, sql: (marks: string) => string): Database.Statement {
    return this.statement(`${key}:${n}`, () => sql(Array.from({ length: n }, () => "?").join(",")));
  }

  private lshCandidates(bands: number[]): Array<{ doc: number; id: string; shingles: number; signature: Buffer; duplicate_of: string | null; story: string | null }> {
    if (!bands.length) return [];
    const st = this.cached("lsh", bands.length, (m) => `SELECT a.doc, a.id, a.shingles, a.signature, a.duplicate_of, a.story FROM articles a WHERE a.doc IN (SELECT DISTINCT doc FROM lsh WHERE band IN (${m}) LIMIT 50)`);
    return st.all(...bands) as never;
  }

  private insertOne(r: RecordRows): void {
    const s = this.stmts;
    const a = r.article;
    // Near-duplicate: the closest earlier article whose LSH bands collide and whose signature agrees.
    const dup = closestDuplicate(a.id, signatureFromBytes(r.signature, r.shingles), this.lshCandidates(r.bands));
    const duplicateOf = dup?.duplicateOf ?? null;
    let story = dup?.story ?? null;
    const day = a.dct ? dayNumber(a.dct) : null;
    if (!story && day !== null && r.features.length >= STORY_MIN_SHARED) {
      const st = this.cached("story", r.features.length, (m) => `SELECT f.doc, count(*) AS shared, x.features AS n, x.story AS story, x.id AS id FROM story_features f JOIN articles x ON x.doc = f.doc
        WHERE f.feature IN (${m}) AND f.day BETWEEN ? AND ? GROUP BY f.doc HAVING count(*) >= ? ORDER BY shared DESC LIMIT 20`);
      story = storyOf(st.all(...r.features, day - STORY_WINDOW_DAYS, day + STORY_WINDOW_DAYS, STORY_MIN_SHARED) as StoryCandidate[], r.features.length);
    }
    story ??= a.id;
    const info = s.insArticle!.run({
      ...a,
      shingles: r.shingles,
      signature: r.signature,
      features: r.features.length,
      duplicateOf,
      story,
      entityKeys: JSON.stringify(keysOf(r).map((k) => k.key)),
      ...packRecord(r.json, r.text),
    });
    const doc = Number(info.lastInsertRowid);
    if (this.monthWords) s.insFts!.run(doc, a.terms, dateTokens(a.dct), monthWords(a.terms, a.dct));
    else s.insFts!.run(doc, a.terms, dateTokens(a.dct));
    for (const e of r.entities) s.insEntity!.run(doc, e.idx, e.key, e.type, e.name, e.nameNorm, e.nameStems, e.en, e.enNorm, e.kb, e.mentions);
    for (const e of keysOf(r)) s.upKey!.run(e.key, e.name, e.nameNorm, e.en, e.enNorm, e.type, e.mentions);
    for (const m of r.mentions) s.insMention!.run(doc, m.idx, m.start, m.end);
    for (const t of r.times) s.insTime!.run(doc, t.idx, t.type, t.value, t.start, t.end, t.from, t.to);
    for (const q of r.quotes) s.insQuote!.run(doc, q.idx, q.kind, q.start, q.end, q.speaker, q.speakerStems, q.speakerKey, q.speakerStart, q.speakerEnd, q.cue);
    for (const e of r.events) s.insEvent!.run(doc, e.idx, e.cameo, e.label, e.start, e.end, e.actor, e.target, e.place, e.time);
    for (const f of r.framing) s.insFraming!.run(doc, f.idx, f.kind, f.start, f.end);
    for (const b of r.bands) s.insLsh!.run(b, doc);
    if (day !== null) for (const f of r.features) s.insFeature!.run(f, day, doc);
  }

  async put(records: Array<RasdRecord | PreparedRecord>): Promise<PutResult> {
    return this.putRows(records.map((r) => ("rows" in r && (r as PreparedRecord).rows ? (r as PreparedRecord).rows : recordRows(r as RasdRecord))));
  }

  /** Writes records already taken apart (by ingest workers); one transaction. */
  putRows(rows: RecordRows[]): PutResult {
    if (!rows.length) return { inserted: 0, skipped: 0 };
    try {
      this.ownWrites++;
      return this.putTx(rows);
    } catch (e) {
      throw new RasdError("RASD_STORE", (e as Error).message, { cause: e });
    }
  }

  async has(id: string): Promise<boolean> {
    return !!this.db.prepare("SELECT 1 FROM articles WHERE id = ?").get(id);
  }

  /** Which of these ids the archive already holds. */
  async hasMany(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT id FROM articles WHERE id IN (${chunk.map(() => "?").join(",")})`).all(...chunk) as Array<{ id: string }>;
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  async count(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  }

  async get(id: string): Promise<RasdRecord | null> {
    const row = this.db.prepare(`SELECT a.record, a.body, a.duplicate_of, a.story FROM articles a WHERE a.id = ?`).get(id) as { record: Buffer; body: Buffer | null; duplicate_of: string | null; story: string | null } | undefined;
    if (!row) return null;
    const rec = unpackRecord(row.record, row.body);
    return withArchive(rec, archiveInfo(row.duplicate_of, row.story));
  }

  /** Every record (optionally those a query selects), in archive order, for exports. */
  async *records(query?: string, batch = 500): AsyncGenerator<RasdRecord> {
    const pq = parseQuery(query ?? "");
    const { sql, params } = this.whereOf(pq);
    let last = 0;
    for (;;) {
      const rows = this.db.prepare(`SELECT a.doc, a.record, a.body, a.duplicate_of, a.story FROM articles a WHERE ${sql} AND a.doc > ? ORDER BY a.doc LIMIT ?`).all(...params, last, batch) as Array<{ doc: number; record: Buffer; body: Buffer | null; duplicate_of: string | null; story: string | null }>;
      if (!rows.length) return;
      for (const r of rows) yield withArchive(unpackRecord(r.record, r.body), archiveInfo(r.duplicate_of, r.story));
      last = rows[rows.length - 1]!.doc;
    }
  }

  /** Transactions this connection began (data_version counts only other connections' commits). */
  private ownWrites = 0;

  /**
   * SQLite's data_version (it changes when another connection, in this process or another, commits
   * to the file) combined with this connection's own writes: a few microseconds, no data read.
   */
  changeStamp(): number {
    const v = this.prepared("PRAGMA data_version").pluck().get() as number;
    return v * 1_000_003 + this.ownWrites;
  }

  /** A statement prepared once per SQL text (query shapes repeat: the same filters, other values). */
  private prepared(sql: string): Database.Statement {
    return this.statement(sql, () => sql);
  }

  /** The first and last publication dates of the archive (two index seeks). */
  private dateSpan(): { lo: string | null; hi: string | null } {
    return this.prepared("SELECT (SELECT min(dct) FROM articles) AS lo, (SELECT max(dct) FROM articles) AS hi").get() as { lo: string | null; hi: string | null };
  }

  /**
   * The FTS5 match of a query with words: the words in the `terms` column and, with a date filter,
   * the publication-date tokens that cover the range in the `dates` column. The date is then part of
   * the index lookup, so a common word over a long archive does not mean ranking and joining every
   * article it occurs in only to drop those outside the month.
   *
   * Over a range of a few months (MONTH_WORDS_MAX) the words are matched as month words instead
   * (`mterms`, dateTokens.ts): each word becomes one phrase per month, ORed, whose doclists hold only
   * that month's articles; the day tokens are still added when the range is not whole months.
   * `phrasesPerWord` is how many phrases each positive word became (bm25's counts follow the phrases).
   * Not with FTS5's own bm25(), which would count a month word's documents for its IDF instead of the
   * word's: its scores would change.
   */
  private ftsMatch(pq: ParsedQuery): { positive: string | null; negative: string | null; dates: string[] | null; phrasesPerWord: number; dateDecided: boolean } {
    const fts = ftsExpression(pq);
    if (!fts.positive) return { positive: null, negative: fts.negative ? `terms : (${fts.negative})` : null, dates: null, phrasesPerWord: 1, dateDecided: false };
    const span = pq.date ? (pq.date.from && pq.date.to ? { lo: null, hi: null } : this.dateSpan()) : null;
    const dates = pq.date ? dateMatchTokens(pq.date, span!) : null;
    const positive = pq.terms.filter((t) => !t.negated);
    const range =
      dates && this.monthWords && this.nativeRank && positive.every((t) => t.stems.every((w) => INDEXED_AS_IS.test(w))) ? monthRange(pq.date, span!, MONTH_WORDS_MAX) : null;
    // The date tokens cover the range exactly (dateCover), the months with day tokens too; only an
    // article without a full date ("dx", always a candidate) or one dated on the last day with a time
    // after it needs the SQL condition. Without either, the match alone holds the range's articles.
    const undated = dates !== null && this.matchCount("dates : dx") > 0;
    const dateDecided = dates !== null && !undated && !this.longDctAt(pq.date!.to);
    if (range) {
      const months = undated ? [...range.months, UNDATED_MONTH] : range.months;
      const words = positive.map((t) => `(${months.map((m) => ftsPhrase(t.stems.map((w) => w + m))).join(" OR ")})`).join(" AND ");
      let expr = `mterms : (${words})`;
      if (fts.negative) expr = `(${expr}) NOT (terms : (${fts.negative}))`;
      if (!range.whole) expr = `(${expr}) AND (${datesCondition(dates!)})`;
      return { positive: expr, negative: null, dates, phrasesPerWord: months.length, dateDecided };
    }
    let expr = `terms : (${fts.negative ? `(${fts.positive}) NOT (${fts.negative})` : fts.positive})`;
    if (dates) expr = `(${expr}) AND (${datesCondition(dates)})`;
    return { positive: expr, negative: null, dates, phrasesPerWord: 1, dateDecided };
  }

  /**
   * Whether an article's date is the range's last day with more after it ("2018-05-31T10:00"): the
   * SQL condition `a.dct <= '2018-05-31'` leaves it out where its date tokens take it in. One seek in
   * the date index (kept with the counts); RECORD.md's dates are YYYY-MM-DD, so it is none.
   */
  private longDctAt(to: string | undefined): boolean {
    if (!to) return false;
    return this.keptCount(`longdct ${to}`, () => (this.prepared("SELECT count(*) FROM (SELECT 1 FROM articles WHERE dct > ? AND dct < ? LIMIT 1)").pluck().get(to, `${to}\uffff`) as number)) > 0;
  }

  /**
   * The filters other than the words as SQL conditions, without the date range when the full-text
   * match already holds exactly the range's articles (ftsMatch: dateDecided): the match then needs no
   * join to the articles table to check their dates, and a query of words and dates takes the keyed
   * path (search; its facet fields kept per article).
   */
  private filtersOf(pq: ParsedQuery, fts: { dateDecided: boolean }, d: Dialect, doc?: string): string[] {
    return compileFilters(fts.dateDecided ? { ...pq, date: undefined } : pq, d, doc);
  }

  /** The full-text match and the filters, each tested on `fts.rowid` (search: keyed). */
  private keyedWhere(pq: ParsedQuery, fts: { positive: string | null; dateDecided: boolean }): { sql: string; params: unknown[] } {
    const params: unknown[] = [fts.positive];
    const d: Dialect = { param: (v) => (params.push(v), "?"), indexedBy: (index) => `INDEXED BY ${index}` };
    return { sql: ["fts MATCH ?", ...this.filtersOf(pq, fts, d, "fts.rowid")].join(" AND "), params };
  }

  private whereOf(pq: ParsedQuery): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const d = { param: (v: unknown) => (params.push(v), "?") };
    const fts = this.ftsMatch(pq);
    const where = this.filtersOf(pq, fts, d);
    // Appended, not put first: SQLite's "?" take the parameters in the order they were added.
    if (fts.positive) {
      where.push(`a.doc IN (SELECT rowid FROM fts WHERE fts MATCH ${d.param(fts.positive)})`);
    } else if (fts.negative) {
      where.push(`a.doc NOT IN (SELECT rowid FROM fts WHERE fts MATCH ${d.param(fts.negative)})`);
    }
    return { sql: where.length ? where.join(" AND ") : "1", params };
  }

  /**
   * One page of results. The matching articles are ranked (or sorted by date) on small rows — doc,
   * score, date — and only the page's rows are read whole, so the compressed texts of articles that
   * are not shown never leave the table, and snippets are built for the page alone.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const pq = parseQuery(query);
    const limit = Math.max(0, Math.min(options.limit ?? 20, 1000));
    const offset = Math.max(0, options.offset ?? 0);
    const sort = sortOf(pq, options.sort);
    try {
      this.dropKeptIfChanged();
      const fts = this.ftsMatch(pq);
      const params: unknown[] = [];
      const d = { param: (v: unknown) => (params.push(v), "?") };
      let from = "articles a";
      let score = "0";
      // Parameters of the score expression, which comes before the WHERE clause in every statement.
      let scoreParams: number[] = [];
      const where: string[] = [];
      if (fts.positive) {
        // The full-text match drives the join (CROSS JOIN keeps the planner from starting elsewhere).
        from = "fts CROSS JOIN articles a ON a.doc = fts.rowid";
        where.push(`fts MATCH ${d.param(fts.positive)}`);
        if (this.nativeRank) {
          scoreParams = this.phraseCountsOf(pq, fts.phrasesPerWord);
          score = `-rasd_bm25(fts${", ?".repeat(scoreParams.length)})`;
        } else score = "-bm25(fts, 1.0, 0.0, 0.0)";
      } else if (fts.negative) {
        where.push(`a.doc NOT IN (SELECT rowid FROM fts WHERE fts MATCH ${d.param(fts.negative)})`);
      }
      where.push(...this.filtersOf(pq, fts, d));
      const w = where.length ? where.join(" AND ") : "1";
      // The same conditions, each tested on the full-text index's rowid, where none needs the
      // article's row (all but a date range the match does not already decide): the window, the
      // total and the cut then read the index and the filters' own indexes, and articles' rows only
      // for the matches kept (facetFieldsOf). Joined, each match of the words was one seek into
      // `articles` to test its outlet, a page read each for a word in thousands of other outlets'.
      const keyed = fts.positive !== null && (!pq.date || fts.dateDecided) ? this.keyedWhere(pq, fts) : null;
      // Newest first: NULL dates sort last under DESC already, so the dct index gives the order.
      const order = sort === "relevance" && fts.positive ? "score DESC, a.dct DESC, a.doc DESC" : sort === "oldest" ? "a.dct IS NULL, a.dct ASC, a.doc ASC" : "a.dct DESC, a.doc DESC";
      // Relevance and facets cost per match; a word in a tenth of a large archive would otherwise be
      // scored and faceted 20,000 times for 20 results. Both are bounded to the rank window: the
      // most recently added matches (a rowid range the full-text index reads natively). The total
      // stays exact, the user is told, and a narrower query (a word, a date) is ranked whole.
      const key = fts.positive ? "fts.rowid" : "a.doc";
      // A lone word or phrase with no other condition matches the articles bm25 counted for its IDF
      // (kept, or one seek in term_docs): a broad query ("ترامب") is not counted a second time.
      const lone = where.length === 1 && pq.terms.length === 1 && !pq.terms[0]!.negated && !fts.dates ? pq.terms[0]! : null;
      const count = () =>
        lone
          ? this.phraseCount(lone.stems)
          : keyed
            ? (this.prepared(`SELECT count(*) AS n FROM fts WHERE ${keyed.sql}`).get(...keyed.params) as { n: number }).n
            : (this.prepared(`SELECT count(*) AS n FROM ${from} WHERE ${w}`).get(...params) as { n: number }).n;
      let total: number;
      let cut: number | null = null;
      let matched: MatchedRow[] | null = null;
      // With facets and relevance order, one pass over the full-text index gives both: the rows the
      // facets count are the rows that are ranked (the rank window), so their scores come along and
      // the page is ranked here instead of by a second full-text query.
      const rankHere = options.facets === true && sort === "relevance" && fts.positive !== null;
      if (options.facets) {
        // The matching rows, newest added first, read once for the facets (and the total when few).
        // FTS5 reads a doclist backwards by loading it whole, page after page, and forwards with
        // skips; while all the matches are kept their order does not matter, so a match likely to
        // fit the window is read forwards, and read again backwards if it did not fit after all.
        // With conditions the index can test (keyed) the index gives the matches, and their facet
        // fields come from facetFieldsOf (kept per article); with a date range, the join reads them.
        const matchedIn = (dir: "ASC" | "DESC"): MatchedRow[] =>
          keyed
            ? this.facetFieldsOf(this.prepared(`SELECT fts.rowid AS k${rankHere ? `, ${score} AS score` : ""} FROM fts WHERE ${keyed.sql} ORDER BY fts.rowid ${dir} LIMIT ${this.rankWindow + 1}`).all(...(rankHere ? scoreParams : []), ...keyed.params) as Array<{ k: number; score?: number }>)
            : this.joinedFacetFields(this.prepared(`SELECT a.outlet AS outlet, a.section AS section, a.dct AS dct, ${key} AS k${this.entityKeysColumn ? ", a.entity_keys AS ek" : ""}${rankHere ? `, ${score} AS score` : ""} FROM ${from} WHERE ${w} ORDER BY ${key} ${dir} LIMIT ${this.rankWindow + 1}`).all(...(rankHere ? scoreParams : []), ...params) as JoinedRow[]);
        matched = fts.positive && this.likelyWithinWindow(pq, fts.dates) ? matchedIn("ASC") : null;
        if (!matched || matched.length > this.rankWindow) matched = matchedIn("DESC");
        if (matched.length > this.rankWindow) {
          matched = matched.slice(0, this.rankWindow);
          cut = matched[matched.length - 1]!.k;
          total = count();
        } else total = matched.length;
      } else {
        total = count();
        if (sort === "relevance" && fts.positive && total > this.rankWindow) {
          const row = this.prepared(
            keyed ? `SELECT fts.rowid AS k FROM fts WHERE ${keyed.sql} ORDER BY fts.rowid DESC LIMIT 1 OFFSET ${this.rankWindow - 1}` : `SELECT ${key} AS k FROM ${from} WHERE ${w} ORDER BY ${key} DESC LIMIT 1 OFFSET ${this.rankWindow - 1}`,
          ).get(...(keyed ? keyed.params : params)) as { k: number } | undefined;
          cut = row?.k ?? null;
        }
      }
      const ranked = sort === "relevance" && fts.positive && cut !== null;
      if (ranked) pq.warnings.push(`${total} articles match: ranked by relevance among the ${this.rankWindow} most recently added; add a word or a date to rank them all`);
      if (matched && cut !== null) pq.warnings.push(`${total} articles match: the facets count the ${this.rankWindow} most recently added`);
      const page = rankHere
        ? rankPage(matched!, offset, limit)
        : (this.prepared(`SELECT a.doc AS doc, ${score} AS score FROM ${from} WHERE ${w}${ranked ? ` AND ${key} >= ?` : ""} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...scoreParams, ...params, ...(ranked ? [cut] : []), limit, offset) as Array<{ doc: number; score: number }>);
      const terms = highlightTerms(pq);
      const hits = page.map((p) => {
        const r = this.hitRow(p.doc);
        const text = r.text;
        const skip = r.headline && text.startsWith(r.headline) ? r.headline.length : 0;
        return {
          id: r.id,
          ...(r.headline ? { headline: r.headline } : {}),
          ...(r.outlet ? { outlet: r.outlet } : {}),
          ...(r.section ? { section: r.section } : {}),
          dct: r.dct,
          score: Math.round(p.score * 1000) / 1000,
          snippets: buildSnippets(text, terms, 2, skip),
          ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
          ...(r.story ? { story: r.story } : {}),
        };
      });
      const result: SearchResult = { total, hits, parsed: summarize(pq, sort), ...(pq.warnings.length ? { warnings: pq.warnings } : {}) };
      if (matched) result.facets = { ...this.facets(matched), ...(cut !== null ? { sample: matched.length } : {}) };
      return result;
    } catch (e) {
      // The query compiler quotes every user word; a failure here is the store's, not the user's.
      throw new RasdError("RASD_STORE", (e as Error).message, { cause: e });
    }
  }

  /**
   * The number of documents holding each phrase of the full-text match, in the order FTS5 numbers
   * them (ftsMatch: the positive terms, then the negated ones, then the date tokens, which weigh
   * nothing and get no count). A negated phrase never occurs in a matching row, so its count is
   * never used. Counting a common word is a scan of its whole doclist, and the same words come back
   * query after query, so the counts are kept until the archive changes. A word matched as month
   * words is `perWord` phrases, one per month, each counted as the word (its IDF over the archive).
   */
  private phraseCountsOf(pq: ParsedQuery, perWord = 1): number[] {
    const positive = pq.terms.filter((t) => !t.negated).flatMap((t) => new Array<number>(perWord).fill(this.phraseCount(t.stems)));
    return [...positive, ...pq.terms.filter((t) => t.negated).map(() => 0)];
  }

  /**
   * The documents holding a phrase in the `terms` column. A single word that the index stores as it
   * is (no character its tokenizer folds or splits on) is read from term_docs while that was counted
   * on the archive as it is (one seek), else from the index's vocabulary, which counts its doclist
   * inside FTS5, about three times quicker than counting the rows of a MATCH. Words shaped like date
   * tokens, which the vocabulary also counts in the `dates` column, and phrases are counted by MATCH.
   */
  private phraseCount(stems: string[]): number {
    const expr = `terms : ${ftsPhrase(stems)}`;
    const word = stems.length === 1 ? stems[0]! : null;
    if (word === null || !INDEXED_AS_IS.test(word) || DATE_TOKEN.test(word)) return this.matchCount(expr);
    return this.keptCount(expr, () => {
      if (this.termDocsCurrent()) {
        const docs = this.prepared("SELECT docs FROM term_docs WHERE term = ?").pluck().get(word) as number | undefined;
        if (docs !== undefined) return docs;
        // Not there: in fewer than TERM_DOCS_MIN articles, quick to count.
      }
      this.ensureVocabulary();
      return (this.prepared("SELECT doc FROM temp.fts_terms WHERE term = ? AND col = 'terms'").pluck().get(word) as number | undefined) ?? 0;
    });
  }

  /** Whether term_docs was counted on the archive as it is now (kept until the archive changes). */
  private termDocsCurrent(): boolean {
    const n = this.lastDoc();
    return this.keptCount("\0term_docs", () => (this.termDocsAt() === n ? 1 : 0)) === 1;
  }

  /**
   * The last document number, kept until the archive changes. max(doc), not count(*): one seek
   * instead of a walk over the table (documents are never deleted).
   */
  private lastDoc(): number {
    return this.keptCount("\0articles", () => this.maxDoc());
  }

  private maxDoc(): number {
    return (this.prepared("SELECT max(doc) FROM articles").pluck().get() as number | null) ?? 0;
  }

  /** The documents an FTS5 expression matches, kept with the phrase counts until the archive changes. */
  private matchCount(expr: string): number {
    return this.keptCount(expr, () => this.prepared("SELECT count(*) FROM fts WHERE fts MATCH ?").pluck().get(expr) as number);
  }

  /**
   * A count kept until the archive changes (bounded: queries can name words without end). search()
   * has dropped what was kept if the archive changed since the last search.
   */
  private keptCount(key: string, compute: () => number): number {
    if (this.phraseCounts.size > 100_000) this.phraseCounts.clear();
    let n = this.phraseCounts.get(key);
    if (n === undefined) this.phraseCounts.set(key, (n = compute()));
    return n;
  }

  private dropKeptIfChanged(): void {
    const stamp = this.changeStamp();
    if (stamp === this.keptStamp) return;
    this.phraseCounts.clear();
    this.entityNames.clear();
    this.hitRows.clear();
    this.keptStamp = stamp;
  }

  /**
   * What a hit shows of an article, its text inflated, kept for the HIT_ROWS most recently shown:
   * the articles a desk's searches show come back (on the bench's one-month searches, 38% of the
   * hits had been shown by an earlier search), and reading the row and inflating its text was a
   * third of such a search's time. Rows are not changed once written; still, search() drops these
   * with the other kept answers when the archive changes, so nothing kept can outlive an edit.
   */
  private hitRow(doc: number): HitRow {
    let r = this.hitRows.get(doc);
    if (r) {
      this.hitRows.delete(doc);
      this.hitRows.set(doc, r);
      return r;
    }
    const row = this.prepared("SELECT id, headline, outlet, section, dct, duplicate_of, story, body FROM articles WHERE doc = ?").get(doc) as Omit<HitRow, "text"> & { body: Buffer | null };
    const text = row.body ? unpackText(new Uint8Array(0), row.body) : unpackText((this.prepared("SELECT record FROM articles WHERE doc = ?").get(doc) as { record: Buffer }).record, null);
    r = { id: row.id, headline: row.headline, outlet: row.outlet, section: row.section, dct: row.dct, duplicate_of: row.duplicate_of, story: row.story, text };
    if (this.hitRows.size >= HIT_ROWS) this.hitRows.delete(this.hitRows.keys().next().value!);
    this.hitRows.set(doc, r);
    return r;
  }

  /**
   * The name, English name and type of an entity key, for facets (the twenty shown are mostly the
   * same few hundred). search() has dropped what was kept if the archive changed.
   */
  private entityName(key: string): { name: string; en: string | null; type: string } {
    let named = this.entityNames.get(key);
    if (!named) {
      if (this.entityNames.size > 100_000) this.entityNames.clear();
      named = (this.prepared("SELECT name, en, type FROM entity_keys WHERE key = ?").get(key) as typeof named) ?? { name: key, en: null, type: "MISC" };
      this.entityNames.set(key, named);
    }
    return named;
  }

  /**
   * Whether a full-text match is likely to hold at most the rank window's articles, from kept counts:
   * the articles of its rarest word times the share of the archive its date range covers (words and
   * dates taken as independent). A wrong guess costs a second read, never a different result.
   */
  private likelyWithinWindow(pq: ParsedQuery, dates: string[] | null): boolean {
    const words = this.phraseCountsOf(pq).slice(0, pq.terms.filter((t) => !t.negated).length);
    let expected = Math.min(...words);
    if (dates) {
      const n = this.lastDoc();
      const dated = dates.reduce((sum, t) => sum + this.matchCount(`dates : ${t}`), 0);
      expected *= n > 0 ? Math.min(1, dated / n) : 1;
    }
    return expected <= this.rankWindow / 2;
  }

  /**
   * The facet fields of matched articles, kept per article (FacetColumns): they are written with the
   * article and never change, so what was read stays right whatever is added later. A broad query's
   * rank window is the most recently added thousand matches, mostly the same articles query after
   * query; reading their rows again (a seek and a parse of the entity keys each, about 6 µs) was most
   * of its cost. Missing articles are read in one statement.
   */
  private facetFieldsOf(rows: Array<{ k: number; score?: number }>): MatchedRow[] {
    const kept = this.facetColumns;
    kept.makeRoom(rows.length);
    const missing: number[] = [];
    for (const r of rows) if (!kept.has(r.k)) missing.push(r.k);
    const unkept = new Map<number, FacetRow>();
    if (missing.length) {
      const read = this.prepared(
        `${this.facetFieldsSelect()} WHERE doc IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(missing)) as JoinedRow[];
      for (const r of read) if (!kept.add(r.k, r)) unkept.set(r.k, kept.transient(r));
    }
    return rows.map((r) => matchedRow(kept.row(r.k) ?? unkept.get(r.k) ?? NO_FACET_FIELDS, r));
  }

  /** The facet fields of rows the join read (with their `ek`), kept, as matched rows. */
  private joinedFacetFields(rows: JoinedRow[]): MatchedRow[] {
    const kept = this.facetColumns;
    kept.makeRoom(rows.length);
    return rows.map((r) => matchedRow(kept.add(r.k, r) ? kept.row(r.k)! : kept.transient(r), r));
  }

  /**
   * Keeps the facet fields of the `n` most recently added articles now, in one pass over the
   * covering index, instead of a few at a time as searches meet them: a broad query's rank window
   * and a query on the latest month are those articles, so the first such searches after a server
   * starts (analysts asking for the names in the news) read no article rows for their facets.
   * About 0.3 s for 40,000 articles on the bench archive. Nothing without the facet index (an older
   * archive opened read-only): there it would read 40,000 whole article rows, not the 34 MB index.
   */
  keepNewestFacetFields(n = FACET_FIELDS_AT_START): number {
    this.keptDownTo = null;
    return this.keepFacetFieldsBelow(Number.MAX_SAFE_INTEGER, n);
  }

  /**
   * Goes on where keepNewestFacetFields (or the call before) stopped: keeps the facet fields of the
   * next `n` older articles. False when there are none left, when they would not fit, or when the
   * archive is closed. A read worker calls it a chunk at a time between calls until all are kept:
   * month searches on older articles then read no rows for their facets either (on the bench's
   * one-month searches, 2.0–2.2 ms against 1.6–1.9 with all 200,000 kept), and no call waits for
   * the whole pass (1.3 s there).
   */
  keepOlderFacetFields(n: number): boolean {
    if (!this.db.open || this.keptDownTo === null || this.facetColumns.size + n > this.facetColumns.maxArticles) return false;
    return this.keepFacetFieldsBelow(this.keptDownTo, n) === n;
  }

  private keepFacetFieldsBelow(below: number, n: number): number {
    if (!this.facetIndex) return 0;
    const want = Math.max(0, Math.min(n, this.facetColumns.maxArticles));
    this.facetColumns.makeRoom(want);
    // Rows as arrays (raw): a third quicker to step through than as objects, for 200,000 rows.
    const rows = this.db.prepare(`${this.facetFieldsSelect()} WHERE doc < ? ORDER BY doc DESC LIMIT ?`).raw().iterate(below, want) as IterableIterator<[number, string | null, string | null, string | null, string | null | undefined]>;
    const f: FacetSource = { outlet: null, section: null, dct: null, ek: null };
    let read = 0;
    for (const [k, outlet, section, dct, ek] of rows) {
      f.outlet = outlet;
      f.section = section;
      f.dct = dct;
      f.ek = ek;
      this.facetColumns.add(k, f);
      this.keptDownTo = k;
      read++;
    }
    return read;
  }

  /** The SELECT … FROM of the facet fields as JoinedRow, from the covering index where there is one. */
  private facetFieldsSelect(): string {
    return `SELECT doc AS k, outlet, section, dct${this.entityKeysColumn ? ", entity_keys AS ek" : ""} FROM articles${this.facetIndex ? " INDEXED BY articles_facets" : ""}`;
  }

  /**
   * Outlets, sections and the date histogram from the matching rows (read once); top entities in SQL
   * over those same articles, by their ids (the full-text match is not run a second time).
   */
  private facets(matched: MatchedRow[]): NonNullable<SearchResult["facets"]> {
    const top = this.topEntities(matched);
    const entities = top.map((t) => ({ ...t, ...this.entityName(t.id) }));
    let lo: string | null = null, hi: string | null = null;
    for (const r of matched) {
      if (r.dct === null) continue;
      if (lo === null || r.dct < lo) lo = r.dct;
      if (hi === null || r.dct > hi) hi = r.dct;
    }
    const unit = lo && hi && dayNumber(hi) - dayNumber(lo) > 120 ? 7 : 10;
    return {
      outlets: countBy(matched, (r) => r.outlet, 20),
      sections: countBy(matched, (r) => r.section, 20),
      entities: entities.map((e) => ({ id: e.id, name: e.name, ...(e.en ? { en: e.en } : {}), type: e.type as never, count: e.count })),
      dates: countBy(matched, (r) => (r.dct === null ? null : r.dct.slice(0, unit)), Infinity)
        .map(({ value, count }) => ({ date: value, count }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  }

  /**
   * The twenty entity keys in most of the matched articles (ties by key, in SQLite's byte order).
   * Counted from each row's `entity_keys`, read with the match: an SQL count over the entities table
   * was a sixth of a search's time, most of it seeking the rows of each article. Rows without the
   * column's value are counted in SQL, and the two counts add up (an article is in one or the other).
   */
  private topEntities(matched: MatchedRow[]): Array<{ id: string; count: number }> {
    const missing: number[] = [];
    // Counted by key id in a scratch array (zeroed again below), not in a Map keyed by strings.
    if (this.keyCounts.length < this.facetColumns.keyCount) this.keyCounts = new Int32Array(Math.max(this.facetColumns.keyCount, 2 * this.keyCounts.length));
    const counts = this.keyCounts;
    const touched: number[] = [];
    for (const r of matched) {
      if (r.keys === null) missing.push(r.k);
      else for (let i = 0; i < r.keys.length; i++) if (counts[r.keys[i]!]++ === 0) touched.push(r.keys[i]!);
    }
    // Only the keys at or above the twentieth highest count can be among the twenty (or every key,
    // when SQL adds counts of its own below).
    let floor = 0;
    if (!missing.length && touched.length > 20) floor = Int32Array.from(touched, (id) => counts[id]!).sort()[touched.length - 20]!;
    const byKey = new Map<string, number>();
    for (const id of touched) {
      if (counts[id]! >= floor) byKey.set(this.facetColumns.keyName(id), counts[id]!);
      counts[id] = 0;
    }
    // Counted on the key alone (the names of thousands of rows are not carried through the grouping);
    // the twenty keys kept then take the name, English name and type the entity page shows.
    const inSql = (limit: string) =>
      this.prepared(`SELECT e.key AS id, count(DISTINCT e.doc) AS count FROM entities e WHERE e.doc IN (SELECT value FROM json_each(?)) GROUP BY e.key ORDER BY count DESC, e.key${limit}`).all(
        JSON.stringify(missing),
      ) as Array<{ id: string; count: number }>;
    if (missing.length === matched.length) return missing.length ? inSql(" LIMIT 20") : [];
    if (missing.length) for (const { id, count } of inSql("")) byKey.set(id, (byKey.get(id) ?? 0) + count);
    return topByCount(byKey, 20);
  }

  async lookupEntities(prefix: string, limit = 10): Promise<EntitySummary[]> {
    const p = fieldValue(prefix);
    if (!p) return [];
    // A prefix of any word of the Arabic or English name ("ترا" finds "دونالد ترامب").
    const esc = p.replace(/[\\%_]/g, (m) => "\\" + m);
    const rows = this.db
      .prepare(`SELECT key, name, en, type, articles, mentions FROM entity_keys
        WHERE name_norm LIKE ? ESCAPE '\\' OR name_norm LIKE ? ESCAPE '\\' OR en_norm LIKE ? ESCAPE '\\' OR en_norm LIKE ? ESCAPE '\\' OR key = ?
        ORDER BY articles DESC, mentions DESC LIMIT ?`)
      .all(esc + "%", "% " + esc + "%", esc + "%", "% " + esc + "%", prefix, Math.max(1, Math.min(limit, 100))) as Array<EntitySummary & { key: string; en: string | null }>;
    return rows.map((r) => summary(r));
  }

  async entity(key: string): Promise<EntityProfile | null> {
    const norm = fieldValue(key);
    const keys = this.db.prepare("SELECT key, count(*) AS n FROM entities WHERE key = ? OR kb = ? OR name_norm = ? OR en_norm = ? GROUP BY key ORDER BY n DESC LIMIT 1").get(key, key, norm, norm) as { key: string } | undefined;
    if (!keys) return null;
    const k = keys.key;
    const head = this.db.prepare("SELECT key, max(name) AS name, max(en) AS en, max(type) AS type, count(DISTINCT doc) AS articles, sum(mentions) AS mentions FROM entities WHERE key = ?").get(k) as EntitySummary & { key: string; en: string | null };
    const names = (this.db.prepare("SELECT DISTINCT name FROM entities WHERE key = ? LIMIT 50").all(k) as Array<{ name: string }>).map((r) => r.name);
    const timeline = this.db.prepare("SELECT a.dct AS date, count(DISTINCT a.doc) AS count FROM entities e JOIN articles a ON a.doc = e.doc WHERE e.key = ? AND a.dct IS NOT NULL GROUP BY a.dct ORDER BY a.dct").all(k) as Array<{ date: string; count: number }>;
    const co = this.db
      .prepare(`SELECT o.key, max(o.name) AS name, max(o.en) AS en, max(o.type) AS type, count(DISTINCT o.doc) AS articles, sum(o.mentions) AS mentions
        FROM entities e JOIN entities o ON o.doc = e.doc AND o.key <> e.key WHERE e.key = ? GROUP BY o.key ORDER BY articles DESC, mentions DESC LIMIT 20`)
      .all(k) as Array<EntitySummary & { key: string; en: string | null }>;
    const quotes = this.db
      .prepare(`SELECT a.id AS article, a.dct, q.kind, q.start, q."end", a.record, a.body FROM quotes q JOIN articles a ON a.doc = q.doc WHERE q.speaker_key = ? ORDER BY a.dct DESC LIMIT 50`)
      .all(k) as Array<{ article: string; dct: string | null; kind: string; start: number; end: number; record: Buffer; body: Buffer | null }>;
    const outlets = this.db.prepare("SELECT a.outlet AS value, count(DISTINCT a.doc) AS count FROM entities e JOIN articles a ON a.doc = e.doc WHERE e.key = ? AND a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY count DESC").all(k) as Array<{ value: string; count: number }>;
    return {
      ...summary(head),
      names,
      timeline,
      coMentioned: co.map((r) => summary(r)),
      quotes: quotes.map((q) => {
        const text = unpackText(q.record, q.body).slice(q.start, q.end);
        return { article: q.article, text, kind: q.kind, dct: q.dct };
      }),
      outlets,
    };
  }

  async timeline(query: string, interval: "day" | "week" | "month" = "day"): Promise<Array<{ date: string; count: number }>> {
    const pq = parseQuery(query);
    const { sql, params } = this.whereOf(pq);
    const rows = this.db.prepare(`SELECT a.dct AS date, count(*) AS count FROM articles a WHERE ${sql} AND a.dct IS NOT NULL GROUP BY a.dct ORDER BY a.dct`).all(...params) as Array<{ date: string; count: number }>;
    return bucket(rows, interval);
  }

  async stats(): Promise<StoreStats> {
    const g = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const span = this.db.prepare("SELECT min(dct) AS lo, max(dct) AS hi FROM articles").get() as { lo: string | null; hi: string | null };
    return {
      articles: g("SELECT count(*) AS n FROM articles"),
      entities: g("SELECT count(*) AS n FROM entity_keys"),
      quotes: g("SELECT count(*) AS n FROM quotes"),
      events: g("SELECT count(*) AS n FROM events"),
      // Counted on the outlet index (grouping by the display name read every row of the table: 1.3 s
      // on 200,000 articles, and the desk's first page waits for it); one display name per outlet.
      outlets: this.prepared(
        `SELECT (SELECT x.outlet FROM articles x WHERE x.outlet_norm = g.k LIMIT 1) AS value, g.count AS count
         FROM (SELECT outlet_norm AS k, count(*) AS count FROM articles WHERE outlet_norm IS NOT NULL GROUP BY outlet_norm) g ORDER BY g.count DESC`,
      ).all() as Array<{ value: string; count: number }>,
      ...(span.lo ? { firstDate: span.lo } : {}),
      ...(span.hi ? { lastDate: span.hi } : {}),
    };
  }

  /**
   * Tidies the archive after a bulk ingest: merges the full-text index into one b-tree when it has
   * grown into several, counts its words' documents (countTermDocs), then folds the write-ahead log
   * into the main file.
   *
   * FTS5 adds a segment per transaction and merges them only in fours (automerge), so an archive
   * built by ingest holds a dozen or more, and every word a search looks up is looked up in each of
   * them. Merged, a two-word search with a month filter on 200,000 articles reads its matches in
   * about 0.6 ms instead of 1.0. Merging rewrites the index (about 5 s per 200,000 articles), so it
   * is done when the index is fragmented (more than MAX_SEGMENTS) or the ingest added a good share of
   * the archive, not after every small ingest into a large one.
   */
  checkpoint(added = 0): { merged: boolean } {
    const segments = this.ftsSegments();
    const articles = this.maxDoc(); // not lastDoc(): what was kept may predate this connection's writes
    const merged = segments > MAX_SEGMENTS || (segments > 1 && added * 10 >= articles);
    if (merged) this.db.prepare("INSERT INTO fts(fts) VALUES ('optimize')").run();
    if (added > 0 || this.termDocsAt() !== articles) this.countTermDocs(articles);
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return { merged };
  }

  /**
   * Writes the document count of every word in at least TERM_DOCS_MIN articles (bm25's idf) to
   * term_docs, with the archive's last document number: the counts hold while that number does.
   * One pass over the index vocabulary (1.3–1.8 s on 200,000 articles) instead of a pass over a word's
   * doclist the first time each search worker meets the word (0.2 ms each, half the words of a
   * stream of new queries).
   */
  private countTermDocs(articles: number): void {
    this.ensureVocabulary();
    this.db.transaction(() => {
      this.db.exec(TERM_DOCS_TABLE); // archives written before it
      this.db.exec("DELETE FROM term_docs");
      this.db.prepare("INSERT INTO term_docs(term, docs) SELECT term, doc FROM temp.fts_terms WHERE col = 'terms' AND doc >= ?").run(TERM_DOCS_MIN);
      this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('term_docs_at', ?)").run(String(articles));
    })();
    this.ownWrites++;
  }

  /** The last document number term_docs was counted at (null: never, or an archive without it). */
  private termDocsAt(): number | null {
    if (!this.inSchema("table", "term_docs")) return null;
    const v = this.db.prepare("SELECT value FROM meta WHERE key = 'term_docs_at'").pluck().get() as string | undefined;
    return v === undefined ? null : Number(v);
  }

  private ensureVocabulary(): void {
    if (this.vocabulary) return;
    // Per column: a word's documents in `terms`, not also its occurrences elsewhere.
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, col)");
    this.vocabulary = true;
  }

  /** The b-trees (segments) the full-text index is made of, each searched for every word. */
  ftsSegments(): number {
    return this.db.prepare("SELECT count(DISTINCT segid) FROM fts_idx").pluck().get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * The record is stored in two parts, both compressed: the annotations (JSON, with an empty text) and
 * the text, so search snippets inflate only the text. Rows without a body hold the whole record.
 *
 * The text is deflated UTF-16LE behind a marker byte. Arabic text deflates to the same size in either
 * encoding (1,034 and 1,033 bytes on average over 2,000 ANT articles), but turning UTF-8 back into a
 * JavaScript string costs about 25 µs an article and UTF-16LE about 1.5, and a search does it for
 * every hit it shows. UTF-16LE also keeps every code unit, a lone surrogate included, where UTF-8
 * would have replaced it. Bodies written before (deflated UTF-8, no marker) still read: a raw deflate
 * stream never starts with the marker, whose block type bits (11) are reserved.
 */
export function packRecord(json: string, text: string): { record: Buffer; body: Buffer } {
  const body = deflateRawSync(Buffer.from(text, "utf16le"), { level: 3 });
  return { record: deflateRawSync(Buffer.from(json, "utf8"), { level: 3 }), body: Buffer.concat([UTF16_BODY, body]) };
}

const UTF16_BODY = Buffer.of(0xfe);

/** The text of a stored body, either encoding. */
export function unpackBody(body: Uint8Array): string {
  if (body[0] === UTF16_BODY[0]) return inflateRawSync(body.subarray(1)).toString("utf16le");
  return inflateRawSync(body).toString("utf8");
}

export function unpackRecord(record: Uint8Array, body: Uint8Array | null): RasdRecord {
  const rec = JSON.parse(inflateRawSync(record).toString("utf8")) as RasdRecord;
  if (body) rec.text = unpackBody(body);
  return rec;
}

export function unpackText(record: Uint8Array, body: Uint8Array | null): string {
  return body ? unpackBody(body) : (JSON.parse(inflateRawSync(record).toString("utf8")) as RasdRecord).text;
}

/** What a search hit shows of an article (hitRow). */
type HitRow = { id: string; headline: string; outlet: string | null; section: string | null; dct: string | null; duplicate_of: string | null; story: string | null; text: string };
/** How many articles' hit rows a connection keeps (about 3.5 KB each: 7 MB). */
const HIT_ROWS = 2000;

/** A matched article as the facets and the ranking read it: its facet fields, number and score. */
type MatchedRow = FacetRow & { k: number; score?: number };
/** A matched row: an article's facet fields with its number and score (one object shape for all). */
function matchedRow(f: FacetRow, r: { k: number; score?: number }): MatchedRow {
  return { outlet: f.outlet, section: f.section, dct: f.dct, keys: f.keys, k: r.k, score: r.score };
}
/** An index entry whose article row is not there (never, unless the file was edited by hand). */
const NO_FACET_FIELDS: FacetRow = { outlet: null, section: null, dct: null, keys: FacetColumns.NO_KEYS };
/** A matched row as the join reads it; `ek` is its entity_keys (JSON), where the archive has them. */
type JoinedRow = FacetSource & { k: number; score?: number };

/**
 * The `n` entries with the highest counts, ties by key in byteOrder. Only the entries at or above the
 * n-th highest count are sorted: most of a facet's keys occur once, and sorting them all by key was
 * a tenth of the facet's time.
 */
export function topByCount(counts: Map<string, number>, n: number): Array<{ id: string; count: number }> {
  if (counts.size === 0 || n <= 0) return [];
  let floor = 0;
  if (counts.size > n) {
    const values = Int32Array.from(counts.values()).sort();
    floor = values[values.length - n]!;
  }
  // Whether a key holds a surrogate is asked once per key, not once per comparison.
  const kept: Array<{ id: string; count: number; astral: boolean }> = [];
  for (const [id, count] of counts) if (count >= floor) kept.push({ id, count, astral: SURROGATE.test(id) });
  kept.sort((a, b) => b.count - a.count || (a.astral || b.astral ? byteOrder(a.id, b.id) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return kept.slice(0, n).map(({ id, count }) => ({ id, count }));
}

const SURROGATE = /[\ud800-\udfff]/;
/**
 * SQLite's order for TEXT (BINARY: the UTF-8 bytes), which is code point order. JavaScript compares
 * UTF-16 units, which agrees except around characters outside the BMP, so those compare as bytes.
 */
export function byteOrder(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One page of the matched rows in the order the page query gives: score, then date, newest first
 * (no date last, as SQLite's DESC puts NULL), then the later-added article first.
 */
function rankPage(matched: MatchedRow[], offset: number, limit: number): Array<{ doc: number; score: number }> {
  const rows = matched.slice();
  rows.sort((a, b) => {
    const d = b.score! - a.score!;
    if (d !== 0) return d;
    if (a.dct !== b.dct) return a.dct === null ? 1 : b.dct === null ? -1 : a.dct < b.dct ? 1 : -1;
    return b.k - a.k;
  });
  return rows.slice(offset, offset + limit).map((r) => ({ doc: r.k, score: r.score! }));
}

/** Values counted, most frequent first (ties by value), the first `max`. */
function countBy<T>(rows: T[], key: (r: T) => string | null, max: number): Array<{ value: string; count: number }> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([value, count]) => ({ value, count }));
}

/** One row per archive-wide entity key of a record, summed over its local entities (sorted: stable lock order). */
export function keysOf(r: RecordRows): Array<{ key: string; name: string; nameNorm: string; en: string | null; enNorm: string | null; type: string; mentions: number }> {
  const m = new Map<string, { key: string; name: string; nameNorm: string; en: string | null; enNorm: string | null; type: string; mentions: number }>();
  for (const e of r.entities) {
    const x = m.get(e.key);
    if (x) x.mentions += e.mentions;
    else m.set(e.key, { key: e.key, name: e.name, nameNorm: e.nameNorm, en: e.en, enNorm: e.enNorm, type: e.type, mentions: e.mentions });
  }
  return [...m.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function summary(r: { key: string; name: string; en: string | null; type: string; articles: number; mentions: number }): EntitySummary {
  return { id: r.key, name: r.name, ...(r.en ? { en: r.en } : {}), type: r.type as never, articles: r.articles, mentions: Number(r.mentions ?? 0) };
}

/** Groups day counts into weeks (Monday) or months. */
export function bucket(rows: Array<{ date: string; count: number }>, interval: "day" | "week" | "month"): Array<{ date: string; count: number }> {
  if (interval === "day") return rows.map((r) => ({ date: r.date, count: Number(r.count) }));
  const m = new Map<string, number>();
  for (const r of rows) {
    let k: string;
    if (interval === "month") k = r.date.slice(0, 7);
    else {
      const t = Date.parse(r.date + "T00:00:00Z");
      const dow = (new Date(t).getUTCDay() + 6) % 7;
      k = new Date(t - dow * 86400000).toISOString().slice(0, 10);
    }
    m.set(k, (m.get(k) ?? 0) + Number(r.count));
  }
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, count]) => ({ date, count }));
}

/** The query as understood, for showing the user. */
export function summarize(pq: ParsedQuery, sort: string): unknown {
  return {
    terms: pq.terms.map((t) => ({ stems: t.stems, ...(t.phrase ? { phrase: true } : {}), ...(t.negated ? { negated: true } : {}) })),
    ...(pq.entities.length ? { entities: pq.entities.map((e) => e.raw) } : {}),
    ...(pq.types.length ? { types: pq.types } : {}),
    ...(pq.speakers.length ? { speakers: pq.speakers.map((e) => e.raw) } : {}),
    ...(pq.outlets.length ? { outlets: pq.outlets } : {}),
    ...(pq.sections.length ? { sections: pq.sections } : {}),
    ...(pq.date ? { date: pq.date } : {}),
    ...(pq.eventDate ? { eventDate: pq.eventDate } : {}),
    sort,
  };
}

/**
 * Loads rasd_bm25 (src/store/native/rasd_fts5.c, built into build/native by `npm run build`) when it
 * is there and RASD_NATIVE is not "0"; without it the archive ranks with FTS5's bm25(), same scores.
 */
function loadNativeRank(db: Database.Database): boolean {
  if (process.env.RASD_NATIVE === "0") return false;
  let file: string;
  try {
    file = join(packageRoot(), "build/native/rasd_fts5.so");
  } catch {
    return false;
  }
  if (!existsSync(file)) return false;
  try {
    db.loadExtension(file); // entry point from the file name: sqlite3_rasdfts_init
    return true;
  } catch {
    return false;
  }
}
