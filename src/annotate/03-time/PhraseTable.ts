/**
 * A table of one- or several-word phrases (month names, "أمس الأول", "بعد الظهر") keyed by their
 * first normalised word, each first word's phrases longest first, so "كانون الثاني" wins over
 * "كانون" and "أول من أمس" over "أول".
 */
import { normalize } from "../../text/normalize.js";

export interface PhraseEntry<V> {
  words: string[];
  value: V;
}

export class PhraseTable<V> {
  readonly byFirst = new Map<string, PhraseEntry<V>[]>();

  add(phrase: string, value: V): this {
    const words = normalize(phrase).split(/\s+/).filter(Boolean);
    if (!words.length) return this;
    const list = this.byFirst.get(words[0]!) ?? [];
    if (!list.some((e) => e.words.join(" ") === words.join(" "))) list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
    return this;
  }

  addAll(entries: Record<string, V> | Array<[string, V]>): this {
    for (const [k, v] of Array.isArray(entries) ? entries : Object.entries(entries)) this.add(k, v);
    return this;
  }

  has(first: string): boolean {
    return this.byFirst.has(first);
  }
}
