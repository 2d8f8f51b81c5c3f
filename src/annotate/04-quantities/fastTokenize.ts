/**
 * The tokeniser of text/tokenize.ts, rewritten for the semantic annotators' hot path: the same
 * tokens (a test holds them equal on real text), but character classes come from tables built once,
 * and a token's normal form is folded character by character from a table and remembered, because
 * news repeats its words. Linear in the length of the text.
 */
import { normalize } from "../../text/normalize.js";
import type { Token } from "../../text/tokenize.js";

const W = 1, D = 2, S = 3, P = 4;
let cls: Uint8Array | undefined; // per BMP code unit: W letter/mark, D digit, S space, P other
let mark: Uint8Array | undefined; // marks, tatweel, ZWNJ, ZWJ
let latin: Uint8Array | undefined; // [A-Za-z\u00C0-\u024F]
let punctP: Uint8Array | undefined; // \p{P}
/**
 * Per BMP code unit: CONT_LATIN when it continues a Latin word (a letter or mark that is Latin, or a
 * mark), CONT_OTHER when it continues any other word: the scanner's test per character in one read.
 */
const CONT_LATIN = 1, CONT_OTHER = 2;
let cont: Uint8Array | undefined;
let foldOf: Array<string | undefined> | undefined;
const NORM_CACHE_MAX = 200000;
/** Distinct normal forms numbered from 0, so that annotators remember facts about a word in arrays. */
const MAX_IDS = 500000;
let normIds = new Map<string, number>(); // normal form → id
let normsById: string[] = [];
let epoch = 0;

/** Changes whenever the numbering starts over (ids of an earlier epoch mean nothing any more). */
export function normEpoch(): number {
  return epoch;
}

/** Starts the numbering over when it has grown too large; call only between documents. */
export function trimNormIds(): void {
  if (normsById.length < MAX_IDS) return;
  resetSlots(slotText.length);
  resetHot();
  normIds = new Map();
  normsById = [];
  epoch++;
}

function tables(): void {
  if (cls) return;
  cls = new Uint8Array(0x10000);
  mark = new Uint8Array(0x10000);
  latin = new Uint8Array(0x10000);
  punctP = new Uint8Array(0x10000);
  foldOf = new Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: the slow path
    const ch = String.fromCharCode(c);
    cls[c] = /\p{Nd}/u.test(ch) ? D : /[\p{L}\p{M}\u0640\u200C\u200D]/u.test(ch) ? W : /\s/u.test(ch) ? S : P;
    mark[c] = /\p{M}|\u0640|\u200C|\u200D/u.test(ch) ? 1 : 0;
    latin[c] = /[A-Za-z\u00C0-\u024F]/.test(ch) ? 1 : 0;
    punctP[c] = /[\p{P}]/u.test(ch) ? 1 : 0;
  }
  cont = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (cls[c] !== W) continue;
    if (mark[c] === 1 || latin[c] === 1) cont[c] |= CONT_LATIN;
    if (mark[c] === 1 || latin[c] !== 1) cont[c] |= CONT_OTHER;
  }
}

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return cls![c]!;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return /\p{Nd}/u.test(ch) ? D : /[\p{L}\p{M}]/u.test(ch) ? W : /\s/u.test(ch) ? S : P;
}

function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/**
 * Token texts seen so far, in an open-addressing table keyed on a hash of the characters, so that a
 * token already seen is found without cutting it out of the text first (and its earlier string is
 * reused). Each slot holds the text, and in `slotMeta` side by side the hash and 1 + the id of its
 * normal form (0: an empty slot), so that a probe reads one cache line before it reads any string.
 */
let slotText: Array<string | undefined> = [];
let slotMeta = new Int32Array(0);
let slotsUsed = 0;
/** The text, normal-form id and normal form that `lookupToken` found or added. */
let foundText = "";
let foundId = 0;
let foundNorm = "";

/**
 * The most recently seen token texts, direct-mapped by hash: a small table that stays in the
 * processor's cache, where the big one costs a memory read per probe. News repeats its common words
 * (و في من …) so that most tokens are found here. Entries are valid as long as the numbering is.
 */
const HOT = 1 << 13;
let hotText: Array<string | undefined> = [];
let hotNorm: string[] = [];
const hotMeta = new Int32Array(2 * HOT);

function resetHot(): void {
  hotText = [];
  hotNorm = [];
  for (let k = 0; k < HOT; k++) {
    hotText.push(undefined);
    hotNorm.push("");
  }
  hotMeta.fill(0);
}

function resetSlots(capacity: number): void {
  slotText = [];
  for (let k = 0; k < capacity; k++) slotText.push(undefined);
  slotMeta = new Int32Array(2 * capacity);
  slotsUsed = 0;
}

function lookupToken(src: string, start: number, end: number): void {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ src.charCodeAt(k), 16777619);
  lookupHashed(src, start, end, h);
}

/** lookupToken with the token's FNV-1a hash already computed (the word scanner folds it in as it reads). */
function lookupHashed(src: string, start: number, end: number, h: number): void {
  if (slotText.length === 0) {
    resetSlots(1 << 14);
    resetHot();
  }
  const n = end - start;
  const x = (h ^ (h >>> 15)) & (HOT - 1);
  const ht = hotText[x];
  if (ht !== undefined && hotMeta[2 * x] === h && ht.length === n) {
    let k = 0;
    while (k < n && ht.charCodeAt(k) === src.charCodeAt(start + k)) k++;
    if (k === n) {
      foundText = ht;
      foundId = hotMeta[2 * x + 1]!;
      foundNorm = hotNorm[x]!;
      return;
    }
  }
  lookupSlots(src, start, end, h);
  hotText[x] = foundText;
  hotNorm[x] = foundNorm;
  hotMeta[2 * x] = h;
  hotMeta[2 * x + 1] = foundId;
}

