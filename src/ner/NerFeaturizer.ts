/**
 * Features of the entity tagger, as 32-bit hashes. Each token type is described once (attributes
 * cached by its text): normalised word, clitic-stripped stem, proclitic, prefixes and suffixes, shape,
 * word clusters at three granularities, trigger class, how much the stem's letters look like a
 * transliterated name (NameShape), where the word stands in the knowledge base's longer names
 * (KnowledgeBase.nameParts). A sentence then adds its context: a ±2
 * window, word bigrams, the position of the token inside a knowledge-base or name-list match (B/I and
 * type, multi-token), and what the training text says of the word and of the longest word sequence
 * it starts that was an entity there (TrainLexicon; jackknifed in training).
 * Feature ids mix a template number with attribute hashes: no strings are built per token in context.
 */
import { readFileSync } from "node:fs";
import { resourcePath } from "../resources.js";
import { normalize } from "../text/normalize.js";
import { bareForm, segment } from "../text/tokenize.js";
import { exactKey } from "../kb/matchKey.js";
import { knowledgeBase, type KnowledgeBase, type KbMatch, type KbStart } from "../kb/KnowledgeBase.js";
import { nameList, type NameList } from "./NameList.js";
import { nameShape, type NameShape } from "./NameShape.js";
import { finishMix, hashString, mixInt } from "./hash.js";
import { LABEL_INDEX } from "./labels.js";
import { MAX_SPAN, spanKeys, trainLexicon, type TrainLexicon } from "./TrainLexicon.js";

const enum A {
  Word, Stem, Pro, P1, P2, P3, S1, S2, S3, Shape, Fine, Coarse, Trig, StemS2, StemP2, Len,
  P4, S4, G1, G2, G3, G4, G5, G6, Finer, NameShape, Part,
  Count,
}

/** Where a sentence's tokens sit in knowledge-base and name-list matches (see `gazetteer`). */
export interface Gazetteer {
  kb: Int32Array;
  names: Int32Array;
  /** The knowledge-base matches themselves (exact spellings, longest first, left to right). */
  kbMatches: Array<{ at: number; match: KbMatch }>;
}

/** `mix` as an int32 (hash.ts): the context features are mixed in place. */
const mx = mixInt;

/** Number of features per token (fixed, so feature arrays are flat). */
export const FEATURES_PER_TOKEN = 88;

/** The first step of `mix(template, value)` for templates 1 … FEATURES_PER_TOKEN (see hash.ts). */
const TEMPLATE_MUL = Int32Array.from({ length: FEATURES_PER_TOKEN }, (_, j) => Math.imul(j + 1, 0x9e3779b1));

/** Feature id of value v for template j (1-based: mix(j, v)), as an int32; jm is TEMPLATE_MUL[j - 1]. */
function templateId(jm: number, v: number): number {
  return finishMix(jm ^ v);
}

/**
 * The templates whose value is one of the token's own attributes (or the constant of template 0):
 * their feature ids are the same at every occurrence of the word, so each token type keeps them
 * (TokenInfo.ids) and `sentence` mixes only the other templates, those of the context (CONTEXT_T).
 */
const TYPE_T: ReadonlyArray<readonly [template: number, attribute: number]> = [
  [0, -1], [1, A.Word], [6, A.Stem], [9, A.Pro], [10, A.P1], [11, A.P2], [12, A.P3], [13, A.S1], [14, A.S2], [15, A.S3],
  [16, A.StemS2], [17, A.StemP2], [18, A.Shape], [21, A.Len], [22, A.Fine], [27, A.Coarse], [36, A.Trig], [56, A.P4], [57, A.S4],
  [58, A.G1], [59, A.G2], [60, A.G3], [61, A.G4], [62, A.G5], [63, A.G6], [64, A.Finer], [80, A.NameShape], [84, A.Part],
];
const TYPE_J = Int32Array.from(TYPE_T, ([j]) => j);
/** Scratch for the span keys of every length from one token (TrainLexicon.spanKeys). */
const SPAN_KEYS = new Int32Array(MAX_SPAN + 1);

