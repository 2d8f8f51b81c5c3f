/**
 * `ingest`: files in, records in the archive, every core used.
 *
 * 1. Expand the paths (files, folders, globs) and read them one at a time into inputs (JSON Lines
 *    streamed, feeds and WARC files item by item): memory stays flat whatever the size of the set.
 * 2. Decode each input into a Document (its id is a hash of the text) and skip the ids the archive
 *    already holds, so a re-run only does what is missing.
 * 3. Worker threads analyse the documents and take each record apart into rows.
 * 4. The main thread writes the rows in batches, one transaction a batch, idempotent by id: killed at
 *    any moment, the archive holds whole articles only, and a re-run completes the set.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Document } from "../types.js";
import { loadDocument } from "../sources/index.js";
import type { RecordRows } from "../store/recordRows.js";
import type { PutResult } from "../store/Store.js";
import { expandPaths } from "./expandPaths.js";
import { readInputs, type InputItem } from "./readInputs.js";
import { analyzeDocuments, reviveRows, type AnalyzeReply } from "./analyzeDocuments.js";

/** What ingest needs of a store: batch writes of prepared rows and a membership test. */
export interface IngestTarget {
  putRows(rows: RecordRows[]): PutResult | Promise<PutResult>;
  hasMany(ids: string[]): Promise<Set<string>>;
}

export interface IngestOptions {
  /** Worker threads (default: every core). 0 analyses on the main thread. */
  workers?: number;
  /** Records per transaction (default 100). */
  batch?: number;
  /** Publication date for every input (YYYY-MM-DD). */
  dct?: string;
  onProgress?: (p: IngestProgress) => void;
  onError?: (where: string, code: string, message: string) => void;
}

export interface IngestProgress {
  /** Inputs read so far, and handled (stored, skipped or failed). */
  read: number;
  done: number;
  /** Inputs in the set, when known (after a count pass). */
  total?: number;
  inserted: number;
  skipped: number;
  failed: number;
  elapsedMs: number;
}

export interface IngestSummary extends IngestProgress {
  files: number;
  workers: number;
}

const CHUNK = 4;

class Pool {
  private workers: Worker[] = [];
  private busy: number[] = [];
  private waiting = new Map<number, (r: AnalyzeReply) => void>();
  private failure: Error | null = null;

  constructor(n: number) {
    // From the built package the worker is plain JavaScript; from the TypeScript sources (tests, tsx)
    // the worker registers tsx's loader first, since workers do not inherit the main thread's hooks.
    const fromSource = import.meta.url.endsWith(".ts");
    const url = new URL(fromSource ? "./ingestWorker.ts" : "./ingestWorker.js", import.meta.url);
    const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
    for (let i = 0; i < n; i++) {
      const w = fromSource ? new Worker(boot, { eval: true }) : new Worker(url);
      w.on("message", (r: AnalyzeReply) => {
        this.busy[i]!--;
        const k = this.waiting.get(r.seq);
        this.waiting.delete(r.seq);
        k?.(r);
      });
      w.on("error", (e) => {
        this.failure = e;
        for (const k of this.waiting.values()) k({ seq: -1, outcomes: [] });
      });
      this.workers.push(w);
      this.busy.push(0);
    }
  }

  get inflight(): number {
    return this.busy.reduce((a, b) => a + b, 0);
  }

  run(seq: number, docs: Document[]): Promise<AnalyzeReply> {
    if (this.failure) return Promise.reject(this.failure);
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.busy[i]! < this.busy[best]!) best = i;
    this.busy[best]!++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, (r) => (this.failure ? reject(this.failure) : resolve(r)));
      this.workers[best]!.postMessage({ seq, docs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Counts the inputs of a set (JSON Lines lines, feed items, WARC records) for a progress bar. */
export async function countInputs(files: string[]): Promise<number> {
  let n = 0;
  for (const f of files) for await (const _ of readInputs(f)) n++;
  return n;
}

export async function ingest(paths: string[], target: IngestTarget, options: IngestOptions = {}): Promise<IngestSummary> {
  const files = expandPaths(paths);
  const nWorkers = Math.max(0, options.workers ?? availableParallelism());
  const batchSize = Math.max(1, options.batch ?? 100);
  const t0 = Date.now();
  const p: IngestProgress = { read: 0, done: 0, inserted: 0, skipped: 0, failed: 0, elapsedMs: 0 };
  const report = () => options.onProgress?.({ ...p, elapsedMs: Date.now() - t0 });
  const fail = (where: string, code: string, message: string) => {
    p.failed++;
    p.done++;
    options.onError?.(where, code, message);
  };
  const pool = nWorkers > 0 ? new Pool(nWorkers) : null;
  const maxInflight = Math.max(2, nWorkers * 3);
  let seq = 0;
  let pending: RecordRows[] = [];
  const inflight = new Set<Promise<void>>();
  let writing: Promise<void> = Promise.resolve();

  const flush = async (all: boolean) => {
    while (pending.length >= batchSize || (all && pending.length)) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batch.length);
      const r = await target.putRows(batch);
      p.inserted += r.inserted;
      p.skipped += r.skipped;
      p.done += batch.length;
      report();
    }
  };

  const handle = (reply: AnalyzeReply, docs: Document[]) => {
    for (const o of reply.outcomes) {
      if (o.ok) pending.push(reviveRows(o.rows));
      else fail(o.where ?? o.id, o.code, o.message);
    }
    if (reply.seq === -1) for (const d of docs) fail(d.source.uri ?? d.id, "RASD_INTERNAL", "an ingest worker stopped");
    if (pending.length >= batchSize) writing = writing.then(() => flush(false));
  };

  const dispatch = async (docs: Document[]) => {
    // Skip what the archive already holds (a re-run after a crash does only what is missing).
    const known = await target.hasMany(docs.map((d) => d.id));
    const todo = docs.filter((d) => !known.has(d.id));
    p.skipped += docs.length - todo.length;
    p.done += docs.length - todo.length;
    if (!todo.length) return;
    const s = seq++;
    if (!pool) {
      handle(analyzeDocuments(s, todo), todo);
      await writing;
      return;
    }
    const job = pool.run(s, todo).then((r) => handle(r, todo), (e: Error) => { for (const d of todo) fail(d.source.uri ?? d.id, "RASD_INTERNAL", e.message); });
    inflight.add(job);
    job.finally(() => inflight.delete(job));
    while (inflight.size >= maxInflight) await Promise.race(inflight);
    await writing;
  };

  try {
    let chunk: Document[] = [];
    for (const f of files) {
      for await (const item of readInputs(f) as AsyncGenerator<InputItem>) {
        p.read++;
        if (item.error) {
          fail(item.where, item.error.code, item.error.message);
          continue;
        }
        let doc: Document;
        try {
          doc = loadDocument(options.dct ? { ...item.input!, dct: options.dct } : item.input!);
        } catch (e) {
          fail(item.where, (e as { code?: string }).code ?? "RASD_INTERNAL", (e as Error).message);
          continue;
        }
        chunk.push(doc);
        if (chunk.length >= CHUNK) {
          await dispatch(chunk);
          chunk = [];
        }
      }
    }
    if (chunk.length) await dispatch(chunk);
    await Promise.all(inflight);
    await writing;
    await flush(true);
  } finally {
    await pool?.close();
  }
  return { ...p, elapsedMs: Date.now() - t0, files: files.length, workers: nWorkers };
}
