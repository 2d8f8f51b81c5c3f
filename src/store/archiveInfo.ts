/**
 * What the archive adds to a stored record: the article it near-duplicates (the first copy the archive
 * saw) and the story it belongs to. `get()` returns the record with an `archive` field.
 */
import type { RasdRecord } from "../types.js";
import type { RecordRows } from "./recordRows.js";

export interface ArchiveInfo {
  duplicateOf?: string;
  story?: string;
}

/** A record already taken apart (ingest workers do this off the writer's thread). */
export interface PreparedRecord {
  id: string;
  rows: RecordRows;
}

export type ArchivedRecord = RasdRecord & { archive?: ArchiveInfo };

export function archiveInfo(duplicateOf: string | null, story: string | null): ArchiveInfo {
  return { ...(duplicateOf ? { duplicateOf } : {}), ...(story ? { story } : {}) };
}

export function withArchive(rec: RasdRecord, info: ArchiveInfo): ArchivedRecord {
  return Object.keys(info).length ? { ...rec, archive: info } : rec;
}
