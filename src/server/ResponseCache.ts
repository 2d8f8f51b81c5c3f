/** An answer that is already JSON text (Store.searchJson), stored and sent as it is. */
export class SerializedJson {
  constructor(readonly text: string) {}
}
const serialize = (v: unknown): string => (v instanceof SerializedJson ? v.text : JSON.stringify(v));

/**
 * Serialized JSON answers of the read routes, kept while the archive does not change. Analysts on one
 * desk repeat each other's searches (the names in the news that day, the desk's own links), and a
 * search with facets over a large archive costs milliseconds of a core where sending a stored answer
 * costs microseconds. Each answer is stored with the archive's change stamp (Store.changeStamp): a
 * stamp that moved means the entry is stale and is computed again. Identical requests that arrive
 * while the first is being computed wait for it instead of computing it again.
 *
 * Bounded by entries and by bytes, least recently used first out.
 */
export class ResponseCache {
  private entries = new Map<string, { stamp: number; body: string }>();
  private inFlight = new Map<string, { stamp: number; body: Promise<string> }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /**
   * The answer stored for `key` at `stamp`, else `compute()`'s, serialized and stored. With a null
   * stamp (an engine that cannot tell when it changed) nothing is stored.
   */
  async json(key: string, stamp: number | null, compute: () => Promise<unknown>): Promise<{ body: string; cached: boolean }> {
    if (stamp === null) return { body: serialize(await compute()), cached: false };
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.hits++;
      return { body: hit.body, cached: true };
    }
    const pending = this.inFlight.get(key);
    if (pending && pending.stamp === stamp) {
      this.hits++;
      return { body: await pending.body, cached: true };
    }
    this.misses++;
    const body = compute().then(serialize);
    this.inFlight.set(key, { stamp, body });
    try {
      const text = await body;
      this.store(key, stamp, text);
      return { body: text, cached: false };
    } finally {
      if (this.inFlight.get(key)?.body === body) this.inFlight.delete(key);
    }
  }

  private store(key: string, stamp: number, body: string): void {
    // An answer larger than a tenth of the budget would push out too many others.
    if (body.length * 2 > this.maxBytes / 10) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length * 2;
      this.entries.delete(key);
    }
    this.entries.set(key, { stamp, body });
    this.bytes += body.length * 2;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const first = this.entries.keys().next();
      if (first.done) break;
      this.bytes -= this.entries.get(first.value)!.body.length * 2;
      this.entries.delete(first.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