/** A token type's row in the featurizer's pool: its A.Count attributes, then its TYPE_T ids. */
const ROW = A.Count + TYPE_T.length;
const CONTEXT_T = Int32Array.from({ length: FEATURES_PER_TOKEN }, (_, j) => j).filter((j) => !TYPE_J.includes(j));

/**
 * What the rest of the document says about each word (by stem hash): a bit mask of the trigger
 * classes seen just before its occurrences and of the name-list types it matched. "البدري" after
 * "المدرب" once makes every "البدري" nearby look like a person.
 */
export type DocContext = Map<number, number>;

const TYPE_CODE: Record<string, number> = { PER: 1, LOC: 2, ORG: 3, MISC: 4 };

/** The proclitics a title without the article may carry and still be a title ("ومعالي"). */
const TITLE_PROCLITICS = ["", "و", "ف", "ب", "ل", "ول", "فل", "وب"] as const;

/** The trigger classes of triggers.json, coded 1 … 5 in this order (the features' values). */
const TRIGGER_CLASSES = ["PER_TITLE", "PER_AFTER", "LOC_WORD", "ORG_WORD", "MISC_WORD"] as const;

/** Label bits of a token's decoding constraint (NerFeaturizer.labelMasks). */
const NO_B_PER = 1 << LABEL_INDEX.get("B-PER")!, NO_I_PER = 1 << LABEL_INDEX.get("I-PER")!;

export interface NerResources {
  clusters: Map<string, number>;
  triggers: Map<string, number>;
  /** Titles that never start a person's name (keys; see triggers.json's TITLE_OUTSIDE_NAME). */
  titles: Set<string>;
  /** Those of them that are titles without the article too ("معالي"). */
  bareTitles: Set<string>;
  kb: KnowledgeBase;
  names: NameList;
  shape: NameShape;
  known: (stem: string) => boolean;
  /** Football words, bare (triggers.json's SPORT_CUE): a sentence with one is sports news. */
  sportCues: Set<string>;
}

let shared: NerResources | undefined;

/** Loads clusters, triggers, the knowledge base and the name lists once per process. */
export function nerResources(): NerResources {
  if (shared) return shared;
  const clusters = new Map<string, number>();
  for (const line of readFileSync(resourcePath("clusters/clusters.tsv"), "utf8").split("\n")) {
    const t1 = line.indexOf("\t");
    if (t1 < 0) continue;
    const t2 = line.indexOf("\t", t1 + 1);
    const t3 = line.indexOf("\t", t2 + 1);
    // Packed: coarse in bits 0–7, fine in 8–19, finer + 1 in 20–30 (0 when the file has no column).
    const finer = t3 < 0 ? 0 : Number(line.slice(t3 + 1)) + 1;
    clusters.set(line.slice(0, t1), finer * 0x100000 + (Number(line.slice(t1 + 1, t2)) << 8) + Number(line.slice(t2 + 1, t3 < 0 ? undefined : t3)));
  }
  const trigRaw = JSON.parse(readFileSync(resourcePath("ner/triggers.json"), "utf8")) as Record<string, unknown>;
  const words = (k: string) => (Array.isArray(trigRaw[k]) ? (trigRaw[k] as unknown[]).map((w) => exactKey(normalize(String(w)))) : []);
  const triggers = new Map<string, number>();
  TRIGGER_CLASSES.forEach((k, c) => {
    for (const w of words(k)) triggers.set(w, c + 1);
  });
  const inName = new Set(words("TITLE_IN_NAME"));
  const titles = new Set([...words("PER_TITLE"), ...words("TITLE_OUTSIDE_NAME")].filter((w) => !inName.has(w)));
  const kb = knowledgeBase();
  const known = (s: string) => clusters.has(s) || kb.tokenKeys.has(exactKey(s));
  shared = { clusters, triggers, titles, bareTitles: new Set(words("TITLE_OUTSIDE_NAME")), kb, names: nameList(), shape: nameShape(), known, sportCues: new Set(words("SPORT_CUE")) };
  return shared;
}

