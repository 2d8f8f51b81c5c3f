/**
 * The archive behind one interface, two engines (SQLite by default, PostgreSQL at scale). One contract
 * test suite runs against both. Records are written idempotently by id: putting the same record twice
 * changes nothing.
 */
import type { EntityType, RasdRecord } from "../types.js";

export interface PutResult {
  inserted: number;
  skipped: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: "relevance" | "date";
  facets?: boolean;
}

export interface SearchHit {
  id: string;
  headline?: string;
  outlet?: string;
  section?: string;
  dct?: string | null;
  score: number;
  /** Snippets with highlights as offsets into the record text. */
  snippets: Array<{ text: string; start: number; end: number; highlights: Array<[number, number]> }>;
  duplicateOf?: string;
  story?: string;
}

export interface Facets {
  outlets: Array<{ value: string; count: number }>;
  sections: Array<{ value: string; count: number }>;
  entities: Array<{ id: string; name: string; en?: string; type: EntityType; count: number }>;
  dates: Array<{ date: string; count: number }>;
  /** Set when the facets count only this many of the matches (the most recently added), not all. */
  sample?: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: Facets;
  /** The query as understood, after normalisation (for showing the user). */
  parsed?: unknown;
  warnings?: string[];
}

export interface EntitySummary {
  id: string; // canonical entity key across the archive (KB id or type:name)
  name: string;
  en?: string;
  type: EntityType;
  articles: number;
  mentions: number;
}

export interface EntityProfile extends EntitySummary {
  names: string[];
  timeline: Array<{ date: string; count: number }>;
  coMentioned: EntitySummary[];
  quotes: Array<{ article: string; text: string; kind: string; dct?: string | null }>;
  outlets: Array<{ value: string; count: number }>;
}

export interface StoreStats {
  articles: number;
  entities: number;
  quotes: number;
  events: number;
  outlets: Array<{ value: string; count: number }>;
  firstDate?: string;
  lastDate?: string;
}

export interface Store {
  readonly engine: "sqlite" | "postgres";
  put(records: RasdRecord[]): Promise<PutResult>;
  has(id: string): Promise<boolean>;
  get(id: string): Promise<RasdRecord | null>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  lookupEntities(prefix: string, limit?: number): Promise<EntitySummary[]>;
  entity(key: string): Promise<EntityProfile | null>;
  timeline(query: string, interval?: "day" | "week" | "month"): Promise<Array<{ date: string; count: number }>>;
  stats(): Promise<StoreStats>;
  /**
   * A number that changes whenever the archive may have changed (a write by this store or, for
   * SQLite, a commit by any other connection to the file), read without touching the data; null
   * where the engine cannot tell cheaply. The server caches read responses only while it holds.
   */
  changeStamp?(): number | null;
  /**
   * search's answer already serialized as JSON, in UTF-8 bytes. A pool of read workers serializes and
   * encodes in the worker, so the event loop neither copies the result across threads as objects
   * nor stringifies or encodes it.
   */
  searchJson?(query: string, options?: SearchOptions): Promise<Uint8Array>;
  /**
   * After a bulk write of `added` articles: whatever makes the written archive quick to read (SQLite:
   * the full-text index merged, its words' document counts written, the write-ahead log folded in).
   * Engines that keep themselves tidy (PostgreSQL's autovacuum) have none.
   */
  checkpoint?(added?: number): unknown;
  close(): Promise<void>;
}
