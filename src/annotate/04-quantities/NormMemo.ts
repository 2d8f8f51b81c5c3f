/**
 * A fact remembered per normal form, by the form's id from fastTokenize (articleText's `ids`): an
 * array read instead of a hash lookup on the word. Forgets everything when the numbering starts over.
 */
import { normEpoch } from "./fastTokenize.js";

export class NormMemo<T> {
  private values: Array<T | undefined> = grown([], 1024);
  private known = new Uint8Array(1024);
  private epoch = normEpoch();

  /** True when a value for `id` is remembered. */
  has(id: number): boolean {
    if (this.epoch !== normEpoch()) {
      this.values = grown([], 1024);
      this.known = new Uint8Array(1024);
      this.epoch = normEpoch();
    }
    return id < this.known.length && this.known[id] === 1;
  }

  /** The value remembered for `id` (call after `has`). */
  get(id: number): T {
    return this.values[id] as T;
  }

  set(id: number, value: T): T {
    if (id >= this.known.length) {
      let n = this.known.length;
      while (n <= id) n *= 2;
      const k = new Uint8Array(n);
      k.set(this.known);
      this.known = k;
      grown(this.values, n);
    }
    this.known[id] = 1;
    this.values[id] = value;
    return value;
  }
}

/** Extends `xs` with undefined to length `n` by pushing, so that the array stays a packed one. */
function grown<T>(xs: Array<T | undefined>, n: number): Array<T | undefined> {
  while (xs.length < n) xs.push(undefined);
  return xs;
}
