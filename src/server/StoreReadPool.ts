/**
 * Reads from a SQLite archive spread over worker threads, each with its own read-only connection, so
 * concurrent searches (snippets, facets) use every core instead of queueing on the event loop.
 * Writes, `has` and `close` go to the primary store. Implements the Store interface, so the server
 * cannot tell it from the store itself.
 */
import { Worker } from "node:worker_threads";
import { RasdError, ERRORS, type ErrorCode } from "../errors.js";
import type { Store, PutResult, SearchOptions, SearchResult, EntitySummary, EntityProfile, StoreStats } from "../store/Store.js";
import type { RasdRecord } from "../types.js";
import type { ReadMethod, ReadReply } from "./storeReadWorker.js";
import { parseQuery } from "../store/query/parseQuery.js";
import { performance } from "node:perf_hooks";

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  worker: number;
}

interface Queued {
  id: number;
  /** When it was queued (performance.now()). */
  at: number;
  message: { id: number; method: ReadMethod; args: unknown[]; json?: true };
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/**
 * Calls a worker holds at once. The rest wait in one queue on the main thread and go to whichever
 * worker frees first: with a queue per worker, a call behind a slow search waited for it while the
 * other worker had nothing to do. Two, not one, so a worker is not idle while its answer crosses back.
 */
const DEPTH = 2;

/**
 * A wide search (no date range, or one over more than WIDE_DAYS) reads a rank window of up to 1,000
 * matches and their facets: five to twenty times a one-month search's work on the 200,000-article
 * bench archive (6–20 ms against 1.2–1.6). Under load such calls wait in their own lane, sent when
 * no narrow call waits or once they have waited WIDE_WAIT_MS, so the many quick searches do not
 * queue behind the few slow ones (shortest job first, bounded: narrow calls hold a wide one back
 * for WIDE_WAIT_MS at most). With nothing queued it changes nothing.
 */
const WIDE_DAYS = 186;
const WIDE_WAIT_MS = 250;

/** Whether a search is wide (WIDE_DAYS): a cheap parse on the main thread, the same the worker makes. */
export function isWideSearch(query: string): boolean {
  const { date } = parseQuery(query);
  if (!date?.from || !date.to) return true;
  return (Date.parse(date.to) - Date.parse(date.from)) / 86_400_000 > WIDE_DAYS;
}

export class StoreReadPool implements Store {
  readonly engine: Store["engine"];
  private workers: Worker[] = [];
  private load: number[] = [];
  private pending = new Map<number, Pending>();
  private queue: Queued[] = [];
  /** Wide searches waiting (isWideSearch), oldest first. */
  private wide: Queued[] = [];
  private next = 1;

