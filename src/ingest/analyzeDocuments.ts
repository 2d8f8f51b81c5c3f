/**
 * The work of one ingest chunk, wherever it runs (a worker thread, or the main thread with
 * --workers 0): each document through the pipeline, then taken apart into store rows. A document
 * that fails, or is not Arabic, is reported and not stored.
 */
import type { Document } from "../types.js";
import { defaultPipeline } from "../pipeline.js";
import { recordRows, type RecordRows } from "../store/recordRows.js";

export interface AnalyzeRequest {
  seq: number;
  docs: Document[];
}

export type AnalyzeOutcome = { ok: true; id: string; rows: RecordRows } | { ok: false; id: string; where?: string; code: string; message: string };

export interface AnalyzeReply {
  seq: number;
  outcomes: AnalyzeOutcome[];
}

export function analyzeDocuments(seq: number, docs: Document[]): AnalyzeReply {
  const pipeline = defaultPipeline();
  const outcomes: AnalyzeOutcome[] = [];
  for (const doc of docs) {
    try {
      const rec = pipeline.run(doc);
      if (rec.language !== "ar") {
        outcomes.push({ ok: false, id: doc.id, ...(doc.source.uri ? { where: doc.source.uri } : {}), code: "RASD_LANGUAGE", message: `not Arabic (detected "${rec.language}")` });
        continue;
      }
      outcomes.push({ ok: true, id: rec.id, rows: recordRows(rec) });
    } catch (e) {
      outcomes.push({ ok: false, id: doc.id, ...(doc.source.uri ? { where: doc.source.uri } : {}), code: (e as { code?: string }).code ?? "RASD_INTERNAL", message: (e as Error).message });
    }
  }
  return { seq, outcomes };
}

/** Rows that crossed a thread boundary carry Uint8Arrays; the SQLite driver wants Buffers. */
export function reviveRows(rows: RecordRows): RecordRows {
  if (!Buffer.isBuffer(rows.signature)) {
    const u = rows.signature as unknown as Uint8Array;
    rows.signature = Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  }
  return rows;
}