function shapeOf(text: string): string {
  let out = "";
  let prev = "";
  const n = Math.min(text.length, 24);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k: string;
    if (c >= 0x0621 && c <= 0x06ff) k = c >= 0x064b && c <= 0x065f ? "" : "a";
    else if (c >= 0x41 && c <= 0x5a) k = "X";
    else if (c >= 0x61 && c <= 0x7a) k = "x";
    else if (c >= 0x30 && c <= 0x39) k = "d";
    else if (c === 0x0640) k = "";
    else k = text[i]!;
    if (k && k !== prev) out += k;
    prev = k || prev;
  }
  return out;
}

/** What the featurizer knows about a token type, computed once per process (one lookup per token). */
interface TokenInfo {
  attrs: Uint32Array;
  /**
   * The attributes again (as int32) and the feature ids of the TYPE_T templates, at `at` in `pool`
   * (a row of ROW): the hot loops read one contiguous row a token, not three objects.
   */
  pool: Int32Array;
  at: number;
  norm: string;
  key: string;
  trig: number;
  kbStarts: KbStart[];
  nameStarts: Array<[string, number]>;
  /** Labels the token may not take (bits by label index; see `labelMasks`). */
  forbid: number;
}

/** Per-token attributes, cached by the token's text. */
export class NerFeaturizer {
  private readonly infos = new Map<string, TokenInfo>();
  private pool = new Int32Array(ROW * 4096);
  private poolUsed = 0;
  /**
   * What the training text says of each word (TrainLexicon). Training swaps in a lexicon of the
   * other folds for each fold (jackknifing); tagging uses the committed one, built from all of train.
   */
  lexicon: TrainLexicon;
  constructor(readonly res: NerResources = nerResources(), lexicon?: TrainLexicon) {
    this.lexicon = lexicon ?? trainLexicon();
  }

