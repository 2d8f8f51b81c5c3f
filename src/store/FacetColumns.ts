/**
 * The facet fields of articles (outlet, section, date, archive-wide entity keys) kept in memory, in
 * flat columns indexed by the article's number, with every string stored once. A search's facets
 * read them instead of the articles' rows: they are written with the article and never change, so
 * what was read stays right whatever is added later.
 *
 * Why columns and not an object per article: a Map of objects held about 320 bytes an article
 * (63 MB of heap for the 200,000-article bench archive, in each read worker), so a connection kept
 * only the newest 50,000 and emptied the map whenever a search needed room; the month searches on
 * older articles then read their rows again and again. Here an article costs 21 bytes plus 4 a key
 * (about 10 MB for the same archive), so a read worker keeps them all.
 */

/** One article's facet fields; `keys` are ids into FacetColumns.keyName (null: counted in SQL). */
export interface FacetRow {
  outlet: string | null;
  section: string | null;
  dct: string | null;
  keys: Int32Array | null;
}

/** An article's fields as SQL reads them: `ek` is its entity_keys column (a JSON array), if any. */
export interface FacetSource {
  outlet: string | null;
  section: string | null;
  dct: string | null;
  ek?: string | null;
}

/** Articles numbered above this are not kept (a number no archive written by rasd reaches). */
const MAX_DOC = 1 << 26;
const NONE = -1;
const EMPTY = new Int32Array(0);

export class FacetColumns {
  /** 0: not kept; 1: kept with its entity keys; 2: kept, its keys unknown (no entity_keys value). */
  private state = new Uint8Array(0);
  private outlet = new Int32Array(0);
  private section = new Int32Array(0);
  private dct = new Int32Array(0);
  private keyStart = new Int32Array(0);
  private keyEnd = new Int32Array(0);
  private pool = new Int32Array(1024);
  private poolLength = 0;
  /** Outlets, sections and dates, once each. */
  private strings = new StringTable();
  /** Entity keys, once each: the ids in FacetRow.keys. */
  private keys = new StringTable();
  private kept = 0;

  constructor(
    /** The most articles kept; makeRoom empties the columns when a search could pass it. */
    readonly maxArticles: number,
    /** The most entity keys (summed over articles) kept; past it makeRoom empties the columns too. */
    readonly maxKeys = maxArticles * 32,
  ) {}

  get size(): number {
    return this.kept;
  }

  /** The entity key of an id given in a FacetRow's `keys`. */
  keyName(id: number): string {
    return this.keys.at(id);
  }

  /** How many distinct entity keys the kept articles name (ids run from 0 to this). */
  get keyCount(): number {
    return this.keys.size;
  }

  has(doc: number): boolean {
    return doc < this.state.length && this.state[doc] !== 0;
  }

  /**
   * Empties the columns if keeping `n` more articles could pass a bound. Called before a search reads
   * its matches, never during: the rows it hands out point into the columns until the search ends.
   */
  makeRoom(n: number): void {
    if (this.kept + n <= this.maxArticles && this.poolLength <= this.maxKeys) return;
    this.state.fill(0);
    this.poolLength = 0;
    this.strings = new StringTable();
    this.keys = new StringTable();
    this.kept = 0;
  }

  /** Keeps an article's fields (once: they never change). False if its number is out of range. */
  add(doc: number, f: FacetSource): boolean {
    if (!Number.isInteger(doc) || doc < 0 || doc >= MAX_DOC) return false;
    if (this.has(doc)) return true;
    if (doc >= this.state.length) this.grow(doc + 1);
    this.outlet[doc] = this.stringId(f.outlet);
    this.section[doc] = this.stringId(f.section);
    this.dct[doc] = this.stringId(f.dct);
    if (f.ek == null) {
      this.state[doc] = 2;
      this.keyStart[doc] = this.keyEnd[doc] = 0;
    } else {
      const keys = JSON.parse(f.ek) as string[];
      if (this.poolLength + keys.length > this.pool.length) this.growPool(this.poolLength + keys.length);
      this.keyStart[doc] = this.poolLength;
      for (const key of keys) this.pool[this.poolLength++] = this.keys.id(key);
      this.keyEnd[doc] = this.poolLength;
      this.state[doc] = 1;
    }
    this.kept++;
    return true;
  }

  /** A kept article's fields (undefined if not kept). */
  row(doc: number): FacetRow | undefined {
    if (!this.has(doc)) return undefined;
    return {
      outlet: this.string(this.outlet[doc]!),
      section: this.string(this.section[doc]!),
      dct: this.string(this.dct[doc]!),
      keys: this.state[doc] === 2 ? null : this.pool.subarray(this.keyStart[doc]!, this.keyEnd[doc]!),
    };
  }

  /**
   * The fields of an article that cannot be kept (its number out of range), with key ids of its
   * own: the keys are added to the key table, which only makeRoom empties.
   */
  transient(f: FacetSource): FacetRow {
    return {
      outlet: f.outlet,
      section: f.section,
      dct: f.dct,
      keys: f.ek == null ? null : Int32Array.from(JSON.parse(f.ek) as string[], (key) => this.keys.id(key)),
    };
  }

  static readonly NO_KEYS = EMPTY;

  private string(id: number): string | null {
    return id === NONE ? null : this.strings.at(id);
  }

  private stringId(s: string | null): number {
    return s === null ? NONE : this.strings.id(s);
  }

  private grow(min: number): void {
    const n = Math.min(MAX_DOC, Math.max(min, this.state.length * 2, 1024));
    const state = new Uint8Array(n);
    state.set(this.state);
    this.state = state;
    const widen = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.outlet = widen(this.outlet);
    this.section = widen(this.section);
    this.dct = widen(this.dct);
    this.keyStart = widen(this.keyStart);
    this.keyEnd = widen(this.keyEnd);
  }

  private growPool(min: number): void {
    // A new buffer: rows handed out earlier keep views of the old one, whose contents stay right.
    const pool = new Int32Array(Math.max(min, this.pool.length * 2));
    pool.set(this.pool.subarray(0, this.poolLength));
    this.pool = pool;
  }
}

/** Strings stored once each, numbered in the order first seen. */
class StringTable {
  private list: string[] = [];
  private ids = new Map<string, number>();

  get size(): number {
    return this.list.length;
  }

  at(id: number): string {
    return this.list[id]!;
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}
