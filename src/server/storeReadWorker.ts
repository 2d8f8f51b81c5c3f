/**
 * One read-only connection to the archive in a worker thread: the pool in StoreReadPool sends it
 * search/get/entity/timeline/stats calls and it answers with the result or a coded error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../store/openStore.js";
import { FACET_FIELDS_STEP, SqliteStore } from "../store/SqliteStore.js";
import { isRasdError } from "../errors.js";
import type { Store } from "../store/Store.js";

export const READ_METHODS = ["get", "has", "search", "lookupEntities", "entity", "timeline", "stats"] as const;
export type ReadMethod = (typeof READ_METHODS)[number];

export interface ReadCall {
  id: number;
  method: ReadMethod;
  args: unknown[];
  /**
   * Answer with the value serialized as JSON in UTF-8 bytes, whose memory is handed over to the main
   * thread (transferred, not copied): the main thread sends them as they are.
   */
  json?: boolean;
}

export type ReadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: string; message: string };

if (parentPort) {
  const port = parentPort;
  const encoder = new TextEncoder();
  const store: Store = openStore((workerData as { spec: string }).spec, { readonly: true });
  // Before the first call is read: the first searches then find the newest articles' facet fields kept.
  if (store instanceof SqliteStore) {
    store.keepNewestFacetFields();
    // The older ones a chunk at a time between calls, until all are kept or they would not fit.
    const more = () => {
      if (store.keepOlderFacetFields(FACET_FIELDS_STEP)) setImmediate(more);
    };
    setImmediate(more);
  }
  port.on("message", async (call: ReadCall | "close") => {
    if (call === "close") {
      await store.close();
      port.close();
      return;
    }
    try {
      if (!READ_METHODS.includes(call.method)) throw new Error(`not a read method: ${call.method}`);
      const fn = store[call.method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(store, call.args);
      if (call.json) {
        // TextEncoder gives bytes in a buffer of their own (Buffer.from may share a pooled one).
        const bytes = encoder.encode(JSON.stringify(value));
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        port.postMessage({ id: call.id, ok: true, value: bytes } satisfies ReadReply, own ? [bytes.buffer as ArrayBuffer] : []);
      } else port.postMessage({ id: call.id, ok: true, value } satisfies ReadReply);
    } catch (e) {
      port.postMessage({ id: call.id, ok: false, ...(isRasdError(e) ? { code: e.code } : {}), message: (e as Error).message } satisfies ReadReply);
    }
  });
}
