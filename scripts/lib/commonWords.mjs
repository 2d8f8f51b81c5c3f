// How the news corpora (../shared/data/news) use a word, for the scripts that build word lists
// (build-kb.mjs, build-structure-places.mjs): a name that the news uses as a common word is left
// out of a list, so that a list match means a name.
import { readFileSync } from "node:fs";
import { newsArticles } from "./newsArticles.mjs";
import { tokenize } from "../../src/text/tokenize.js";
import { normalize } from "../../src/text/normalize.js";
import { resourcePath } from "../../src/resources.js";

/** Every word of the news corpora (tokenised and normalised as the tagger does) with its count. */
export async function countNewsWords() {
  const counts = new Map();
  for await (const text of newsArticles()) {
    for (const t of tokenize(text)) if (t.kind !== "number" && t.kind !== "latin") counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  }
  return counts;
}

/**
 * How the news uses a word: its base (without the article, and for a running-text word without a
 * preposition or a one-letter proclitic when the news has the rest more often), and the counts of
 * the base bare, with the article, and with a possessive suffix. A listed name carries no
 * preposition, so for one (`listed`) only the article comes off ("باليسا" stays whole).
 */
export function wordUse(counts) {
  const c = (w) => counts.get(w) ?? 0;
  return (word, listed) => {
    let base = word, article = false;
    if (listed) {
      if (base.startsWith("ال") && base.length >= 4) { base = base.slice(2); article = true; }
    } else {
      for (const p of ["وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"]) {
        if (base.startsWith(p) && base.length - p.length >= 2) { base = base.slice(p.length); article = true; break; }
      }
      if (!article && base.length >= 4 && "وفبلك".includes(base[0]) && c(base) < c(base.slice(1))) base = base.slice(1);
    }
    let bare = 0, def = 0, poss = 0, verb = 0;
    for (const p of ["", "و", "ف", "ب", "ل", "ك"]) bare += c(p + base);
    for (const p of ["ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل"]) def += c(p + base);
    // After the normaliser ة is ه, so a final ه is a possessive only after a ت stem ("مدينته"); "نا"
    // is left out too ("مارينا").
    const stem = base.endsWith("ه") ? base.slice(0, -1) + "ت" : base;
    for (const e of base.endsWith("ه") ? ["ه", "ها", "هم", "هما", "كم"] : ["ها", "هم", "هما", "كم"]) {
      for (const p of ["", "و", "ب", "ل"]) poss += c(p + stem + e);
    }
    // A verb: past "-ت"/"-وا", present "ي-"/"ت-" ("ذكرت", "يذكر").
    for (const v of [base + "ت", base + "وا", "ي" + base, "ت" + base]) verb += c(v);
    return { word, base, article, bare, def, poss, verb, total: bare + def };
  };
}

/**
 * Why a one-word name (a normalised token) is a common word of the news, or "" when it is not: a
 * stop word (tested also without the article), a word the news often gives a possessive suffix
 * ("أمامه"), and, where asked, one it often uses with the article ("الحرب") or conjugates as a verb
 * ("ذكرت", "يذكر"). The stop words are resources/store/stopwords.txt.
 */
export function commonUseOf(counts) {
  const stop = new Set(readFileSync(resourcePath("store/stopwords.txt"), "utf8").split("\n").filter(Boolean).map((w) => normalize(w)));
  const use = wordUse(counts);
  return (word, { article, verb }) => {
    const u = use(word, true);
    return stop.has(u.word) || stop.has(u.base) ? "stop"
      : u.total < 20 ? ""
      : u.poss / u.total >= 0.05 ? "possessive"
      : article && !u.article && u.def / u.total >= 0.3 ? "article"
      : verb && u.verb / u.total >= 0.3 ? "verb" : "";
  };
}
