/**
 * Finds the lines of a page that are chrome, not article: "زر الذهاب إلى الأعلى", share and follow
 * rows, "اقرأ أيضاً" headings with the link lines under them, copyright and navigation lines,
 * dividers, bare URLs and hashtag rows.
 *
 * 1. Key each short line (lineKey) and test it against the lexicon: exact phrases, prefixes,
 *    copyright phrases, a row made only of share/follow words.
 * 2. Shape tests that need no lexicon: a divider ("-----", "×××"), a URL, a breadcrumb
 *    ("الرئيسية » أخبار » سورية"), a row of hashtags.
 * 3. A related-links heading standing alone makes the short, unpunctuated lines under it chrome too.
 */
import type { Line } from "./splitLines.js";
import { lineKey } from "./lineKey.js";
import { StructureLexicon } from "./StructureLexicon.js";

/** Lines longer than this are prose, whatever they start with. */
const MAX_CHROME_WORDS = 30;
/** How many link lines a related heading may carry. */
const MAX_RELATED_LINKS = 12;

/** Lines of at most this many words are keyed whole; longer ones on their first PREFIX_CHARS. */
const SHORT_WORDS = 12;
const PREFIX_CHARS = 64;
const COPYRIGHT_HINT = /©|حقوق|copyright|rights reserved/i;
const URL_LINE = /^(?:https?:\/\/|www\.)[^\s]{1,2000}$/i;
// "الرئيسية » أخبار » سورية", "Home / World"
// Bullets (• ·) are left out: "• هاتف نوكيا 8 • هاتف نوكيا 7" is a list in the article.
const NAV_SEPARATORS = /\s[|»›>/]\s|\s[|»›>/]$|^[|»›>/]\s/g;
const ENDS_SENTENCE = /[.!؟?:؛]["»”)]?$/;

export function isShortUnpunctuated(line: Line): boolean {
  return line.words <= 20 && !ENDS_SENTENCE.test(line.text);
}

export class BoilerplateDetector {
  private readonly lex = StructureLexicon.get();

  /** Indices (Line.index) of the chrome lines. */
  detect(lines: readonly Line[]): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const verdict = this.classify(line);
      if (!verdict) continue;
      out.add(line.index);
      if (verdict === "related-heading") {
        let k = i + 1;
        while (k < lines.length && k - i <= MAX_RELATED_LINKS && isLinkLine(lines[k]!)) out.add(lines[k++]!.index);
        i = k - 1;
      }
    }
    return out;
  }

  /** A long line can only be chrome by its opening words ("اقرأ أيضاً: …") or a copyright sign. */
  private opensLikeChrome(t: string): boolean {
    if (t.startsWith("#") || COPYRIGHT_HINT.test(t) || URL_LINE.test(t) || /^[|»›>/]|\s[|»›>/]\s/.test(t.slice(0, 120))) return true;
    const first = /^[\s\-–—•*·#|]*([^\s:：،,]{1,24})/.exec(t);
    return !!first && this.lex.prefixFirstWords.has(lineKey(first[1]!));
  }

  /** Why a line is chrome, or undefined when it is not. */
  classify(line: Line): "chrome" | "related-heading" | undefined {
    if (line.words > MAX_CHROME_WORDS) return undefined;
    const t = line.text;
    // Whole-line phrases are short; longer lines are only tested on their opening words, so the
    // normaliser runs over a few dozen characters a paragraph.
    const short = line.words <= SHORT_WORDS;
    if (!short && !this.opensLikeChrome(t)) return undefined;
    const key = lineKey(short ? t : t.slice(0, PREFIX_CHARS));
    if (short && !key) return "chrome"; // "-----", "×××", "• • •": no letter or digit at all
    if (URL_LINE.test(t)) return "chrome";
    if (short && this.lex.related.has(key)) return "related-heading";
    if (short && this.lex.boilerExact.has(key)) return "chrome";
    if (line.words <= 4 && StructureLexicon.prefixOf(key, this.lex.relatedPrefixes)) return "related-heading";
    if (line.words <= 20 && StructureLexicon.prefixOf(key, this.lex.boilerPrefixes)) return "chrome";
    if (line.words <= 20) {
      const colon = t.indexOf(":");
      if (colon > 0 && colon < 24 && this.lex.colonPrefixes.has(lineKey(t.slice(0, colon)))) return "chrome";
    }
    if (COPYRIGHT_HINT.test(t)) {
      const full = short ? key : lineKey(t);
      if (this.lex.copyright.some((c) => full.includes(c))) return "chrome";
    }
    if (short) {
      const tokens = key.split(" ");
      if (tokens.every((w) => this.lex.share.has(w) || /^\d+$/.test(w)) && tokens.some((w) => this.lex.share.has(w))) return "chrome";
    }
    if (isNavigation(t)) return "chrome";
    if (/^#\S/.test(t) && t.split(/\s+/).every((w) => w.startsWith("#"))) return "chrome";
    return undefined;
  }
}

/** A line under a related heading: short, a headline's shape, no sentence end (bullets allowed). */
function isLinkLine(line: Line): boolean {
  return line.words <= 20 && !/[.!:؛]["»”)]?$/.test(line.text.replace(/^[-•*·–—\s]+/, ""));
}

/** Short segments between separators: two behind a breadcrumb arrow ("الرئيسية » أخبار"), three between bars or slashes. */
function isNavigation(t: string): boolean {
  if (t.length > 300) return false;
  const seps = t.match(NAV_SEPARATORS);
  if (!seps) return false;
  const parts = t.split(/\s*[|»›>/]\s*/).filter((p) => p.trim());
  if (!parts.every((p) => p.trim().split(/\s+/).length <= 4)) return false;
  const arrows = seps.some((s) => /[»›>]/.test(s));
  return parts.length >= 3 || (arrows && parts.length >= 2);
}
