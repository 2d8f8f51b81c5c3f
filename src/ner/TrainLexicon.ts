/**
 * What the labelled training text says about a word or a word sequence: how often it was tagged as
 * an entity, as which type, and which exact sequences were whole entities. ANERcorp's entities recur
 * (the same ministers, parties and places article after article), so "this word was an ORG 9 times
 * out of 10 in the training text" is one of the strongest cues a tagger can have.
 *
 * The catch is that, computed on the very sentences the perceptron learns from, the cue is always
 * right and the tagger leans on it entirely. So training uses it jackknifed (scripts/train-ner.mjs):
 * the sentences of each block of folds see a lexicon built from the OTHER folds only, which is
 * exactly the situation of unseen text at tagging time, where the lexicon comes from all of train.
 *
 * Keys are the featurizer's own 32-bit hashes of the normalised word and of its clitic-stripped
 * stem (NerFeaturizer attributes), so the committed file (resources/ner/lexicon.bin) holds no text
 * and tagging builds no strings. Spans are keyed by their normalised words: keying them by
 * article- and clitic-less forms ("للبنك التجاري" = "البنك التجاري") scored lower on dev.
 *
 * File, little-endian Uint32: magic "RLEX", then the slot counts of the four tables (words, stems,
 * spans, firsts), then each table's slot arrays as they lie in memory (keys, then values; see
 * IntTable), so loading copies no entry. Word and stem codes are `label·16 + ratio·4 + count` (see `code`); span codes are
 * type bits (1 PER, 2 LOC, 4 ORG, 8 MISC); first codes are the longest span length.
 */
import { existsSync, readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";
import { mix, mixInt } from "./hash.js";

const MAGIC = 0x58454c52; // "RLEX"
/** Longest entity remembered as a span (longer ones are rare and never recur verbatim). */
export const MAX_SPAN = 6;
const TYPE_BIT = [0, 1, 1, 2, 2, 4, 4, 8, 8]; // by label index (labels.ts)

/**
 * One code per word from its label counts (indexes of labels.ts): the most frequent entity label,
 * the share of its occurrences that were entities (four buckets) and how often it was seen (three
 * buckets). A word never seen as an entity gets label 0 with its count bucket: "known, and plain".
 */
function code(counts: Int32Array): number {
  let total = 0, ent = 0, best = 0;
  for (let l = 0; l < counts.length; l++) {
    total += counts[l]!;
    if (l > 0) {
      ent += counts[l]!;
      if (counts[l]! > (best ? counts[best]! : 0)) best = l;
    }
  }
  const share = total ? ent / total : 0;
  const ratio = ent === 0 ? 0 : share < 0.3 ? 1 : share < 0.7 ? 2 : 3;
  const n = ent || total;
  const cnt = n <= 1 ? 1 : n <= 4 ? 2 : 3;
  return (best << 4) | (ratio << 2) | cnt;
}

/** Hash of a sequence of word hashes (the span table's key). */
export function spanKey(words: ArrayLike<number>, from: number, len: number, stride = 1): number {
  let h = 0x2545f491;
  for (let k = 0; k < len; k++) h = mix(h, words[from + k * stride]!);
  return h;
}

/**
 * `spanKey` of every length 1 … maxLen from `from` at once (each extends the one before by a
 * word): out[l] = spanKey(words, from, l, stride), as int32 bits.
 */
export function spanKeys(words: ArrayLike<number>, from: number, maxLen: number, stride: number, out: Int32Array): void {
  let h = 0x2545f491;
  for (let l = 1; l <= maxLen; l++) out[l] = h = mixInt(h, words[from + (l - 1) * stride]!);
}

/**
 * A uint32 → uint32 table by open addressing at a load of at most one half. The keys are hashes
 * above 2³¹, which a Map holds as boxed doubles: this is several times faster to probe per token,
 * and quick to build at load. Key 0 is stored as 1 (a hash of 0 is as likely as any other).
 */
export class IntTable {
  private readonly mask: number;
  readonly size: number;
  /** The keys read as int32 (the same buffer): probing compares small integers, not doubles. */
  private readonly keysI: Int32Array;

  /** A table over given slot arrays (as read from a file: no rebuilding at load). */
  constructor(readonly keys: Uint32Array, readonly vals: Uint32Array) {
    this.mask = keys.length - 1;
    this.keysI = new Int32Array(keys.buffer, keys.byteOffset, keys.length);
    let n = 0;
    for (let s = 0; s < keys.length; s++) if (keys[s]) n++;
    this.size = n;
  }

  static of(entries: Map<number, number>): IntTable {
    let cap = 16;
    while (cap < entries.size * 2) cap <<= 1;
    const keys = new Uint32Array(cap), vals = new Uint32Array(cap), mask = cap - 1;
    for (const [k0, v] of entries) {
      const k = k0 >>> 0 || 1;
      let s = (k ^ (k >>> 15)) & mask;
      while (keys[s] !== 0 && keys[s] !== k) s = (s + 1) & mask;
      keys[s] = k;
      vals[s] = v;
    }
    return new IntTable(keys, vals);
  }

  /** The value of a key, 0 when absent. */
  get(k0: number): number {
    const k = k0 | 0 || 1;
    const keys = this.keysI, mask = this.mask;
    let s = (k ^ (k >>> 15)) & mask;
    for (;;) {
      const x = keys[s]!;
      if (x === k) return this.vals[s]!;
      if (x === 0) return 0;
      s = (s + 1) & mask;
    }
  }

  /** The pairs, sorted by key. */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s]) out.push([this.keys[s]!, this.vals[s]!]);
    return out.sort((a, b) => a[0] - b[0]);
  }
}

