/**
 * Entity mentions by token: which mention (if any) covers token i. Built once per document in
 * O(tokens + mentions · log mentions).
 */
import type { Entity } from "../../types.js";
import type { Token } from "../../text/tokenize.js";

export interface TokenMention {
  start: number;
  end: number;
  entity: string;
  type: Entity["type"];
}

export class EntityIndex {
  private readonly byToken: Array<TokenMention | undefined>;
  private readonly starts: Uint8Array;

  constructor(tokens: readonly Token[], entities: readonly Entity[]) {
    const ms: TokenMention[] = [];
    for (const e of entities) for (const m of e.mentions) ms.push({ start: m.start, end: m.end, entity: e.id, type: e.type });
    ms.sort((a, b) => a.start - b.start);
    this.byToken = new Array(tokens.length);
    this.starts = new Uint8Array(tokens.length);
    let mi = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      while (mi < ms.length && ms[mi]!.end <= t.start) mi++;
      const m = ms[mi];
      if (m && m.start < t.end && m.end > t.start) {
        this.byToken[i] = m;
        if (m.start >= t.start) this.starts[i] = 1;
      }
    }
  }

  /** The mention covering token i. */
  at(i: number): TokenMention | undefined {
    return this.byToken[i];
  }

  /** True when the mention at token i starts at (or after a clitic inside) that token and not before it. */
  startsAtToken(i: number): boolean {
    return this.starts[i] === 1;
  }
}
