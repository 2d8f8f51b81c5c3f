/**
 * An ingest worker thread: analyses documents and takes each record apart into the rows the store
 * writes (search terms, MinHash signature, story features), so the writer thread only writes.
 */
import { parentPort } from "node:worker_threads";
import type { Document } from "../types.js";
import { analyzeDocuments, type AnalyzeRequest } from "./analyzeDocuments.js";

parentPort!.on("message", (msg: AnalyzeRequest) => {
  parentPort!.postMessage(analyzeDocuments(msg.seq, msg.docs as Document[]));
});
