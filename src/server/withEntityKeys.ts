/**
 * A record as the API sends it: each entity also carries its archive-wide key (the one
 * /api/entities/{key} takes), so a client links a mention to its entity page without recomputing
 * the normalisation the key is built with.
 */
import type { Entity, RasdRecord } from "../types.js";
import { entityKey } from "../store/entityKey.js";

export type ApiRecord = Omit<RasdRecord, "entities"> & { entities: Array<Entity & { key: string }> };

export function withEntityKeys(record: RasdRecord): ApiRecord {
  return { ...record, entities: record.entities.map((e) => ({ ...e, key: entityKey(e) })) };
}
