/**
 * Second-pass features of the stacked tagger (Krishnan & Manning 2006): what the first-pass tagger
 * said about the same word, stem and entity string elsewhere in the window of ±STACK_WINDOW
 * sentences. ANERcorp repeats a name across an article, and the first pass often gets one mention
 * right (after a title, inside a knowledge-base match) and another wrong; the second pass sees the
 * votes of the other mentions.
 *
 * Only other occurrences vote: the token's own first-pass label is taken out of the counts (it is a
 * feature of its own). In training the first-pass labels come from models that did not train on the
 * sentences they label (scripts/train-ner.mjs), so the second pass learns how far to trust them.
 * Counts are kept over a sliding window (each sentence added once and removed once): linear in the
 * input.
 */
import { mixInt } from "./hash.js";
import { FEATURES_PER_TOKEN } from "./NerFeaturizer.js";
import { spanKey, spanKeys, MAX_SPAN } from "./TrainLexicon.js";

/** Scratch for the span keys of every length from one token (spanKeys). */
const SPAN_KEYS = new Int32Array(MAX_SPAN + 1);

/** Features per token the second pass adds to the first pass's FEATURES_PER_TOKEN. */
export const STACK_FEATURES = 18;
export const STACK_WINDOW = 8;

/** Entity type of a label index (labels.ts): 0 O, 1 PER, 2 LOC, 3 ORG, 4 MISC. */
const TYPE_OF = [0, 1, 1, 2, 2, 3, 3, 4, 4];

export interface StackKeys {
  words: Uint32Array;
  stems: Uint32Array;
}

/**
 * An int32 → int32 table by open addressing (a Map keyed by numbers hashes and boxes more than
 * these few probes cost). Entries are never removed.
 */
class IntMap {
  private keys = new Int32Array(256);
  private vals = new Int32Array(256);
  private full = new Uint8Array(256);
  private shift = 24;
  private size = 0;

  /** The value of k, or `none` when absent. */
  get(k: number, none: number): number {
    const keys = this.keys, full = this.full, mask = keys.length - 1;
    for (let s = Math.imul(k, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      if (!full[s]) return none;
      if (keys[s] === k) return this.vals[s]!;
    }
  }

  set(k: number, v: number): void {
    const keys = this.keys, full = this.full, mask = keys.length - 1;
    let s = Math.imul(k, 0x9e3779b1) >>> this.shift;
    while (full[s] && keys[s] !== k) s = (s + 1) & mask;
    if (full[s]) { this.vals[s] = v; return; }
    keys[s] = k; this.vals[s] = v; full[s] = 1;
    if (++this.size * 2 > keys.length) this.grow();
  }

  private grow(): void {
    const { keys, vals, full } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.full = new Uint8Array(keys.length * 2);
    this.shift--;
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (full[s]) this.set(keys[s]!, vals[s]!);
  }
}

/**
 * Type counts by key: five counts a key in one growing pool (a typed array per key costs more to
 * allocate than the counting itself). Keys are never removed: a run's distinct keys are few.
 */
class Counts {
  private readonly at = new IntMap();
  pool = new Int32Array(5 * 256);
  private used = 0;
  /** Offset of the key's five counts in `pool`, -1 when never seen. */
  get(k: number): number {
    return this.at.get(k, -1);
  }
  bump(k: number, t: number, d: number): void {
    let o = this.at.get(k, -1);
    if (o < 0) {
      if (this.used + 5 > this.pool.length) {
        const grown = new Int32Array(this.pool.length * 2);
        grown.set(this.pool);
        this.pool = grown;
      }
      o = this.used;
      this.used += 5;
      this.at.set(k, o);
    }
    this.pool[o + t]! += d;
  }
}

/** Predicted entities of a sentence: [start, length, type] triples. */
function entitiesOf(pred: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < pred.length; ) {
    const p = pred[i]!;
    if (p === 0) { i++; continue; }
    let j = i + 1;
    while (j < pred.length && pred[j] === p + (p % 2)) j++;
    out.push(i, j - i, TYPE_OF[p]!);
    i = j;
  }
  return out;
}