const table = (m: Map<number, number>) => IntTable.of(m);

export class TrainLexicon {
  constructor(
    readonly words: IntTable = table(new Map()),
    readonly stems: IntTable = table(new Map()),
    readonly spans: IntTable = table(new Map()),
    readonly firsts: IntTable = table(new Map()),
  ) {}

  get size(): number {
    return this.words.size + this.stems.size + this.spans.size;
  }

  /**
   * Builds a lexicon from labelled sentences, given each token's word and stem hashes.
   * @param sentences word hashes, stem hashes and label indexes (labels.ts) of each sentence
   */
  static build(sentences: Iterable<{ words: ArrayLike<number>; stems: ArrayLike<number>; gold: ArrayLike<number> }>): TrainLexicon {
    const wc = new Map<number, Int32Array>(), sc = new Map<number, Int32Array>();
    const spans = new Map<number, number>(), firsts = new Map<number, number>();
    const bump = (m: Map<number, Int32Array>, k: number, l: number) => {
      let c = m.get(k);
      if (!c) m.set(k, (c = new Int32Array(9)));
      c[l]!++;
    };
    for (const s of sentences) {
      const n = s.gold.length;
      for (let i = 0; i < n; i++) {
        bump(wc, s.words[i]!, s.gold[i]!);
        bump(sc, s.stems[i]!, s.gold[i]!);
        const g = s.gold[i]!;
        if (g > 0 && g % 2 === 1) {
          let j = i + 1;
          while (j < n && s.gold[j] === g + 1) j++;
          if (j - i <= MAX_SPAN) {
            const k = spanKey(s.words, i, j - i);
            spans.set(k, (spans.get(k) ?? 0) | TYPE_BIT[g]!);
            firsts.set(s.words[i]!, Math.max(firsts.get(s.words[i]!) ?? 0, j - i));
          }
        }
      }
    }
    const codes = (m: Map<number, Int32Array>) => new Map([...m].map(([k, c]) => [k, code(c)] as [number, number]));
    return new TrainLexicon(table(codes(wc)), table(codes(sc)), table(spans), table(firsts));
  }

  serialize(): Buffer {
    const tables = [this.words, this.stems, this.spans, this.firsts];
    const head = Uint32Array.from([MAGIC, ...tables.map((t) => t.keys.length)]);
    return Buffer.concat([head, ...tables.flatMap((t) => [t.keys, t.vals])].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  }

  static deserialize(buf: Buffer): TrainLexicon {
    const copy = buf.buffer.slice(buf.byteOffset, buf.byteOffset + (buf.byteLength & ~3));
    const head = new Uint32Array(copy, 0, Math.min(5, copy.byteLength >> 2));
    if (head.length < 5 || head[0] !== MAGIC) throw new Error("rasd: resources/ner/lexicon.bin is not a rasd training lexicon (retrain with npm run train:ner)");
    let off = 20;
    const tables = [1, 2, 3, 4].map((i) => {
      const cap = head[i]!;
      const keys = new Uint32Array(copy, off, cap), vals = new Uint32Array(copy, off + 4 * cap, cap);
      off += 8 * cap;
      return new IntTable(keys, vals);
    });
    return new TrainLexicon(tables[0], tables[1], tables[2], tables[3]);
  }
}

let shared: TrainLexicon | undefined;

/** The committed lexicon (resources/ner/lexicon.bin), empty when absent (before the first training). */
export function trainLexicon(): TrainLexicon {
  if (!shared) {
    const p = resourcePath("ner/lexicon.bin");
    shared = existsSync(p) ? TrainLexicon.deserialize(readFileSync(p)) : new TrainLexicon();
  }
  return shared;
}
