/** An answer that is already JSON, as UTF-8 bytes (Store.searchJson), stored and sent as it is. */
export class SerializedJson {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * An answer as the UTF-8 bytes that are sent. Kept as bytes, not as a string: a string is encoded
 * again on every send, and its byte length (for Content-Length) is measured by a second pass over
 * it; for a kept search answer (about 10,000 Arabic characters) the two were a third of the main
 * thread's work per request.
 */
const serialize = (v: unknown): Buffer => {
  // TextEncoder, not Buffer.from: a short answer would be a slice of a shared 8 KB pool, which a kept
  // answer would hold on to.
  const bytes = v instanceof SerializedJson ? v.bytes : encoder.encode(JSON.stringify(v));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};
const encoder = new TextEncoder();

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
  private entries = new Map<string, { stamp: number; body: Buffer }>();
  private inFlight = new Map<string, { stamp: number; body: Promise<Buffer> }>();
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
  async json(key: string, stamp: number | null, compute: () => Promise<unknown>): Promise<{ body: Buffer; cached: boolean }> {
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

  private store(key: string, stamp: number, body: Buffer): void {
    // An answer larger than a tenth of the budget would push out too many others.
    if (body.length > this.maxBytes / 10) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, { stamp, body });
    this.bytes += body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const first = this.entries.keys().next();
      if (first.done) break;
      this.bytes -= this.entries.get(first.value)!.body.length;
      this.entries.delete(first.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
