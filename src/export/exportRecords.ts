/**
 * `export`: records out of the archive (all, or those a query selects) in one of four views.
 */
import type { RasdRecord } from "../types.js";
import { toGkg, gkgHeader } from "./toGkg.js";
import { toConll } from "./toConll.js";
import { toTimeml } from "./toTimeml.js";

export const EXPORT_FORMATS = ["jsonl", "gkg", "conll", "timeml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes each record in the format; returns how many were written. */
export async function exportRecords(records: AsyncIterable<RasdRecord>, format: ExportFormat, write: (chunk: string) => void | Promise<void>, options: { header?: boolean } = {}): Promise<number> {
  let n = 0;
  if (format === "gkg" && options.header) await write(gkgHeader() + "\n");
  for await (const rec of records) {
    const { archive: _drop, ...plain } = rec as RasdRecord & { archive?: unknown };
    const out = format === "jsonl" ? JSON.stringify(format === "jsonl" ? rec : plain) + "\n" : format === "gkg" ? toGkg(rec) + "\n" : format === "conll" ? toConll(rec) + "\n" : toTimeml(rec);
    await write(out);
    n++;
  }
  return n;
}
