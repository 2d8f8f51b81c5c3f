/**
 * The trained tagger: weights per (feature hash, label) and label transitions, decoded with Viterbi
 * under the BIO constraint.
 *
 * The weights may come from either trainer, the file is the same: both passes are linear-chain
 * CRFs (CrfTrainer; the first about half a point of pooled CV F1 above the averaged perceptron once
 * stacked, and with the larger knowledge base of Dec 2026 a CRF second pass scored above a
 * perceptron one, scripts/train-ner.mjs); PerceptronTrainer's weights load the same way. Both decode
 * alike: sums of feature weights, then Viterbi.
 *
 * File (resources/ner/model.bin, and model2.bin for the second pass), little-endian: magic "RNER",
 * version u32, nRows u32, nLabels u32, nFeatures-per-token u32 (FEATURES_PER_TOKEN, or plus
 * STACK_FEATURES for a second pass); then nRows u32 feature hashes; nRows × nLabels f32 weights;
 * (nLabels + 1) × nLabels f32 transitions (the last row is the sentence start).
 */
import { existsSync, readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";
import { LABELS, N_LABELS } from "./labels.js";
import { viterbi } from "./viterbi.js";
import { FEATURES_PER_TOKEN, NerFeaturizer, type DocContext } from "./NerFeaturizer.js";
import { STACK_FEATURES, STACK_WINDOW, stackFeatures } from "./StackFeatures.js";
import { LANES, scoreKernel, type ScoreRun } from "./scoreKernel.js";

const MAGIC = 0x52454e52; // "RNER"
/** Tokens a stacked model tags the plain way before it builds the joint table of both passes. */
const JOINT_AFTER = 5000;
const VERSION = 1;

export class NerModel {
  /**
   * Open addressing over feature hashes at a load of at most one half: probing reads only the
   * slot array (8 bytes a slot: the hash and its row), which stays in cache; the weights of a
   * row are fetched only for a feature the model knows (most context features it does not).
   */
  private slots = new Int32Array(0);
  private mask = -1;
  private emit = new Float32Array(0);
  private feats = new Uint32Array(0);
  /**
   * The second pass of a stacked tagger (resources/ner/model2.bin): it reads this model's features
   * and StackFeatures over this model's labels. Without one, `tagRun` is the first pass alone.
   */
  second?: NerModel;

  constructor(
    readonly hashes: Uint32Array,
    readonly weights: Float32Array,
    readonly trans: Float32Array,
    readonly featurizer: NerFeaturizer = new NerFeaturizer(),
    /** Features per token: FEATURES_PER_TOKEN for a first pass, plus STACK_FEATURES for a second. */
    readonly F: number = FEATURES_PER_TOKEN,
  ) {
    if (N_LABELS !== 9) throw new Error("rasd: NerModel.tagIndexes sums nine labels; update it with labels.ts");
  }

  /**
   * Builds the slot table on first use: a stacked model's `tagRun` reads the joint table of both
   * passes instead (JointTable), so tagging articles never builds the two single ones.
   */
  private table(): void {
    if (this.mask >= 0) return;
    const hashes = this.hashes;
    let cap = 1;
    while (cap < hashes.length * 2) cap <<= 1;
    const slots = new Int32Array(cap * 2), mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let s = h & mask;
      while (slots[s * 2] !== 0) s = (s + 1) & mask;
      slots[s * 2] = h | 0;
      slots[s * 2 + 1] = r;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Label indexes for a sentence of tokens (as CoNLL tokens: words with clitics attached). */
  tagIndexes(tokens: readonly string[], doc?: DocContext): Int32Array {
    const n = tokens.length;
    if (n === 0) return new Int32Array(0);
    const F = FEATURES_PER_TOKEN;
    if (this.feats.length < n * F) this.feats = new Uint32Array(n * F * 2);
    return this.decode(this.featurizer.sentence(tokens, this.feats, doc), n, undefined, this.featurizer.labelMasks(tokens));
  }

  /**
   * Both passes over a run of sentences (an article, a CoNLL file): the first pass labels every
   * sentence, then the second relabels each from the same features and the first-pass labels of
   * the ±STACK_WINDOW sentences around it. `docs` is one context for all or one per sentence.
   */
  tagRun(sentences: ReadonlyArray<readonly string[]>, docs?: DocContext | readonly DocContext[]): Int32Array[] {
    const ctx = (k: number) => (Array.isArray(docs) ? (docs as DocContext[])[k] : (docs as DocContext | undefined));
    const second = this.second;
    if (!second) return sentences.map((s, k) => this.tagIndexes(s, ctx(k)));
    // The joint table costs tens of milliseconds to build: a process that tags one short article
    // (rasd analyze) decodes with each model's own table instead, with the same labels.
    if (!this.joint || this.joint.second !== second) {
      for (const s of sentences) this.tagged += s.length;
      if (this.tagged < JOINT_AFTER) return this.tagRunPlain(sentences, ctx, second);
    }
    const joint = this.jointWith(second);
    const N = sentences.length, F = FEATURES_PER_TOKEN, L = N_LABELS;
    // First pass, sentence by sentence: one probe of the joint table a feature gives the weights
    // of both passes, so the second pass's sums over the same features are taken here too (kept,
    // rounded as they are, in `partial`) and it only adds its stacked features to them.
    const first: Int32Array[] = new Array(N);
    const partial: Float32Array[] = new Array(N);
    const masks: Array<Uint16Array | null> = new Array(N).fill(null);
    for (let k = 0; k < N; k++) {
      const n = sentences[k]!.length;
      if (n === 0) { first[k] = new Int32Array(0); continue; }
      joint.reserve(n, F);
      const f = this.featurizer.sentence(sentences[k]!, joint.feats, ctx(k));
      if (f !== joint.feats) joint.feats.set(f.subarray(0, n * F));
      joint.score(n, F, 0);
      masks[k] = this.featurizer.labelMasks(sentences[k]!);
      if (masks[k]) forbidLabels(joint.out, n, masks[k]!, LANES, 0);
      first[k] = viterbi(joint.out, n, this.trans, undefined, LANES, 0);
      partial[k] = joint.out.slice(0, n * LANES);
    }
    const stacked = stackFeatures(sentences.map((s) => this.featurizer.lexiconKeys(s)), first, STACK_WINDOW);
    const X = second.F - F;
    return first.map((f, k) => {
      const n = sentences[k]!.length;
      if (!n) return f;
      joint.reserve(n, X);
      joint.out.set(partial[k]!);
      joint.feats.set(stacked[k]!.subarray(0, n * X));
      joint.score(n, X, 1);
      if (masks[k]) forbidLabels(joint.out, n, masks[k]!, LANES, L);
      return viterbi(joint.out, n, second.trans, undefined, LANES, L);
    });
  }

  private joint?: JointTable;
  /** Tokens tagged before the joint table was built (see JOINT_AFTER). */
  private tagged = 0;

  /** Both passes with each model's own table and `decode` (what the joint table computes at once). */
  private tagRunPlain(sentences: ReadonlyArray<readonly string[]>, ctx: (k: number) => DocContext | undefined, second: NerModel): Int32Array[] {
    const base = sentences.map((s, k) => this.featurizer.sentence(s, undefined, ctx(k)));
    const masks = sentences.map((s) => this.featurizer.labelMasks(s));
    const first = base.map((f, k) => this.decode(f, sentences[k]!.length, undefined, masks[k]));
    const stacked = stackFeatures(sentences.map((s) => this.featurizer.lexiconKeys(s)), first, STACK_WINDOW);
    return base.map((f, k) => {
      const n = sentences[k]!.length;
      return n ? second.decode(f, n, stacked[k]!, masks[k]) : first[k]!;
    });
  }

  /** The joint table of this model and its second pass, built on first use (weights are read once: a model's weights do not change). */
  private jointWith(second: NerModel): JointTable {
    if (!this.joint || this.joint.second !== second) this.joint = new JointTable(this, second);
    return this.joint;
  }

  /**
   * Label indexes from n × F feature ids (this model's F), or, for a second pass, from the first
   * pass's n × FEATURES_PER_TOKEN ids and the n × STACK_FEATURES stacked ones (`extra`), read as if
   * joined row by row (the sums run in the same order, so the scores are the same).
   */
  decode(feats: Uint32Array, n: number, extra?: Uint32Array, forbid?: Uint16Array | null): Int32Array {
    if (n === 0) return new Int32Array(0);
    const F = extra ? FEATURES_PER_TOKEN : this.F, X = extra ? this.F - F : 0, L = N_LABELS;
    if (this.emit.length < n * L) this.emit = new Float32Array(n * L * 2);
    const emit = this.emit;
    this.table();
    const slots = this.slots, weights = this.weights, mask = this.mask;
    // Nine running sums in registers, each rounded to float32 after every addition exactly as a
    // store into the Float32Array would round it: the same scores, bit for bit, as summing in place.
    const fr = Math.fround;
    for (let i = 0; i < n; i++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      // Segment 0: the row's F ids in feats; segment 1 (a second pass): its X ids in extra.
      for (let seg = 0; seg < (extra ? 2 : 1); seg++) {
        const arr = seg ? extra! : feats;
        for (let k = seg ? i * X : i * F, end = k + (seg ? X : F); k < end; k++) {
          const h = arr[k]! | 0;
          let s = h & mask;
          for (;;) {
            const key = slots[s * 2]!;
            if (key === h) {
              const w = slots[s * 2 + 1]! * 9;
              s0 = fr(s0 + weights[w]!); s1 = fr(s1 + weights[w + 1]!); s2 = fr(s2 + weights[w + 2]!);
              s3 = fr(s3 + weights[w + 3]!); s4 = fr(s4 + weights[w + 4]!); s5 = fr(s5 + weights[w + 5]!);
              s6 = fr(s6 + weights[w + 6]!); s7 = fr(s7 + weights[w + 7]!); s8 = fr(s8 + weights[w + 8]!);
              break;
            }
            if (key === 0) break;
            s = (s + 1) & mask;
          }
        }
      }
      const e = i * L;
      emit[e] = s0; emit[e + 1] = s1; emit[e + 2] = s2; emit[e + 3] = s3; emit[e + 4] = s4;
      emit[e + 5] = s5; emit[e + 6] = s6; emit[e + 7] = s7; emit[e + 8] = s8;
    }
    if (forbid) forbidLabels(emit, n, forbid, L, 0);
    return viterbi(emit, n, this.trans);
  }

  /** BIO tags for a sentence. */
  tag(tokens: readonly string[], doc?: DocContext): string[] {
    return Array.from(this.tagIndexes(tokens, doc), (i) => LABELS[i]!);
  }

  /** The binary file form. */
  serialize(): Buffer {
    const head = new Uint32Array([MAGIC, VERSION, this.hashes.length, N_LABELS, this.F]);
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
    if (L !== N_LABELS || (F !== FEATURES_PER_TOKEN && F !== FEATURES_PER_TOKEN + STACK_FEATURES)) throw new Error(`rasd: tagger model has ${L} labels × ${F} features per token; this code expects ${N_LABELS} × ${FEATURES_PER_TOKEN} (retrain with npm run train:ner)`);
    let off = 20;
    const hashes = new Uint32Array(copy, off, n); off += n * 4;
    const weights = new Float32Array(copy, off, n * L); off += n * L * 4;
    const trans = new Float32Array(copy, off, (L + 1) * L);
    return new NerModel(hashes, weights, trans, featurizer, F);
  }
}

/**
 * Both passes' weights under one open-addressing table over the union of their feature hashes: a
 * slot holds the hash and a joint row, a joint row the nine weights of the first pass, the nine of
 * the second and two zeros (LANES floats; zeros too where a pass lacks the feature: adding +0 to a
 * running sum that starts at +0 leaves it unchanged, so the sums are those of the separate tables
 * bit for bit). Where a model holds a hash twice, its first row counts, as its own table's probe
 * finds it. The table lives in WebAssembly memory and is summed by scoreKernel (the same loop in
 * plain JS where WebAssembly SIMD is missing).
 */
class JointTable {
  private memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  private readonly kernel?: ScoreRun;
  private readonly mask: number;
  private readonly rowsAt: number;
  private readonly featsAt: number;
  private capacity = 0;
  private outAt = 0;
  /** Views on the memory (made again when it grows). */
  feats = new Uint32Array(0);
  out = new Float32Array(0);

  constructor(first: NerModel, readonly second: NerModel) {
    const L = N_LABELS;
    // Joint rows: each hash of the first model (at its first row), then each the first lacks.
    const n1 = first.hashes.length, n2 = second.hashes.length;
    let cap = 1;
    while (cap < (n1 + n2) * 2) cap <<= 1;
    const mask = (this.mask = cap - 1);
    const table = new Int32Array(cap * 2);
    const rows1 = new Int32Array(n1 + n2), rows2 = new Int32Array(n1 + n2);
    let n = 0;
    for (let pass = 0; pass < 2; pass++) {
      const hashes = pass ? second.hashes : first.hashes;
      const mine = pass ? rows2 : rows1, other = pass ? rows1 : rows2;
      for (let r = 0; r < hashes.length; r++) {
        const h = hashes[r]! | 0;
        if (h === 0) continue; // an empty slot in the model's own table: never found
        let s = h & mask;
        while (table[s * 2] !== h && table[s * 2] !== 0) s = (s + 1) & mask;
        if (table[s * 2] === h) {
          const j = table[s * 2 + 1]!;
          if (mine[j] === -1) mine[j] = r;
          continue;
        }
        table[s * 2] = h;
        table[s * 2 + 1] = n;
        mine[n] = r;
        other[n++] = -1;
      }
    }
    this.rowsAt = cap * 8;
    this.featsAt = this.rowsAt + n * LANES * 4;
    const pages = Math.ceil(this.featsAt / 65536) + 1;
    // Without WebAssembly (node --jitless) the same layout in a plain buffer, summed in JS.
    this.memory = typeof WebAssembly !== "undefined" ? new WebAssembly.Memory({ initial: pages }) : new PlainMemory(pages);
    new Int32Array(this.memory.buffer, 0, cap * 2).set(table);
    const w = new Float32Array(this.memory.buffer, this.rowsAt, n * LANES);
    const w1 = first.weights, w2 = second.weights;
    for (let j = 0; j < n; j++) {
      const r1 = rows1[j]!, r2 = rows2[j]!, o = j * LANES;
      if (r1 >= 0) for (let c = 0; c < L; c++) w[o + c] = w1[r1 * L + c]!;
      if (r2 >= 0) for (let c = 0; c < L; c++) w[o + L + c] = w2[r2 * L + c]!;
    }
    // Room for sentences of up to 512 tokens from the start (articles are tagged in runs of at most
    // 250): growing the memory later is rare, and its path is not a cold one in the middle of a run.
    this.reserve(512, FEATURES_PER_TOKEN + STACK_FEATURES);
    this.kernel = process.env.RASD_NER_NO_WASM || typeof WebAssembly === "undefined" || !(this.memory instanceof WebAssembly.Memory) ? undefined : scoreKernel(this.memory);
  }

  /** Room for n tokens' features (`feats`) and sums (`out`). */
  reserve(n: number, F: number): void {
    if (n * F <= this.capacity && n * LANES * 4 <= this.capacity * 4 && this.feats.length) return;
    const cap = Math.max(n * Math.max(F, LANES) * 2, 4096);
    this.outAt = this.featsAt + cap * 4;
    const need = this.outAt + cap * 4;
    if (need > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / 65536));
    this.capacity = cap;
    this.feats = new Uint32Array(this.memory.buffer, this.featsAt, cap);
    this.out = new Float32Array(this.memory.buffer, this.outAt, cap);
  }

  /**
   * For each of n tokens, LANES sums in `out`: from zero (mode 0) or from what `out` holds (mode 1),
   * plus the rows of the token's F feature ids in `feats`, in order.
   */
  score(n: number, F: number, mode: number): void {
    if (this.kernel) { this.kernel(this.featsAt, n, F, this.outAt, 0, this.mask, this.rowsAt, mode); return; }
    const feats = this.feats, out = this.out, mask = this.mask;
    const slots = new Int32Array(this.memory.buffer, 0, (mask + 1) * 2);
    const w = new Float32Array(this.memory.buffer, this.rowsAt);
    const fr = Math.fround;
    const acc = new Float64Array(LANES);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < LANES; c++) acc[c] = mode ? out[i * LANES + c]! : 0;
      for (let k = i * F, end = k + F; k < end; k++) {
        const h = feats[k]! | 0;
        let s = h & mask;
        for (;;) {
          const key = slots[s * 2]!;
          if (key === h) {
            const o = slots[s * 2 + 1]! * LANES;
            for (let c = 0; c < LANES; c++) acc[c] = fr(acc[c]! + w[o + c]!);
            break;
          }
          if (key === 0) break;
          s = (s + 1) & mask;
        }
      }
      for (let c = 0; c < LANES; c++) out[i * LANES + c] = acc[c]!;
    }
  }
}

