/**
 * Near-duplicate detection: MinHash over word 3-shingles of the normalised, stemmed text, with LSH
 * banding. Agency copy re-run across outlets keeps most of its word sequences even when the outlet
 * swaps the boilerplate, reorders or trims paragraphs, or rewrites the headline.
 *
 * 1. Shingles: consecutive triples of stems (the search stemmer), hashed to 32 bits.
 * 2. Signature: for each of HASHES seeded mixes, the minimum over the shingles.
 * 3. Bands: BANDS groups of ROWS values hashed to one key; two texts that share a key are candidates.
 * 4. Verdict: the estimated Jaccard similarity, or the estimated containment of the shorter text in
 *    the longer one (a trimmed copy is mostly contained in the original), above a threshold.
 */
import { stemTokens } from "../text/stem.js";
import { fmix32, hash32 } from "./hash32.js";

export const ROWS = 3;
export const BANDS = 32;
export const HASHES = ROWS * BANDS;
const SHINGLE = 3;
/** Thresholds, measured by scripts/eval-dedup.mjs. */
export const JACCARD_THRESHOLD = 0.5;
export const CONTAINMENT_THRESHOLD = 0.8;
/** Texts with fewer shingles than this are too short to call duplicates. */
export const MIN_SHINGLES = 12;

const SEEDS = (() => {
  const s = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) s[i] = fmix32(0x9e3779b9 * (i + 1));
  return s;
})();

/** The distinct hashed word 3-shingles of a text. */
export function shingles(text: string): Uint32Array {
  return shinglesOfStems(stemTokens(text).map((t) => t.stem));
}

/** The same, from the text's stems (when the caller has them already). */
export function shinglesOfStems(stems: readonly string[]): Uint32Array {
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= stems.length; i++) set.add(hash32(stems[i]! + " " + stems[i + 1]! + " " + stems[i + 2]!));
  return Uint32Array.from(set);
}

export interface MinHashSignature {
  /** HASHES minima. */
  values: Uint32Array;
  /** Number of distinct shingles (for containment estimates). */
  size: number;
}

export function signatureOf(sh: Uint32Array): MinHashSignature {
  const values = new Uint32Array(HASHES).fill(0xffffffff);
  for (let k = 0; k < sh.length; k++) {
    const x = sh[k]!;
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < values[i]!) values[i] = h;
    }
  }
  return { values, size: sh.length };
}

/** The signature of a text (see `shingles`). */
export function minhash(text: string): MinHashSignature {
  return signatureOf(shingles(text));
}

/** LSH band keys (48-bit integers, band index mixed in); empty for a text too short to judge. */
export function bandKeys(sig: MinHashSignature): number[] {
  if (sig.size < MIN_SHINGLES) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(b + 1);
    let h2 = fmix32(b + 0x51ed27);
    for (let r = 0; r < ROWS; r++) {
      const v = sig.values[b * ROWS + r]!;
      h = fmix32(h ^ v);
      h2 = fmix32(Math.imul(h2, 31) ^ v);
    }
    keys.push((h2 & 0xffff) * 0x100000000 + h);
  }
  return keys;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export interface Similarity {
  jaccard: number;
  containment: number;
  duplicate: boolean;
}

/** Compares two signatures: estimated Jaccard, containment of the smaller set, and the verdict. */
export function compareSignatures(a: MinHashSignature, b: MinHashSignature): Similarity {
  const jaccard = estimateJaccard(a.values, b.values);
  const inter = (jaccard * (a.size + b.size)) / (1 + jaccard);
  const small = Math.min(a.size, b.size);
  const containment = small > 0 ? Math.min(1, inter / small) : 0;
  const duplicate = a.size >= MIN_SHINGLES && b.size >= MIN_SHINGLES && (jaccard >= JACCARD_THRESHOLD || (containment >= CONTAINMENT_THRESHOLD && jaccard >= 0.2));
  return { jaccard, containment, duplicate };
}

/** Signature values as bytes for storage, and back. */
export function signatureBytes(sig: MinHashSignature): Buffer {
  return Buffer.from(sig.values.buffer, sig.values.byteOffset, sig.values.byteLength);
}
export function signatureFromBytes(buf: Uint8Array, size: number): MinHashSignature {
  const copy = new Uint8Array(buf);
  return { values: new Uint32Array(copy.buffer, 0, HASHES), size };
}
