/**
 * The trained tagger: weights per (feature hash, label) and label transitions, decoded with Viterbi
 * under the BIO constraint.
 *
 * Why an averaged structured perceptron rather than a CRF: with the same features and Viterbi it
 * scores within a point of a CRF on NER, trains in seconds per epoch with no gradient optimiser or
 * forward-backward pass (the budget is minutes on a shared CPU), and its averaged weights are as
 * compact and fast to apply as a CRF's.
 *
 * File (resources/ner/model.bin), little-endian: magic "RNER", version u32, nRows u32, nLabels u32,
 * nFeatures-per-token u32; then nRows u32 feature hashes; nRows × nLabels f32 weights;
 * (nLabels + 1) × nLabels f32 transitions (the last row is the sentence start).
 */
import { readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";
import { LABELS, N_LABELS } from "./labels.js";
import { viterbi } from "./viterbi.js";
import { FEATURES_PER_TOKEN, NerFeaturizer, type DocContext } from "./NerFeaturizer.js";

const MAGIC = 0x52454e52; // "RNER"
const VERSION = 1;

export class NerModel {
  /**
   * Open addressing over feature hashes at a load of at most one half: probing reads only the
   * slot array (8 bytes a slot: the hash and its row), which stays in cache; the weights of a
   * row are fetched only for a feature the model knows (most context features it does not).
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private emit = new Float32Array(0);
  private feats = new Uint32Array(0);

  constructor(
    readonly hashes: Uint32Array,
    readonly weights: Float32Array,
    readonly trans: Float32Array,
    readonly featurizer: NerFeaturizer = new NerFeaturizer(),
  ) {
    let cap = 1;
    while (cap < hashes.length * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let s = h & this.mask;
      while (this.slots[s * 2] !== 0) s = (s + 1) & this.mask;
      this.slots[s * 2] = h | 0;
      this.slots[s * 2 + 1] = r;
    }
  }

  /** Label indexes for a sentence of tokens (as CoNLL tokens: words with clitics attached). */
  tagIndexes(tokens: readonly string[], doc?: DocContext): Int32Array {
    const n = tokens.length;
    if (n === 0) return new Int32Array(0);
    const F = FEATURES_PER_TOKEN, L = N_LABELS;
    if (this.feats.length < n * F) this.feats = new Uint32Array(n * F * 2);
    if (this.emit.length < n * L) this.emit = new Float32Array(n * L * 2);
    const feats = this.featurizer.sentence(tokens, this.feats, doc);
    const emit = this.emit;
    emit.fill(0, 0, n * L);
    const slots = this.slots, weights = this.weights, mask = this.mask;
    for (let i = 0; i < n; i++) {
      const e = i * L;
      for (let k = i * F, end = k + F; k < end; k++) {
        const h = feats[k]! | 0;
        let s = h & mask;
        for (;;) {
          const key = slots[s * 2]!;
          if (key === h) {
            const w = slots[s * 2 + 1]! * L;
            for (let l = 0; l < L; l++) emit[e + l]! += weights[w + l]!;
            break;
          }
          if (key === 0) break;
          s = (s + 1) & mask;
        }
      }
    }
    return viterbi(emit, n, this.trans);
  }

  /** BIO tags for a sentence. */
  tag(tokens: readonly string[], doc?: DocContext): string[] {
    return Array.from(this.tagIndexes(tokens, doc), (i) => LABELS[i]!);
  }

  /** The binary file form. */
  serialize(): Buffer {
    const head = new Uint32Array([MAGIC, VERSION, this.hashes.length, N_LABELS, FEATURES_PER_TOKEN]);
    return Buffer.concat([
      Buffer.from(head.buffer),
      Buffer.from(this.hashes.buffer, this.hashes.byteOffset, this.hashes.byteLength),
      Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength),
      Buffer.from(this.trans.buffer, this.trans.byteOffset, this.trans.byteLength),
    ]);
  }

  static deserialize(buf: Buffer, featurizer?: NerFeaturizer): NerModel {
    const copy = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const head = new Uint32Array(copy, 0, 5);
    if (head[0] !== MAGIC || head[1] !== VERSION) throw new Error("rasd: resources/ner/model.bin is not a version-1 rasd tagger model");
    const n = head[2]!, L = head[3]!, F = head[4]!;
    if (L !== N_LABELS || F !== FEATURES_PER_TOKEN) throw new Error(`rasd: tagger model has ${L} labels × ${F} features per token; this code expects ${N_LABELS} × ${FEATURES_PER_TOKEN} (retrain with npm run train:ner)`);
    let off = 20;
    const hashes = new Uint32Array(copy, off, n); off += n * 4;
    const weights = new Float32Array(copy, off, n * L); off += n * L * 4;
    const trans = new Float32Array(copy, off, (L + 1) * L);
    return new NerModel(hashes, weights, trans, featurizer);
  }
}

let shared: NerModel | undefined;

/** The committed model, loaded on first use. */
export function nerModel(): NerModel {
  return (shared ??= NerModel.deserialize(readFileSync(resourcePath("ner/model.bin"))));
}