/**
 * A vote code from the type counts of the other occurrences: 1 when there are none; otherwise the
 * most frequent entity type, the share of entity labels (four buckets) and the count (three buckets).
 */
function voteCode(m: Counts, k: number, own: number): number {
  const o = m.get(k);
  if (o < 0) return 1;
  const c = m.pool;
  let total = 0, ent = 0, best = 0, bestN = 0;
  for (let t = 0; t < 5; t++) {
    const n = c[o + t]! - (t === own ? 1 : 0);
    total += n;
    if (t > 0) { ent += n; if (n > bestN) { bestN = n; best = t; } }
  }
  if (total <= 0) return 1;
  const share = ent === 0 ? 0 : ent === total ? 3 : ent * 2 < total ? 1 : 2;
  const cnt = total === 1 ? 0 : total <= 3 ? 1 : 2;
  return 2 + (best * 4 + share) * 3 + cnt;
}

/**
 * Feature id of value v for stacked template j (the numbering continues the first pass's):
 * mix(FEATURES_PER_TOKEN + j + 1, v), its bits as an int32 (stored alike in the Uint32Array).
 */
function featureId(j: number, v: number): number {
  return mixInt(FEATURES_PER_TOKEN + j + 1, v);
}

/**
 * The second-pass features of a run of sentences (n × STACK_FEATURES ids per sentence), given each
 * token's word and stem hashes and the first pass's labels.
 */
