/**
 * How a new article is linked to what the archive holds, the same for every store engine: its
 * near-duplicate (the closest candidate whose signature agrees) and its story (the first candidate,
 * most shared features first, that shares enough of the smaller feature set). The stores only differ
 * in how they fetch the candidates.
 */
import { compareSignatures, signatureFromBytes, type MinHashSignature } from "./MinHash.js";
import { STORY_MIN_OVERLAP } from "./storyFeatures.js";

/** An earlier article whose LSH bands collide with the new one's. */
export interface DuplicateCandidate {
  id: string;
  shingles: number;
  signature: Uint8Array;
  duplicate_of: string | null;
  story: string | null;
}

/** The original (and its story) of the closest agreeing candidate, or null; stops at a near-copy (≥ 0.9). */
export function closestDuplicate(self: string, mine: MinHashSignature, candidates: Iterable<DuplicateCandidate>): { duplicateOf: string; story: string } | null {
  let best = 0;
  let found: { duplicateOf: string; story: string } | null = null;
  for (const c of candidates) {
    if (c.id === self) continue;
    const sim = compareSignatures(mine, signatureFromBytes(c.signature, c.shingles));
    if (sim.duplicate && sim.jaccard > best) {
      best = sim.jaccard;
      found = { duplicateOf: c.duplicate_of ?? c.id, story: c.story ?? c.id };
      if (best >= 0.9) break;
    }
  }
  return found;
}

/** An article in the story window sharing `shared` of its `n` story features with the new one. */
export interface StoryCandidate {
  id: string;
  shared: number;
  n: number;
  story: string | null;
}

/** The story of the first candidate (in the order given) that overlaps enough, or null. */
export function storyOf(candidates: Iterable<StoryCandidate>, features: number): string | null {
  for (const c of candidates) if (c.shared / Math.max(1, Math.min(c.n, features)) >= STORY_MIN_OVERLAP) return c.story ?? c.id;
  return null;
}
