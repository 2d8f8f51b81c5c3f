/** Small, fast 32-bit hashes for shingles and LSH bands (FNV-1a over UTF-16 units, murmur3's finaliser). */

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A 48-bit hash (safe as a JavaScript number and as a 64-bit SQL integer). */
export function hash48(s: string): number {
  return (hash32(s, 0x9747b28c) & 0xffff) * 0x100000000 + hash32(s);
}