  /** The word and stem hashes of a sentence's tokens (the keys of TrainLexicon). */
  lexiconKeys(tokens: readonly string[]): { words: Uint32Array; stems: Uint32Array } {
    const infos = this.infosOf(tokens);
    const words = new Uint32Array(tokens.length), stems = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = infos[i]!;
      words[i] = t.pool[t.at + A.Word]!;
      stems[i] = t.pool[t.at + A.Stem]!;
    }
    return { words, stems };
  }

  private info(raw: string): TokenInfo {
    let t = this.infos.get(raw);
    if (t) return t;
    // A hashtag is read as the word it tags: "#فرنسا" is France, as the record's tokeniser, which
    // splits the mark off, already reads it. CoNLL input keeps the mark on the token.
    const text = raw.length > 1 && raw.charCodeAt(0) === 35 /* # */ ? raw.replace(/^#+/, "") || raw : raw;
    const norm = normalize(text.length > 64 ? text.slice(0, 64) : text);
    const key = exactKey(norm);
    let trig = this.res.triggers.get(key);
    if (trig === undefined && key.length > 2 && "وفبلك".includes(key[0]!)) trig = this.res.triggers.get(exactKey(key.slice(1)));
    const attrs = this.computeAttributes(text, norm);
    if (this.infos.size > 400000) {
      // A fresh pool: the rows of the types dropped here stay in the old one for whoever holds them.
      this.infos.clear();
      this.pool = new Int32Array(ROW * 4096);
      this.poolUsed = 0;
    }
    if (this.poolUsed + ROW > this.pool.length) {
      // Grown by copying: rows in the old array stay valid for the infos that point there.
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    const pool = this.pool, at = this.poolUsed;
    this.poolUsed += ROW;
    for (let a = 0; a < A.Count; a++) pool[at + a] = attrs[a]! | 0;
    for (let q = 0; q < TYPE_T.length; q++) {
      const [j, a] = TYPE_T[q]!;
      pool[at + A.Count + q] = templateId(TEMPLATE_MUL[j]!, a < 0 ? 1 : attrs[a]! | 0);
    }
    t = { attrs, pool, at, norm, key, trig: trig ?? 0, kbStarts: this.res.kb.startsOf(norm), nameStarts: this.nameStarts(key), forbid: this.forbidOf(norm, key) };
    this.infos.set(raw, t);
    return t;
  }

  /**
   * The labels a token type may not take, whatever the weights say: the tagger is sure of a few
   * things it rarely sees in training. (1) A title does not start a person's name: "السلطان",
   * "والدكتور", "ومعالي" before a name stay outside it (a PER_TITLE word with the article, or
   * after li-, "للرئيس"; TITLE_OUTSIDE_NAME words in any form). (2) A word of four letters or more
   * that starts with و and is not itself a listed name or name part ("ولوكاشنكو", not "وليد" or
   * "ولد") does not continue a person's name: it starts a second one ("شافيز ولوكاشنكو").
   * Measured on the pooled 5-fold CV of train.conll (Dec 2, 2026): see scripts/train-ner.mjs.
   */
  private forbidOf(norm: string, key: string): number {
    let forbid = 0;
    const res = this.res;
    if (norm.length >= 4 && norm[0] === "و" && !res.kb.tokenKeys.has(key) && !res.names.maxFrom(key)) forbid |= NO_I_PER;
    // With the article, after any proclitic (bareForm knows "للرئيس" is li + "الرئيس"), every title;
    // without it, only those that are titles bare too ("ومعالي").
    const bare = bareForm(norm);
    const title = bare !== norm
      ? bare.length >= 3 && res.titles.has(bare)
      : TITLE_PROCLITICS.some((p) => norm.startsWith(p) && res.bareTitles.has(norm.slice(p.length)));
    if (title) forbid |= NO_B_PER;
    return forbid;
  }

  /** Each token's forbidden labels (bits by label index), or null when no token has any. */
  labelMasks(tokens: readonly string[]): Uint16Array | null {
    const infos = this.infosOf(tokens);
    let out: Uint16Array | null = null;
    for (let i = 0; i < infos.length; i++) {
      const f = infos[i]!.forbid;
      if (!f) continue;
      out ??= new Uint16Array(infos.length);
      out[i] = f;
    }
    return out;
  }

  attributes(text: string): Uint32Array {
    return this.info(text).attrs;
  }

  private computeAttributes(text: string, norm: string): Uint32Array {
    const a = new Uint32Array(A.Count);
    const seg = norm.length >= 3 ? segment({ start: 0, text: norm, norm }, this.res.known) : { proclitic: "", stem: norm, enclitic: "" };
    const stem = seg.stem;
    const h = (i: number, v: string) => { a![i] = hashString(v, 0x811c9dc5 ^ Math.imul(i + 1, 0x27d4eb2d)); };
    h(A.Word, norm);
    h(A.Stem, stem);
    h(A.Pro, seg.proclitic + "|" + seg.enclitic);
    h(A.P1, norm.slice(0, 1));
    h(A.P2, norm.slice(0, 2));
    h(A.P3, norm.slice(0, 3));
    h(A.S1, norm.slice(-1));
    h(A.S2, norm.slice(-2));
    h(A.S3, norm.slice(-3));
    h(A.StemS2, stem.slice(-2));
    h(A.StemP2, stem.slice(0, 2));
    h(A.Shape, shapeOf(text));
    h(A.Len, String(Math.min(norm.length, 12)));
    h(A.P4, norm.slice(0, 4));
    h(A.S4, norm.slice(-4));
    // Letter trigrams inside the stem: transliterated foreign names have their own letter patterns.
    for (let g = 0; g < 6; g++) h(A.G1 + g, stem.length >= g + 4 ? stem.slice(g + 1, g + 4) : "");
    const cl = this.res.clusters;
    let c = cl.get(norm);
    let via = "w";
    if (c === undefined) { c = cl.get(stem); via = "s"; }
    if (c === undefined) { c = cl.get("ال" + stem); via = "a"; }
    h(A.Fine, c === undefined ? "none" : via + ((c >> 8) & 0xfff));
    h(A.Coarse, c === undefined ? "none" : String(c & 255));
    h(A.Finer, c === undefined ? "none" : String(c >>> 20));
    h(A.NameShape, this.res.shape.bucket(stem));
    const kb = this.res.kb;
    h(A.Part, String(kb.nameParts(exactKey(norm)) || kb.nameParts(exactKey(stem))));
    const tk = this.res.triggers.get(exactKey(norm)) ?? this.res.triggers.get(exactKey(stem)) ?? 0;
    h(A.Trig, String(tk));
    return a;
  }

  /**
   * The knowledge-base and name-list positions of each token: code = type·4 + (1 for B, 2 for I),
   * 0 outside any match. Longest match first, left to right.
   */
  gazetteer(tokens: readonly string[]): Gazetteer {
    const n = tokens.length;
    const kbTags = new Int32Array(n), nlTags = new Int32Array(n);
    const kbMatches: Array<{ at: number; match: KbMatch }> = [];
    const norms: string[] = new Array(n);
    const keys: string[] = new Array(n);
    const infos = this.infosOf(tokens);
    for (let i = 0; i < n; i++) {
      norms[i] = infos[i]!.norm;
      keys[i] = infos[i]!.key;
    }
    for (let i = 0; i < n; ) {
      const m = infos[i]!.kbStarts.length ? this.res.kb.matchAt(norms, i, n, false, infos[i]!.kbStarts) : null;
      if (!m) { i++; continue; }
      kbMatches.push({ at: i, match: m });
      let type = 0;
      for (const c of m.candidates) type |= 1 << (TYPE_CODE[this.res.kb.typeOf(c.entity)]! + (c.kind === 0 ? 0 : 4));
      for (let k = 0; k < m.length; k++) kbTags[i + k] = type * 4 + (k === 0 ? 1 : 2);
      i += m.length;
    }
    // Name lists: try the token as is and without a one- or two-letter proclitic.
    for (let i = 0; i < n; ) {
      const starts = infos[i]!.nameStarts;
      if (!starts.length) { i++; continue; }
      let best: { length: number; bits: number } | null = null;
      for (let k = 0; k < starts.length; k++) {
        const [v, max] = starts[k]!;
        const m = this.res.names.matchAt(keys, v, i, max);
        if (m && (!best || m.length > best.length)) best = m;
      }
      if (!best) { i++; continue; }
      for (let j = 0; j < best.length; j++) nlTags[i + j] = best.bits * 4 + (j === 0 ? 1 : 2);
      i += best.length;
    }
    return { kb: kbTags, names: nlTags, kbMatches };
  }

  /** The readings of a token (as is, without a proclitic) that may start a listed name. */
  private nameStarts(k: string): Array<[string, number]> {
    {
      const c: Array<[string, number]> = [];
      const variants = [k];
      if (k.length >= 4 && "وبلفك".includes(k[0]!)) variants.push(exactKey(k.slice(1)));
      if (k.length >= 5 && "وف".includes(k[0]!) && "بلك".includes(k[1]!)) variants.push(exactKey(k.slice(2)));
      for (const v of variants) {
        const max = this.res.names.maxFrom(v);
        if (max) c.push([v, max]);
      }
      return c;
    }
  }

  private padded = new Int32Array(0);
  private paddedKb = new Int32Array(0);
  private paddedNames = new Int32Array(0);
  private paddedLex = new Uint32Array(0);
  private readonly gzCache = new WeakMap<readonly string[], Gazetteer>();
  private readonly infoCache = new WeakMap<readonly string[], TokenInfo[]>();

  /** Each token's normalised form and the knowledge-base readings it may start (see `infosOf`). */
  tokenInfos(tokens: readonly string[]): ReadonlyArray<{ readonly norm: string; readonly kbStarts: KbStart[] }> {
    return this.infosOf(tokens);
  }

  /** What is known of a sentence's tokens, remembered per sentence array (one lookup a token). */
  private infosOf(tokens: readonly string[]): TokenInfo[] {
    let at = this.infoCache.get(tokens);
    if (!at) {
      at = new Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) at[i] = this.info(tokens[i]!);
      this.infoCache.set(tokens, at);
    }
    return at;
  }

  /** `gazetteer`, remembered per sentence array (context, tagging and mention finding read it). */
  gazetteerOf(tokens: readonly string[]): Gazetteer {
    let g = this.gzCache.get(tokens);
    if (!g) {
      g = this.gazetteer(tokens);
      this.gzCache.set(tokens, g);
    }
    return g;
  }

  /** The (stem hash, mask) pairs a sentence contributes to its document's context. */
  contextPairs(tokens: readonly string[]): number[] {
    const n = tokens.length;
    const gz = this.gazetteerOf(tokens);
    const out: number[] = [];
    const infos = this.infosOf(tokens);
    for (let i = 0; i < n; i++) {
      const t = infos[i]!;
      const prevTrig = i > 0 ? infos[i - 1]!.trig : 0;
      const mask = (prevTrig ? 1 << prevTrig : 0) | (((gz.names[i]! >> 2) & 63) << 8) | (((gz.kb[i]! >> 2) & 0xff) << 16);
      if (mask) out.push(t.pool[t.at + A.Stem]!, mask);
    }
    return out;
  }

  /** Merges the pairs of several sentences into one context (keys: stem hashes as int32). */
  static context(pairs: ReadonlyArray<readonly number[]>): DocContext {
    const m: DocContext = new Map();
    for (const p of pairs) for (let k = 0; k < p.length; k += 2) m.set(p[k]!, (m.get(p[k]!) ?? 0) | p[k + 1]!);
    return m;
  }

  /** Feature hashes of a sentence: n × FEATURES_PER_TOKEN, row-major. */
  sentence(tokens: readonly string[], out?: Uint32Array, doc?: DocContext): Uint32Array {
    const n = tokens.length;
    const F = FEATURES_PER_TOKEN;
    const feats = out && out.length >= n * F ? out : new Uint32Array(n * F);
    const infos = this.infosOf(tokens);
    const gz = this.gazetteerOf(tokens);
    const BOS = 0x5bd1e995, EOS = 0x1b873593;
    // Attributes and gazetteer codes padded with two sentinel rows on either side, so the window
    // needs no bounds checks: row r holds token r − 2.
    const C = A.Count;
    const P = this.padded.length >= (n + 4) * C ? this.padded : (this.padded = new Int32Array((n + 4) * C * 2));
    const GK = this.paddedKb.length >= n + 4 ? this.paddedKb : (this.paddedKb = new Int32Array((n + 4) * 2));
    const GN = this.paddedNames.length >= n + 4 ? this.paddedNames : (this.paddedNames = new Int32Array((n + 4) * 2));
    for (let r = 0; r < n + 4; r++) {
      const i = r - 2;
      if (i >= 0 && i < n) {
        const t = infos[i]!, pool = t.pool, at = t.at;
        for (let a = 0, o = r * C; a < C; a++) P[o + a] = pool[at + a]!;
        GK[r] = gz.kb[i]!;
        GN[r] = gz.names[i]!;
      } else {
        P.fill((i < 0 ? BOS + (i << 4) : EOS + ((i - n) << 4)) | 0, r * C, r * C + C);
        GK[r] = 0x7fff;
        GN[r] = 0x7fff;
      }
    }
    // Lexicon codes, padded like the attributes: row r holds token r − 2; three values a row (word
    // code, stem code, position in the longest span seen whole as an entity: type bits·4 + 1 B / 2 I).
    const LX = this.paddedLex.length >= (n + 4) * 3 ? this.paddedLex : (this.paddedLex = new Uint32Array((n + 4) * 6));
    LX.fill(0, 0, (n + 4) * 3);
    LX.fill(0xfff, 0, 6);
    LX.fill(0xfff, (n + 2) * 3, (n + 4) * 3);
    const lex = this.lexicon;
    if (lex.size) {
      for (let i = 0; i < n; i++) {
        const r = (i + 2) * 3;
        LX[r] = lex.words.get(P[(i + 2) * C + A.Word]!);
        LX[r + 1] = lex.stems.get(P[(i + 2) * C + A.Stem]!);
      }
      for (let i = 0; i < n; ) {
        const max = lex.firsts.get(P[(i + 2) * C + A.Word]!);
        let len = 0, bits = 0;
        if (max) {
          const top = Math.min(max, MAX_SPAN, n - i);
          spanKeys(P, (i + 2) * C + A.Word, top, C, SPAN_KEYS);
          for (let l = top; l >= 1; l--) {
            const b = lex.spans.get(SPAN_KEYS[l]!);
            if (b) { len = l; bits = b; break; }
          }
        }
        if (!len) { i++; continue; }
        for (let k = 0; k < len; k++) LX[(i + 2 + k) * 3 + 2] = bits * 4 + (k === 0 ? 1 : 2);
        i += len;
      }
    }
    for (let i = 0; i < n; i++) {
      let p = i * F;
      const o0 = (i + 2) * C, om1 = o0 - C, om2 = o0 - 2 * C, op1 = o0 + C, op2 = o0 + 2 * C;
      feats[p++] = 1;
      feats[p++] = P[o0 + A.Word]!; feats[p++] = P[om1 + A.Word]!; feats[p++] = P[op1 + A.Word]!; feats[p++] = P[om2 + A.Word]!; feats[p++] = P[op2 + A.Word]!;
      feats[p++] = P[o0 + A.Stem]!; feats[p++] = P[om1 + A.Stem]!; feats[p++] = P[op1 + A.Stem]!;
      feats[p++] = P[o0 + A.Pro]!; feats[p++] = P[o0 + A.P1]!; feats[p++] = P[o0 + A.P2]!; feats[p++] = P[o0 + A.P3]!;
      feats[p++] = P[o0 + A.S1]!; feats[p++] = P[o0 + A.S2]!; feats[p++] = P[o0 + A.S3]!; feats[p++] = P[o0 + A.StemS2]!; feats[p++] = P[o0 + A.StemP2]!;
      feats[p++] = P[o0 + A.Shape]!; feats[p++] = mx(P[om1 + A.Shape]!, P[o0 + A.Shape]!); feats[p++] = mx(P[o0 + A.Shape]!, P[op1 + A.Shape]!);
      feats[p++] = P[o0 + A.Len]!;
      feats[p++] = P[o0 + A.Fine]!; feats[p++] = P[om1 + A.Fine]!; feats[p++] = P[op1 + A.Fine]!; feats[p++] = P[om2 + A.Fine]!; feats[p++] = P[op2 + A.Fine]!;
      feats[p++] = P[o0 + A.Coarse]!; feats[p++] = P[om1 + A.Coarse]!; feats[p++] = P[op1 + A.Coarse]!;
      feats[p++] = mx(P[om1 + A.Coarse]!, P[o0 + A.Coarse]!); feats[p++] = mx(P[o0 + A.Coarse]!, P[op1 + A.Coarse]!);
      feats[p++] = mx(P[om1 + A.Word]!, P[o0 + A.Word]!); feats[p++] = mx(P[o0 + A.Word]!, P[op1 + A.Word]!); feats[p++] = mx(P[om1 + A.Word]!, P[op1 + A.Word]!);
      feats[p++] = mx(P[om1 + A.Stem]!, P[o0 + A.Stem]!);
      feats[p++] = P[o0 + A.Trig]!; feats[p++] = P[om1 + A.Trig]!; feats[p++] = P[om2 + A.Trig]!; feats[p++] = P[op1 + A.Trig]!;
      feats[p++] = mx(P[om1 + A.Trig]!, P[o0 + A.Fine]!);
      feats[p++] = GK[i + 2]!; feats[p++] = GK[i + 2 - 1]!; feats[p++] = GK[i + 2 + 1]!; feats[p++] = mx(GK[i + 2]!, P[o0 + A.Coarse]!);
      feats[p++] = GN[i + 2]!; feats[p++] = GN[i + 2 - 1]!; feats[p++] = GN[i + 2 + 1]!; feats[p++] = mx(GN[i + 2]!, GK[i + 2]!);
      feats[p++] = mx(P[o0 + A.Pro]!, P[op1 + A.Fine]!);
      feats[p++] = mx(P[om1 + A.Word]!, P[o0 + A.Fine]!);
      feats[p++] = mx(P[o0 + A.Fine]!, P[op1 + A.Word]!);
      const dm = doc ? doc.get(P[o0 + A.Stem]!) ?? 0 : 0;
      feats[p++] = dm & 0xff; feats[p++] = dm >>> 8; feats[p++] = mx(dm & 0xff, P[o0 + A.Coarse]!);
      feats[p++] = mx(GN[i + 2]!, P[o0 + A.Coarse]!);
      feats[p++] = P[o0 + A.P4]!; feats[p++] = P[o0 + A.S4]!;
      for (let g = 0; g < 6; g++) feats[p++] = P[o0 + A.G1 + g]!;
      feats[p++] = P[o0 + A.Finer]!; feats[p++] = P[om1 + A.Finer]!; feats[p++] = P[op1 + A.Finer]!;
      feats[p++] = mx(P[om1 + A.Finer]!, P[o0 + A.Finer]!); feats[p++] = mx(P[o0 + A.Finer]!, P[op1 + A.Finer]!);
      const x0 = (i + 2) * 3, xm1 = x0 - 3, xp1 = x0 + 3, xm2 = x0 - 6, xp2 = x0 + 6;
      feats[p++] = LX[x0]!; feats[p++] = LX[x0 + 1]!; feats[p++] = LX[xm1]!; feats[p++] = LX[xp1]!; feats[p++] = LX[xm2]!; feats[p++] = LX[xp2]!;
      feats[p++] = LX[x0 + 2]!; feats[p++] = LX[xm1 + 2]!; feats[p++] = LX[xp1 + 2]!;
      feats[p++] = mx(LX[x0]!, LX[x0 + 2]!); feats[p++] = mx(LX[xm1]!, LX[x0]!);
      feats[p++] = P[o0 + A.NameShape]!; feats[p++] = P[om1 + A.NameShape]!; feats[p++] = P[op1 + A.NameShape]!;
      feats[p++] = mx(P[o0 + A.NameShape]!, LX[x0]!);
      feats[p++] = P[o0 + A.Part]!; feats[p++] = P[om1 + A.Part]!; feats[p++] = P[op1 + A.Part]!; feats[p++] = mx(P[o0 + A.Part]!, LX[x0]!);
      if (p !== (i + 1) * F) throw new Error(`feature count ${p - i * F} != ${F}`);
    }
    // Each context value becomes its feature id, mix(template number, value), in one tight pass;
    // the token's own templates take the ids its type keeps.
    const fi = new Int32Array(feats.buffer, feats.byteOffset, n * F);
    const CT = CONTEXT_T, nc = CT.length, TJ = TYPE_J, nt = TJ.length;
    for (let i = 0; i < n; i++) {
      const b = i * F;
      for (let q = 0; q < nc; q++) {
        const j = CT[q]!;
        // templateId (hash.ts's finishMix) written out: called here, for every context template of
        // every token, it cost 5-12% of tag+link (Nov 30, alternated runs of the bench section).
        let h = TEMPLATE_MUL[j]! ^ fi[b + j]!;
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        fi[b + j] = h | 0 || 1;
      }
      const t = infos[i]!, pool = t.pool, at = t.at + A.Count;
      for (let q = 0; q < nt; q++) fi[b + TJ[q]!] = pool[at + q]!;
    }
    return feats;
  }
}
