/**
 * Entity mentions by token: which mention (if any) covers token i. Built once per document in
 * O(tokens + mentions · log mentions), and shared with the quotes' speakers (articleText's mentionIndex).
 */
import type { Entity } from "../../types.js";
import { mentionIndex, type ArticleText, type MentionIndex, type TokenMention } from "../04-quantities/articleText.js";

export type { TokenMention };

export class EntityIndex {
  private readonly index: MentionIndex;

  constructor(private readonly art: ArticleText, entities: readonly Entity[]) {
    this.index = mentionIndex(art, entities);
  }

  /** The mention covering token i. */
  at(i: number): TokenMention | undefined {
    const k = this.index.at[i];
    return k !== undefined && k >= 0 ? this.index.mentions[k] : undefined;
  }

  /** True when the mention at token i starts at (or after a clitic inside) that token and not before it. */
  startsAtToken(i: number): boolean {
    const m = this.at(i);
    return m !== undefined && m.start >= this.art.tokens[i]!.start;
  }
}