export function stackFeatures(keys: readonly StackKeys[], preds: readonly Int32Array[], w = STACK_WINDOW): Uint32Array[] {
  const N = keys.length;
  const stems = new Counts(), words = new Counts();
  const spans = new Counts(), stemSpans = new Counts();
  const firsts = new IntMap(), stemFirsts = new IntMap();
  const ents = preds.map(entitiesOf);
  const apply = (k: number, d: number) => {
    const kk = keys[k]!, p = preds[k]!;
    windowTokens += d * p.length;
    for (let i = 0; i < p.length; i++) {
      const t = TYPE_OF[p[i]!]!;
      stems.bump(kk.stems[i]! | 0, t, d);
      words.bump(kk.words[i]! | 0, t, d);
    }
    const e = ents[k]!;
    for (let q = 0; q < e.length; q += 3) {
      const at = e[q]!, len = e[q + 1]!, t = e[q + 2]!;
      if (len > MAX_SPAN) continue;
      spans.bump(spanKey(kk.words, at, len) | 0, t, d);
      stemSpans.bump(spanKey(kk.stems, at, len) | 0, t, d);
      const fw = kk.words[at]! | 0, fs = kk.stems[at]! | 0;
      firsts.set(fw, firsts.get(fw, 0) + d);
      stemFirsts.set(fs, stemFirsts.get(fs, 0) + d);
    }
  };
  const out: Uint32Array[] = new Array(N);
  const S = STACK_FEATURES;
  // Tokens of the other sentences in the window: a text of one or two sentences has no votes at
  // all, which is not the same evidence as a full window without another mention.
  let windowTokens = 0;
  let added = 0, removed = 0;
  for (let k = 0; k < N; k++) {
    while (added < N && added <= k + w) apply(added++, 1);
    while (removed < k - w) apply(removed++, -1);
    const kk = keys[k]!, p = preds[k]!, n = p.length;
    // Own entity length at each start (0 elsewhere), to take the token's own span out of the votes.
    const ownLen = new Int32Array(n);
    const e = ents[k]!;
    for (let q = 0; q < e.length; q += 3) ownLen[e[q]!] = e[q + 1]!;
    const stemV = new Int32Array(n), wordV = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const own = TYPE_OF[p[i]!]!;
      stemV[i] = voteCode(stems, kk.stems[i]! | 0, own);
      wordV[i] = voteCode(words, kk.words[i]! | 0, own);
    }
    // Longest entity string starting at each token that the first pass tagged elsewhere in the
    // window: code = type·4 + 1 (B) / 2 (I) + 32 when seen more than once.
    const spanCodes = (table: Counts, fs: IntMap, arr: Uint32Array): Int32Array => {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; ) {
        let len = 0, code = 0;
        if (fs.get(arr[i]! | 0, 0) > 0) {
          const top = Math.min(MAX_SPAN, n - i);
          spanKeys(arr, i, top, 1, SPAN_KEYS);
          for (let l = top; l >= 1; l--) {
            const o = table.get(SPAN_KEYS[l]!);
            if (o < 0) continue;
            const c = table.pool;
            const ownT = ownLen[i] === l ? TYPE_OF[p[i]!]! : 0;
            let best = 0, bestN = 0, tot = 0;
            for (let t = 1; t < 5; t++) {
              const m = c[o + t]! - (t === ownT ? 1 : 0);
              tot += m;
              if (m > bestN) { bestN = m; best = t; }
            }
            if (!best) continue;
            len = l;
            code = best * 4 + (tot > 1 ? 32 : 0);
            break;
          }
        }
        if (!len) { i++; continue; }
        for (let q = 0; q < len; q++) codes[i + q] = code + (q === 0 ? 1 : 2);
        i += len;
      }
      return codes;
    };
    const spanV = spanCodes(spans, firsts, kk.words), stemSpanV = spanCodes(stemSpans, stemFirsts, kk.stems);
    const others = windowTokens - n;
    const ctx = others === 0 ? 0 : others <= 60 ? 1 : others <= 200 ? 2 : 3;
    const f = new Uint32Array(n * S);
    for (let i = 0; i < n; i++) {
      const own = p[i]!, prev = i ? p[i - 1]! : 9, next = i + 1 < n ? p[i + 1]! : 10;
      const o = i * S;
      f[o] = featureId(0, own); f[o + 1] = featureId(1, prev); f[o + 2] = featureId(2, next); f[o + 3] = featureId(3, own * 16 + prev);
      f[o + 4] = featureId(4, stemV[i]!); f[o + 5] = featureId(5, stemV[i]! * 16 + own);
      f[o + 6] = featureId(6, wordV[i]!); f[o + 7] = featureId(7, wordV[i]! * 16 + own);
      f[o + 8] = featureId(8, spanV[i]!); f[o + 9] = featureId(9, spanV[i]! * 16 + own);
      f[o + 10] = featureId(10, i ? spanV[i - 1]! : 99); f[o + 11] = featureId(11, i + 1 < n ? spanV[i + 1]! : 99);
      f[o + 12] = featureId(12, stemSpanV[i]!); f[o + 13] = featureId(13, stemSpanV[i]! * 16 + own);
      f[o + 14] = featureId(14, i ? stemV[i - 1]! : 99999); f[o + 15] = featureId(15, i + 1 < n ? stemV[i + 1]! : 99999);
      f[o + 16] = featureId(16, ctx * 16 + own); f[o + 17] = featureId(17, (ctx * 256 + stemV[i]!) * 16 + own);
    }
    out[k] = f;
  }
  return out;
}

/** First-pass features (n × FEATURES_PER_TOKEN) and stacked ones side by side, as the second pass reads them. */
export function joinFeatures(base: Uint32Array, stacked: Uint32Array, n: number): Uint32Array {
  const F = FEATURES_PER_TOKEN, S = STACK_FEATURES, G = F + S;
  const out = new Uint32Array(n * G);
  for (let i = 0; i < n; i++) {
    out.set(base.subarray(i * F, (i + 1) * F), i * G);
    out.set(stacked.subarray(i * S, (i + 1) * S), i * G + F);
  }
  return out;
}
