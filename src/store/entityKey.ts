/**
 * The archive-wide key of an entity: its knowledge-base id where it has one ("Q22686"), otherwise its
 * type and normalised canonical name ("PER:دونالد ترامب"), so the same person found in two articles
 * is one entity in the archive.
 */
import type { Entity } from "../types.js";
import { normalize } from "../text/normalize.js";

export function entityKey(e: Pick<Entity, "kb" | "type" | "name">): string {
  if (e.kb) return e.kb;
  return `${e.type}:${normalize(e.name).replace(/\s+/g, " ").trim()}`;
}
