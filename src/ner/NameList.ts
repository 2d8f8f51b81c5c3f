/**
 * Typed name lists for the tagger's gazetteer features (resources/ner/names.bin, built by
 * scripts/build-kb.mjs from ANERGazet and ANETAC). The lists are stored as hashes of the names'
 * matching keys, not as text: the sources state no licence, so rasd ships only what the features need.
 *
 * Layout (little-endian Uint32): nFull, nFirst, then nFull pairs (hash of the whole name's key,
 * type bits: 1 PER, 2 LOC, 4 ORG from curated lists; 8, 16, 32 from automatically mined ones), then nFirst pairs (hash of the first token's key, longest length).
 */
import { existsSync, readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";
import { exactKey } from "../kb/matchKey.js";
import { hashString } from "./hash.js";

export const NAME_TYPE_BITS: Record<string, number> = { PER: 1, LOC: 2, ORG: 4, PER2: 8, LOC2: 16, ORG2: 32 };

export class NameList {
  private readonly fullKeys: Uint32Array;
  private readonly fullVals: Uint32Array;
  private readonly firstKeys: Uint32Array;
  private readonly firstVals: Uint32Array;

  constructor(data?: Uint32Array) {
    const nFull = data && data.length >= 2 ? data[0]! : 0, nFirst = data && data.length >= 2 ? data[1]! : 0;
    this.fullKeys = new Uint32Array(nFull); this.fullVals = new Uint32Array(nFull);
    this.firstKeys = new Uint32Array(nFirst); this.firstVals = new Uint32Array(nFirst);
    let p = 2;
    for (let i = 0; i < nFull; i++, p += 2) { this.fullKeys[i] = data![p]!; this.fullVals[i] = data![p + 1]!; }
    for (let i = 0; i < nFirst; i++, p += 2) { this.firstKeys[i] = data![p]!; this.firstVals[i] = data![p + 1]!; }
  }

  /** Builds the binary form from [type, normalised tokens] entries; both tables sorted by hash. */
  static encode(entries: Array<[string, string[]]>): Uint32Array {
    const full = new Map<number, number>();
    const first = new Map<number, number>();
    for (const [type, toks] of entries) {
      if (!toks.length) continue;
      const keys = toks.map(exactKey);
      const h = hashString(keys.join(" "));
      full.set(h, (full.get(h) ?? 0) | (NAME_TYPE_BITS[type] ?? 0));
      const f = hashString(keys[0]!);
      first.set(f, Math.max(first.get(f) ?? 0, keys.length));
    }
    const out = new Uint32Array(2 + 2 * full.size + 2 * first.size);
    out[0] = full.size;
    out[1] = first.size;
    let p = 2;
    for (const [h, b] of [...full].sort((a, b) => a[0] - b[0])) { out[p++] = h; out[p++] = b; }
    for (const [h, m] of [...first].sort((a, b) => a[0] - b[0])) { out[p++] = h; out[p++] = m; }
    return out;
  }

  private static find(keys: Uint32Array, vals: Uint32Array, h: number): number {
    let lo = 0, hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === h) return vals[mid]!;
      if (k < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The longest name a first key may start (0 when none). */
  maxFrom(firstKey: string): number {
    return NameList.find(this.firstKeys, this.firstVals, hashString(firstKey));
  }

  /** The longest listed name starting at token i (article-less keys; the first as `firstKey`). */
  matchAt(keys: readonly string[], firstKey: string, i: number, max: number): { length: number; bits: number } | null {
    let best: { length: number; bits: number } | null = null;
    // The hash of the key joined so far, extended by " " and each next key (FNV-1a runs left to
    // right: the same as hashing the joined string, without building it).
    let h = hashString(firstKey);
    for (let len = 1; len <= max && i + len <= keys.length; len++) {
      if (len > 1) h = hashString(keys[i + len - 1]!, Math.imul(h ^ 0x20, 0x01000193));
      const b = NameList.find(this.fullKeys, this.fullVals, h);
      if (b) best = { length: len, bits: b };
    }
    return best;
  }
}

let shared: NameList | undefined;

/** The name lists of resources/ner/names.bin (empty when the file is absent). */
export function nameList(): NameList {
  if (!shared) {
    const p = resourcePath("ner/names.bin");
    if (existsSync(p)) {
      const buf = readFileSync(p);
      shared = new NameList(new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + (buf.byteLength & ~3))));
    } else shared = new NameList();
  }
  return shared;
}
