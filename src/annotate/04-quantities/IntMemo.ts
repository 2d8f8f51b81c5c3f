/**
 * Facts remembered per normal form, by the form's id from fastTokenize (articleText's `ids`): an
 * array read instead of a hash lookup on the word. Forgets everything when the numbering starts over.
 */
import { normEpoch } from "./fastTokenize.js";

/**
 * The IntMemos' values, side by side per normal form: `values[id * STRIDE + column]`. A token's facts
 * for every annotator lie on one or two cache lines, so that the annotators after the first find them
 * in the processor's cache; one array per annotator would cost each of them a memory read for every
 * rarer word.
 */
const STRIDE = 16;
class MemoGroup {
  values = new Int32Array(STRIDE * 1024).fill(-1);
  epoch = normEpoch();
  columns = 0;
}
let group = new MemoGroup();

/**
 * A non-negative integer remembered per normal form (−1: not known yet): one read per token where
 * a flag-and-value memo would make two, from a table shared with the other IntMemos.
 */
export class IntMemo {
  private readonly group: MemoGroup;
  private readonly column: number;

  constructor() {
    if (group.columns === STRIDE) group = new MemoGroup();
    this.group = group;
    this.column = group.columns++;
  }

  /** The value for `id`, or −1 when none is remembered. */
  get(id: number): number {
    const g = this.group;
    if (g.epoch !== normEpoch()) {
      g.values = new Int32Array(STRIDE * 1024).fill(-1);
      g.epoch = normEpoch();
    }
    const k = id * STRIDE + this.column;
    return k < g.values.length ? g.values[k]! : -1;
  }

  /** Remembers `value` (≥ 0) for `id` (call after `get`, which forgets an earlier numbering). */
  set(id: number, value: number): number {
    const g = this.group;
    const k = id * STRIDE + this.column;
    if (k >= g.values.length) {
      let n = g.values.length;
      while (n <= k) n *= 2;
      const v = new Int32Array(n).fill(-1);
      v.set(g.values);
      g.values = v;
    }
    g.values[k] = value;
    return value;
  }
}