/** A growable buffer shaped like WebAssembly.Memory, for a runtime without WebAssembly. */
class PlainMemory {
  buffer: ArrayBuffer;
  constructor(pages: number) {
    this.buffer = new ArrayBuffer(pages * 65536);
  }
  grow(pages: number): number {
    const old = this.buffer;
    this.buffer = new ArrayBuffer(old.byteLength + pages * 65536);
    new Uint8Array(this.buffer).set(new Uint8Array(old));
    return old.byteLength / 65536;
  }
}

let shared: NerModel | undefined;

/** Rules out each token's forbidden labels (NerFeaturizer.labelMasks) before Viterbi. */
function forbidLabels(emit: Float32Array, n: number, forbid: Uint16Array, stride: number, offset: number): void {
  for (let i = 0; i < n; i++) {
    const f = forbid[i]!;
    if (!f) continue;
    for (let c = 0; c < N_LABELS; c++) if (f & (1 << c)) emit[i * stride + offset + c] = -1e30;
  }
}

/** The committed model, loaded on first use. */
export function nerModel(): NerModel {
  if (!shared) {
    shared = NerModel.deserialize(readFileSync(resourcePath("ner/model.bin")));
    const p2 = resourcePath("ner/model2.bin");
    if (existsSync(p2)) shared.second = NerModel.deserialize(readFileSync(p2), shared.featurizer);
  }
  return shared;
}