function lookupSlots(src: string, start: number, end: number, h: number): void {
  const mask = slotText.length - 1;
  const n = end - start;
  let s = h & mask;
  for (;;) {
    const id1 = slotMeta[2 * s + 1]!;
    if (id1 === 0) break;
    if (slotMeta[2 * s] === h) {
      const t = slotText[s]!;
      if (t.length === n) {
        let k = 0;
        while (k < n && t.charCodeAt(k) === src.charCodeAt(start + k)) k++;
        if (k === n) {
          foundText = t;
          foundId = id1 - 1;
          foundNorm = normsById[foundId]!;
          return;
        }
      }
    }
    s = (s + 1) & mask;
  }
  const text = start === 0 && end === src.length ? src : src.slice(start, end);
  const id = normIdOfNew(text);
  foundText = text;
  foundId = id;
  foundNorm = normsById[id]!;
  if (slotsUsed >= NORM_CACHE_MAX) resetSlots(slotText.length);
  else if (2 * (slotsUsed + 1) > slotText.length) {
    const oldText = slotText, oldMeta = slotMeta;
    resetSlots(oldText.length * 2);
    for (let k = 0; k < oldText.length; k++) if (oldText[k] !== undefined) insertSlot(oldText[k]!, oldMeta[2 * k]!, oldMeta[2 * k + 1]! - 1);
  }
  insertSlot(text, h, id);
}

function insertSlot(text: string, h: number, id: number): void {
  const mask = slotText.length - 1;
  let s = h & mask;
  while (slotMeta[2 * s + 1] !== 0) s = (s + 1) & mask;
  slotText[s] = text;
  slotMeta[2 * s] = h;
  slotMeta[2 * s + 1] = id + 1;
  slotsUsed++;
}

/** The id of a token's normal form. */
export function normIdOf(t: string): number {
  lookupToken(t, 0, t.length);
  return foundId;
}

function normIdOfNew(t: string): number {
  tables();
  const out = fold(t);
  let id = normIds.get(out);
  if (id === undefined) {
    id = normsById.length;
    normsById.push(out);
    normIds.set(out, id);
  }
  return id;
}

/** The normal form with the given id. */
export function normById(id: number): string {
  return normsById[id]!;
}

/** The normal form of a token, as `normalize` gives it. */
export function normOf(t: string): string {
  return normsById[normIdOf(t)]!;
}

function fold(t: string): string {
  let out = "";
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    // Presentation forms expand, surrogates pair up: the normaliser itself handles those.
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe)) return normalize(t);
    let f = foldOf![c];
    if (f === undefined) f = foldOf![c] = normalize(String.fromCharCode(c));
    out += f;
  }
  return out;
}

function push(tokens: Token[], ids: number[] | undefined, src: string, start: number, end: number, kind: Token["kind"]): void {
  lookupToken(src, start, end);
  ids?.push(foundId);
  tokens.push({ start, end, text: foundText, norm: foundNorm, kind });
}

/**
 * Tokens of `text` between `offset` and `end`, equal to `tokenize(text, offset, end)`. With `ids`,
 * the id of each token's normal form is appended to it; with `tokens`, the tokens are appended to
 * that array (which is returned).
 */
export function fastTokenize(text: string, offset = 0, end = text.length, ids?: number[], tokens: Token[] = []): Token[] {
  tables();
  let i = offset;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 && cls![c] === S) {
      i++;
      continue;
    }
    const k = classOf(text, i);
    const w = width(text, i);
    if (k === S) {
      i += w;
      continue;
    }
    const start = i;
    if (k === P) {
      i += w;
      const c = text.charCodeAt(start);
      const isP = w === 1 ? punctP![c] === 1 : /[\p{P}]/u.test(text.slice(start, i));
      push(tokens, ids, text, start, i, isP ? "punct" : "symbol");
      continue;
    }
    if (k === D) {
      i += w;
      while (i < end) {
        const k2 = classOf(text, i);
        if (k2 === D) {
          i += width(text, i);
          continue;
        }
        const c = text.charCodeAt(i);
        if ((c === 0x2e || c === 0x2c || c === 0x66b || c === 0x66c) && i + 1 < end && classOf(text, i + 1) === D) {
          i += 1;
          continue;
        }
        break;
      }
      push(tokens, ids, text, start, i, "number");
      continue;
    }
    const c0 = text.charCodeAt(start);
    const isLatin = w === 1 && latin![c0] === 1;
    const goesOn = isLatin ? CONT_LATIN : CONT_OTHER;
    i += w;
    // The token's hash for lookupHashed, folded in while the characters are read anyway.
    let h = Math.imul((0x811c9dc5 | 0) ^ c0, 16777619);
    let hashed = w === 1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) {
        // The common case, one code unit: straight from the tables.
        if ((cont![c]! & goesOn) === 0) break;
        h = Math.imul(h ^ c, 16777619);
        i++;
        continue;
      }
      hashed = false;
      if (classOf(text, i) !== W) break;
      const wi = width(text, i);
      const isMark = wi === 1 ? mark![c] === 1 : /\p{M}/u.test(String.fromCodePoint(text.codePointAt(i)!));
      if (!isMark && (wi === 1 && latin![c] === 1) !== isLatin) break;
      i += wi;
    }
    if (hashed) lookupHashed(text, start, i, h);
    else lookupToken(text, start, i);
    ids?.push(foundId);
    tokens.push({ start, end: i, text: foundText, norm: foundNorm, kind: isLatin ? "latin" : "word" });
  }
  return tokens;
}
