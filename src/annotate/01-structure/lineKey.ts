/**
 * The form a line is matched in against the structure lexicon: rasd's normaliser (hamza, ta marbuta,
 * alef maqsura, diacritics, tatweel, presentation forms, digits), then everything but letters, digits
 * and © dropped and spaces collapsed, so "اقرأ أيضاً:" and "إقرأ ايضا" have one key.
 */
import { normalize } from "../../text/normalize.js";

/** Longest prefix of a line that is keyed: lexicon phrases are short, lines may be 1 MB. */
const MAX_KEYED = 400;

/** Short strings (first words, chrome lines) recur across articles: their keys are remembered. */
const MEMO_MAX_CHARS = 40;
const MEMO_MAX_ENTRIES = 50_000;
const memo = new Map<string, string>();

export function lineKey(s: string): string {
  if (s.length <= MEMO_MAX_CHARS) {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    const key = keyOf(s);
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(s, key);
    return key;
  }
  return keyOf(s.length > MAX_KEYED ? s.slice(0, MAX_KEYED) : s);
}

function keyOf(s: string): string {
  return normalize(s).replace(/[^\p{L}\p{N}©]+/gu, " ").trim();
}
