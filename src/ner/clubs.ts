/**
 * Clubs named after their city. The press writes "روما", "إشبيلية", "برايتون" for the club as for
 * the city, and the tagger, which learnt from 2007 news with little sport, reads the place. In a
 * sentence of sports news (one of triggers.json's SPORT_CUE words: "مباراة", "الدوري", "مدرب"), a
 * knowledge-base match that is a club's short form is the club, unless "منتخب" comes before it (a
 * national team is written as its country, and ANERcorp tags it LOC). Used by `rasd tag --conll`
 * (tagSentences) and by the records' mention finding, so both read the same names the same way.
 */
import { AliasKind, type KbCandidate, type KbEntity, type KbMatch } from "../kb/KnowledgeBase.js";
import { exactKey } from "../kb/matchKey.js";
import { bareForm } from "../text/tokenize.js";
import type { NerFeaturizer } from "./NerFeaturizer.js";

/** A token's normal form without proclitic and article, as SPORT_CUE lists words. */
const bareKey = (norm: string) => exactKey(bareForm(norm));

const isClub = (e: KbEntity) => e.type === "ORG" && [e.ar, ...e.aliases].some((n) => n.startsWith("نادي ") || n.startsWith("فريق "));

/** Whether a sentence (its tokens' texts) is sports news; reads the featurizer's cached normal forms. */
export function isSportSentence(fz: NerFeaturizer, tokens: readonly string[]): boolean {
  const cues = fz.res.sportCues;
  return cues.size > 0 && fz.tokenInfos(tokens).some((t) => cues.has(bareKey(t.norm)));
}

/**
 * The clubs a knowledge-base match at token `at` names if the sentence is sports news (its
 * candidates that are a club's short form), or null: none, or after "منتخب". Callers ask
 * `isSportSentence` only when this finds a club: few matches have one.
 */
export function clubsOf(fz: NerFeaturizer, tokens: readonly string[], at: number, match: KbMatch): KbCandidate[] | null {
  const kb = fz.res.kb;
  const clubs = match.candidates.filter((c) => c.kind === AliasKind.Short && isClub(kb.entities[c.entity]!));
  if (!clubs.length || (at > 0 && bareKey(fz.tokenInfos(tokens)[at - 1]!.norm) === "منتخب")) return null;
  return clubs;
}
