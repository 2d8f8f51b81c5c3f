/**
 * 32-bit hashing for features: strings are hashed once per token type (FNV-1a), and feature ids are
 * built by mixing integers, so the hot path builds no strings.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values (murmur3 finaliser over a combination); never returns 0. */
export function mix(a: number, b: number): number {
  return mixInt(a, b) >>> 0;
}

/**
 * `mix` with the same bits as a signed 32-bit integer: feature arrays store the bits alike, and an
 * int32 stays a small integer in V8 where a uint32 above 2³¹ is a boxed double.
 */
export function mixInt(a: number, b: number): number {
  return finishMix(Math.imul(a, 0x9e3779b1) ^ b);
}

/**
 * The murmur3 finaliser of `mix`, from the combined value (`Math.imul(a, 0x9e3779b1) ^ b`, which a
 * caller may have computed in part beforehand), as an int32; never 0.
 */
export function finishMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0 || 1;
}
