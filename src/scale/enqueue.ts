/**
 * `enqueue`: the inputs of files (the same readers as ingest: JSON Lines, feeds, WARC, single files)
 * published to the JetStream work queue, each acknowledged by the server before the next batch.
 */
import { expandPaths } from "../ingest/expandPaths.js";
import { readInputs } from "../ingest/readInputs.js";
import { encodeInput, messageId, openQueue, type QueueOptions } from "./natsQueue.js";

export interface EnqueueSummary {
  published: number;
  duplicates: number;
  failed: number;
  files: number;
}

export async function enqueue(paths: string[], natsUrl: string, options: QueueOptions & { dct?: string; onError?: (where: string, message: string) => void } = {}): Promise<EnqueueSummary> {
  const files = expandPaths(paths);
  const q = await openQueue(natsUrl, { ...options, consumer: false });
  const s: EnqueueSummary = { published: 0, duplicates: 0, failed: 0, files: files.length };
  try {
    let inflight: Array<Promise<void>> = [];
    for (const f of files) {
      for await (const item of readInputs(f)) {
        if (item.error) {
          s.failed++;
          options.onError?.(item.where, item.error.message);
          continue;
        }
        const body = encodeInput(options.dct ? { ...item.input!, dct: options.dct } : item.input!);
        inflight.push(
          q.js.publish(q.subject, body, { msgID: messageId(body) }).then((ack) => {
            if (ack.duplicate) s.duplicates++;
            else s.published++;
          }),
        );
        if (inflight.length >= 64) {
          await Promise.all(inflight);
          inflight = [];
        }
      }
    }
    await Promise.all(inflight);
  } finally {
    await q.nc.drain();
  }
  return s;
}
