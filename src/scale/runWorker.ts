/**
 * `worker`: takes inputs from the JetStream work queue, analyses them and writes the records to the
 * store, one transaction per batch, and acks the batch's messages only after the commit. A worker
 * killed at any moment leaves its unacked messages to be delivered again (at-least-once), and the
 * store's writes are idempotent by record id, so nothing is lost and nothing is stored twice.
 */
import type { JsMsg } from "@nats-io/jetstream";
import { loadDocument } from "../sources/index.js";
import { defaultPipeline } from "../pipeline.js";
import { recordRows, type RecordRows } from "../store/recordRows.js";
import type { PutResult } from "../store/Store.js";
import { CONSUMER, decodeInput, openQueue, type QueueOptions } from "./natsQueue.js";

export interface WorkerTarget {
  putRows(rows: RecordRows[]): PutResult | Promise<PutResult>;
}

export interface WorkerOptions extends QueueOptions {
  /** Messages per batch (one transaction). Default 20. */
  batch?: number;
  /** Stop after the queue has been empty this many seconds (default: never). */
  idleExit?: number;
  /** Stop after this many messages (default: never). */
  max?: number;
  signal?: AbortSignal;
  onBatch?: (s: WorkerSummary) => void;
  onError?: (where: string, message: string) => void;
}

export interface WorkerSummary {
  messages: number;
  inserted: number;
  skipped: number;
  failed: number;
}

export async function runWorker(natsUrl: string, target: WorkerTarget, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const q = await openQueue(natsUrl, options);
  const consumer = await q.js.consumers.get(q.stream, CONSUMER);
  const batch = Math.max(1, options.batch ?? 20);
  const s: WorkerSummary = { messages: 0, inserted: 0, skipped: 0, failed: 0 };
  const pipeline = defaultPipeline();
  let idleSince = Date.now();
  try {
    while (!options.signal?.aborted) {
      if (options.max !== undefined && s.messages >= options.max) break;
      const msgs: JsMsg[] = [];
      const iter = await consumer.fetch({ max_messages: batch, expires: 2000 });
      for await (const m of iter) msgs.push(m);
      if (!msgs.length) {
        if (options.idleExit !== undefined && Date.now() - idleSince > options.idleExit * 1000) break;
        continue;
      }
      idleSince = Date.now();
      const rows: RecordRows[] = [];
      const bad: JsMsg[] = [];
      for (const m of msgs) {
        try {
          const rec = pipeline.run(loadDocument(decodeInput(m.data)));
          if (rec.language !== "ar") throw new Error(`not Arabic (detected "${rec.language}")`);
          rows.push(recordRows(rec));
        } catch (e) {
          bad.push(m);
          options.onError?.(`message ${m.seq}`, (e as Error).message);
        }
        m.working();
      }
      const r = await target.putRows(rows);
      // Only now, after the commit, are the messages done.
      await Promise.all(msgs.map((m) => (bad.includes(m) ? Promise.resolve(m.term("rasd: the input cannot be analysed")) : m.ackAck())));
      s.messages += msgs.length;
      s.inserted += r.inserted;
      s.skipped += r.skipped;
      s.failed += bad.length;
      options.onBatch?.({ ...s });
    }
  } finally {
    await q.nc.drain().catch(() => {});
  }
  return s;
}
