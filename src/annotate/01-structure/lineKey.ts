/**
 * The form a line is matched in against the structure lexicon: rasd's normaliser (hamza, ta marbuta,
 * alef maqsura, diacritics, tatweel, presentation forms, digits), then everything but letters, digits
 * and © dropped and spaces collapsed, so "اقرأ أيضاً:" and "إقرأ ايضا" have one key.
 */
import { normalize } from "../../text/normalize.js";

/** Longest prefix of a line that is keyed: lexicon phrases are short, lines may be 1 MB. */
const MAX_KEYED = 400;

export function lineKey(s: string): string {
  const n = normalize(s.length > MAX_KEYED ? s.slice(0, MAX_KEYED) : s);
  return n.replace(/[^\p{L}\p{N}©]+/gu, " ").trim();
}
