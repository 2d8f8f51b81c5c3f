/**
 * Longest-first matching of word lists (lexicon phrases) against tokens. Phrases and tokens are
 * compared in their normalised form; the first word may carry a proclitic (و ف ب ل ك and their
 * pairs) when the caller allows it, so "وبحسب" matches "بحسب" and "لـ«التحالف»" is not needed.
 */
import { normalize } from "../../text/normalize.js";
import { tokenize, type Token } from "../../text/tokenize.js";
import { IntMemo } from "./IntMemo.js";
import { normEpoch } from "./fastTokenize.js";

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
}

export interface PhraseHit<T> {
  value: T;
  /** Token index of the first and one past the last token. */
  from: number;
  to: number;
  /** Original-text offsets, the proclitic of the first word left out. */
  start: number;
  end: number;
}

const PROCLITICS = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"];

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };
  private readonly allowProclitic: boolean;

  constructor(entries: Iterable<readonly [string, T]>, options: { proclitics?: boolean } = {}) {
    this.allowProclitic = options.proclitics ?? true;
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  /** Adds a phrase (as written; it is normalised and tokenised like the text). The first value wins. */
  add(phrase: string, value: T): void {
    const words = tokenize(phrase).map((t) => t.norm);
    if (!words.length) return;
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { next: new Map() }));
      node = n;
    }
    if (node.value === undefined) node.value = value;
  }

  /** True when a single normalised word is an entry. */
  hasWord(word: string): boolean {
    return this.root.next.get(word)?.value !== undefined;
  }

  /** The value of a single-word entry. */
  wordValue(word: string): T | undefined {
    return this.root.next.get(word)?.value;
  }

  /**
   * The longest phrase starting at token `i` (not crossing `limit`), or null. With `ids` (articleText's
   * normal-form ids of the tokens), the trie nodes a word can enter by (bare or past a proclitic) are
   * remembered per word, so the many words that start no phrase cost one array read.
   */
  matchAt(tokens: readonly Token[], i: number, limit = tokens.length, ids?: ArrayLike<number>): PhraseHit<T> | null {
    const t = tokens[i];
    if (!t) return null;
    if (ids !== undefined && t.kind === "word") {
      const id = ids[i]!;
      if (this.entryEpoch !== normEpoch()) {
        this.entryList = [];
        this.entryEpoch = normEpoch();
      }
      let e = this.entryOf.get(id);
      if (e < 0) {
        const found = this.entriesOf(t.norm);
        if (found) this.entryList.push(found);
        e = this.entryOf.set(id, found ? this.entryList.length : 0);
      }
      if (e === 0) return null;
      const entries = this.entryList[e - 1]!;
      let bestTo = -1, bestCut = 0;
      let bestNode: Node<T> | undefined;
      for (let k = 0; k < entries.nodes.length; k++) {
        if (this.longest(tokens, i, limit, entries.nodes[k]!) >= 0 && this.lastTo > bestTo) {
          bestTo = this.lastTo;
          bestNode = this.lastNode;
          bestCut = entries.cuts[k]!;
        }
      }
      if (!bestNode) return null;
      return { value: bestNode.value!, from: i, to: bestTo, start: t.start + originalCut(t.text, bestCut), end: tokens[bestTo - 1]!.end };
    }
    const norm = t.norm;
    let bestTo = -1, bestCut = 0;
    let bestNode: Node<T> | undefined;
    const bare = this.root.next.get(norm);
    if (bare && this.longest(tokens, i, limit, bare) >= 0) {
      bestTo = this.lastTo;
      bestNode = this.lastNode;
    }
    if (this.allowProclitic && t.kind === "word" && PROCLITIC_START.has(norm.charCodeAt(0))) {
      for (const p of PROCLITICS) {
        if (norm.length - p.length < 2 || !norm.startsWith(p)) continue;
        const node = this.root.next.get(norm.slice(p.length));
        if (node && this.longest(tokens, i, limit, node) >= 0 && this.lastTo > bestTo) {
          bestTo = this.lastTo;
          bestNode = this.lastNode;
          bestCut = p.length;
        }
      }
    }
    if (!bestNode) return null;
    return { value: bestNode.value!, from: i, to: bestTo, start: t.start + originalCut(t.text, bestCut), end: tokens[bestTo - 1]!.end };
  }

  /**
   * Per word: 0 when it enters the trie nowhere (most words), else 1 + the index in `entryList` of
   * the nodes it enters by, in the order matchAt tries them, and the letters cut.
   */
  private readonly entryOf = new IntMemo();
  private entryList: Array<{ nodes: Node<T>[]; cuts: number[] }> = [];
  private entryEpoch = -1;

  /** The entry points of a word token, as matchAt's plain path finds them: bare first, then each proclitic. */
  private entriesOf(norm: string): { nodes: Node<T>[]; cuts: number[] } | null {
    const nodes: Node<T>[] = [];
    const cuts: number[] = [];
    const bare = this.root.next.get(norm);
    if (bare) {
      nodes.push(bare);
      cuts.push(0);
    }
    if (this.allowProclitic && PROCLITIC_START.has(norm.charCodeAt(0))) {
      for (const p of PROCLITICS) {
        if (norm.length - p.length < 2 || !norm.startsWith(p)) continue;
        const node = this.root.next.get(norm.slice(p.length));
        if (node) {
          nodes.push(node);
          cuts.push(p.length);
        }
      }
    }
    return nodes.length ? { nodes, cuts } : null;
  }

  /** Set by `longest`: the deepest node with a value and one past its last token. */
  private lastNode: Node<T> | undefined;
  private lastTo = 0;

  /** Walks the trie from `start` over the tokens after `i`; 0 when a phrase ends on the way, else −1. */
  private longest(tokens: readonly Token[], i: number, limit: number, start: Node<T>): number {
    let node: Node<T> = start;
    let j = i + 1;
    let lastNode: Node<T> | undefined = node.value !== undefined ? node : undefined;
    let lastTo = j;
    while (j < limit) {
      const n: Node<T> | undefined = node.next.get(tokens[j]!.norm);
      if (!n) break;
      node = n;
      j++;
      if (node.value !== undefined) {
        lastNode = node;
        lastTo = j;
      }
    }
    this.lastNode = lastNode;
    this.lastTo = lastTo;
    return lastNode ? 0 : -1;
  }
}

const PROCLITIC_START = new Set(["و", "ف", "ب", "ل", "ك"].map((c) => c.charCodeAt(0)));

/** Original characters holding the first `letters` normalised letters (marks on them included). */
export function originalCut(text: string, letters: number): number {
  if (letters === 0) return 0;
  let seen = 0, i = 0;
  while (i < text.length && seen < letters) {
    seen += normalize(text[i]!).length;
    i++;
  }
  while (i < text.length && normalize(text[i]!) === "") i++;
  return i;
}
