/**
 * Keys for matching names whatever the spelling. Both the knowledge base and the text go through the
 * same functions, on tokens already passed through `normalize` (hamza forms, ى/ي and ة/ه folded).
 *
 * - `exactKey`: the token without the article ("العراق" and "عراق" meet).
 * - `fuzzyKey`: a consonant skeleton for transliterated names: ك/غ/ج/ق all stand for g
 *   ("مكغورك"، "ماكغورك"، "ماكجورك"), doubled letters collapse, and the long vowels ا و ي inside the
 *   word are dropped ("ترامب" and "ترمب" meet).
 */

/** Proclitic sequences a name may carry in running text, longest first (normalised). */
export const NAME_PROCLITICS = ["وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"] as const;

/** Whether a normalised token starts with the article (and keeps two letters after it). */
export function hasArticle(norm: string): boolean {
  return norm.length >= 4 && norm.charCodeAt(0) === 0x0627 && norm.charCodeAt(1) === 0x0644;
}

/** The token's normalised form without a leading article, when at least two letters remain. */
export function exactKey(norm: string): string {
  return hasArticle(norm) ? norm.slice(2) : norm;
}

const G_LETTERS = new Set(["غ", "ج", "ق", "ك"]);
const VOWELS = new Set(["ا", "و", "ي"]);

/** The consonant skeleton of a (normalised) token, for transliterated names. */
export function fuzzyKey(norm: string): string {
  return skeletonKey(exactKey(norm));
}

/** `fuzzyKey` of a token already without its article (an exact key). */
export function skeletonKey(base: string): string {
  let folded = "";
  for (let i = 0; i < base.length; i++) {
    let ch = base[i]!;
    if (G_LETTERS.has(ch)) ch = "ك";
    else if (ch === "ه" && i === base.length - 1) ch = "ا";
    if (ch !== folded[folded.length - 1]) folded += ch;
  }
  let out = "";
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && i < folded.length - 1 && VOWELS.has(folded[i]!)) continue;
    out += folded[i]!;
  }
  return out;
}

/**
 * The article-less keys a text token may stand for once a proclitic is removed, with the number of
 * normalised letters removed before the name starts (the article stays inside a mention: "بالعراق"
 * gives "عراق" with 1 letter removed, so the mention is "العراق"; "للولايات" gives "ولايات" with 1).
 */
export function procliticVariants(norm: string): Array<{ key: string; cut: number; article: boolean }> {
  const out: Array<{ key: string; cut: number; article: boolean }> = [{ key: exactKey(norm), cut: 0, article: hasArticle(norm) }];
  for (const p of NAME_PROCLITICS) {
    if (norm.length - p.length < 2 || !norm.startsWith(p)) continue;
    const rest = norm.slice(p.length);
    // Where the proclitic ends in the article, the mention keeps the article.
    let cut = p.length;
    let article = hasArticle(rest);
    if (p.endsWith("ال")) { cut = p.length - 2; article = true; }
    else if (p.endsWith("لل")) { cut = p.length - 1; article = true; }
    out.push({ key: exactKey(rest), cut, article });
  }
  return out;
}