  constructor(
    private readonly primary: Store,
    spec: string,
    size: number,
    /** How long a wide search may wait behind narrow ones (WIDE_WAIT_MS; tests set their own). */
    private readonly wideWaitMs = WIDE_WAIT_MS,
  ) {
    this.engine = primary.engine;
    // From src/ (tests, tsx) the worker is the .ts file and inherits tsx's loader; from dist/, the .js.
    const fromSource = import.meta.url.endsWith(".ts");
    const file = new URL(`./storeReadWorker${fromSource ? ".ts" : ".js"}`, import.meta.url);
    // Run from source, the worker registers tsx's loader itself before importing the .ts module.
    const boot = fromSource ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })` : null;
    for (let i = 0; i < size; i++) {
      const w = boot ? new Worker(boot, { eval: true, workerData: { spec } }) : new Worker(file, { workerData: { spec } });
      w.on("message", (r: ReadReply) => this.settle(r));
      w.on("error", (e) => this.failAll(i, e));
      // A worker that ends by itself (killed, out of memory) answers nothing more.
      w.on("exit", (code) => this.failAll(i, new RasdError("RASD_STORE", `a read worker ended (exit code ${code})`)));
      w.unref();
      this.workers.push(w);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private settle(r: ReadReply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (--this.load[p.worker]! === 0) this.workers[p.worker]!.unref();
    this.pump();
    if (r.ok) p.resolve(r.value);
    else if (r.code && r.code in ERRORS) {
      const e = new RasdError(r.code as ErrorCode);
      e.message = r.message; // the worker's words, detail included
      p.reject(e);
    } else p.reject(new Error(r.message));
  }

  private failAll(worker: number, e: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(e);
    }
    // The thread is gone ('error' ends it; 'exit' follows): nothing more is sent there, and with no
    // worker left the waiting calls fail instead of waiting for ever.
    this.load[worker] = Infinity;
    if (this.load.every((l) => l === Infinity)) {
      for (const q of [...this.queue, ...this.wide]) q.reject(e);
      this.queue = [];
      this.wide = [];
    }
    this.pump();
  }

  private call<T>(method: ReadMethod, args: unknown[], json = false, wide = false): Promise<T> {
    const id = this.next++;
    if (this.load.every((l) => l === Infinity)) return Promise.reject(new RasdError("RASD_STORE", "every read worker has failed"));
    return new Promise<T>((resolve, reject) => {
      (wide ? this.wide : this.queue).push({ id, at: performance.now(), message: json ? { id, method, args, json } : { id, method, args }, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** The next call to send: a wide one that has waited wideWaitMs, else the oldest narrow one, else the oldest wide one. */
  private nextCall(): Queued | undefined {
    if (this.wide.length && (!this.queue.length || performance.now() - this.wide[0]!.at >= this.wideWaitMs)) return this.wide.shift();
    return this.queue.shift();
  }

  /** Hands queued calls, in nextCall's order, to the least busy workers with room for them. */
  private pump(): void {
    while (this.queue.length || this.wide.length) {
      let w = 0;
      for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[w]!) w = i;
      if (this.load[w]! >= DEPTH) return;
      const q = this.nextCall()!;
      if (this.load[w]!++ === 0) this.workers[w]!.ref(); // a pending call keeps the process alive
      this.pending.set(q.id, { resolve: q.resolve, reject: q.reject, worker: w });
      this.workers[w]!.postMessage(q.message);
    }
  }

  put(records: RasdRecord[]): Promise<PutResult> {
    return this.primary.put(records);
  }
  has(id: string): Promise<boolean> {
    return this.primary.has(id);
  }
  get(id: string): Promise<RasdRecord | null> {
    return this.call("get", [id]);
  }
  search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.call("search", [query, options], false, isWideSearch(query));
  }
  searchJson(query: string, options?: SearchOptions): Promise<Uint8Array> {
    return this.call("search", [query, options], true, isWideSearch(query));
  }
  lookupEntities(prefix: string, limit?: number): Promise<EntitySummary[]> {
    return this.call("lookupEntities", [prefix, limit]);
  }
  entity(key: string): Promise<EntityProfile | null> {
    return this.call("entity", [key]);
  }
  timeline(query: string, interval?: "day" | "week" | "month"): Promise<Array<{ date: string; count: number }>> {
    return this.call("timeline", [query, interval]);
  }
  stats(): Promise<StoreStats> {
    return this.call("stats", []);
  }
  /** The primary connection sees every commit to the file, the workers' reads included in none. */
  changeStamp(): number | null {
    return this.primary.changeStamp?.() ?? null;
  }
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once("exit", () => resolve());
            w.ref(); // idle workers are unref'd: keep the process alive until they have closed
            w.postMessage("close");
            setTimeout(() => void w.terminate().then(() => resolve()), 2000).unref();
          }),
      ),
    );
    for (const p of [...this.pending.values(), ...this.queue, ...this.wide]) p.reject(new RasdError("RASD_STORE", "the archive was closed"));
    this.pending.clear();
    this.queue = [];
    this.wide = [];
    await this.primary.close();
  }
}
