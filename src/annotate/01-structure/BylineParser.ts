/**
 * Reads who wrote or sent an article and from where.
 *
 * A byline line: "| وكالات", "(أ ف ب)", "رويترز", "فرانس24/ أ ف ب", "كتب: أحمد علي", "بقلم أحمد علي",
 * "المصدر: رويترز", "*نقلاً عن الرؤية الإماراتية", "دمشق - سانا", "القاهرة - أحمد الريدي".
 * In "PLACE - WHO" the place is the dateline unless it is itself an agency or outlet ("العربية.نت - إسلام سيف").
 *
 * A lead dateline opens the first paragraph: "دبي، الإمارات العربية المتحدة (CNN)— أعلنت …",
 * "(CNN)-- …", "دمشق - سانا: …", "بيروت (أ ف ب) - …".
 */
import type { Span } from "../../types.js";
import type { Line } from "./splitLines.js";
import { lineKey } from "./lineKey.js";
import { StructureLexicon, compactKey } from "./StructureLexicon.js";
import { subSpan } from "./subSpan.js";

export interface BylineHit {
  byline: Span;
  dateline?: Span;
}

/** Where a byline line is looked for: the header allows "PLACE - WHO"; the trailer only agencies and cues. */
export type BylineContext = "header" | "trailer";

// " - ", " – ", "ـ": a dash with space on at least one side (not the hyphen in "إف-22")
const DASH = /\s[-–—ـ]+\s?|[-–—ـ]+\s/;
const SENTENCE_END = /[.!؟?]["»”)]?$/;

export class BylineParser {
  private readonly lex = StructureLexicon.get();

  isAgency(s: string): boolean {
    const k = compactKey(s);
    return !!k && (this.lex.agencies.has(k) || this.lex.publishers.has(k));
  }

  /** "دمشق", "دبي، الإمارات العربية المتحدة": a known place, optionally followed by its country. */
  isPlace(s: string): boolean {
    const first = s.split(/[،,]/)[0]!.trim();
    return !!first && this.lex.places.has(compactKey(first));
  }

  /** A list of agencies/outlets: "فرانس24/ أ ف ب/ رويترز", "وكالات ومواقع". */
  private isAgencyList(s: string): boolean {
    const parts = s.split(/[/،,+&]|\sو(?=\S)/).map((p) => p.trim()).filter(Boolean);
    return parts.length > 0 && parts.every((p) => this.isAgency(p));
  }

  parseLine(line: Line, context: BylineContext): BylineHit | undefined {
    if (line.words > 9 || line.text.length > 120) return undefined;
    const t = line.text;
    if (SENTENCE_END.test(t) && !/[)]$/.test(t)) return undefined;
    // "| وكالات"
    if (/^[|│]/.test(t)) {
      const hit = this.parseWho(line, 1, context);
      if (hit) return hit;
      const s = subSpan(line, 1, t.length);
      return s && line.words <= 6 ? { byline: s } : undefined;
    }
    // "(أ ف ب)", "(رويترز)"
    const paren = /^\(([^()]{1,40})\)$/.exec(t);
    if (paren && this.isAgencyList(paren[1]!)) return { byline: subSpan(line, 1, t.length - 1)! };
    // "كتب: أحمد علي", "المصدر: رويترز", "نقلاً عن الأهرام"
    const key = lineKey(t);
    const cued = this.afterCue(line, key);
    if (cued) return cued;
    return this.parseWho(line, 0, context);
  }

  /** "WHO" or "PLACE - WHO" from `from` on. */
  private parseWho(line: Line, from: number, context: BylineContext): BylineHit | undefined {
    const t = line.text.slice(from);
    if (this.isAgencyList(t)) { const s = subSpan(line, from, line.text.length); return s ? { byline: s } : undefined; }
    const d = DASH.exec(t);
    if (!d) return undefined;
    const left = t.slice(0, d.index).trim(), right = t.slice(d.index + d[0].length).trim();
    const lw = left.split(/\s+/).length, rw = right.split(/\s+/).length;
    if (!left || !right || lw > 4 || rw > 4 || /\d/.test(left)) return undefined;
    const leftAgency = this.isAgency(left), rightAgency = this.isAgencyList(right);
    // "القاهرة - أحمد الريدي" needs a known place; "معتز التلا - ممثل سوري" is not a byline.
    if (!leftAgency && !rightAgency && (context === "trailer" || !this.isPlace(left))) return undefined;
    const byline = subSpan(line, from, line.text.length);
    if (!byline) return undefined;
    const place = leftAgency ? undefined : subSpan(line, from, from + d.index);
    return place ? { byline, dateline: place } : { byline };
  }

  private afterCue(line: Line, key: string): BylineHit | undefined {
    const t = line.text;
    const colon = t.search(/[:：]/);
    const strong = StructureLexicon.prefixOf(key, this.lex.authorStrong);
    const cue = StructureLexicon.prefixOf(key, this.lex.authorCues) ?? StructureLexicon.prefixOf(key, this.lex.sourceCues);
    let valueFrom = -1;
    if (cue && colon > 0 && colon <= 20 && lineKey(t.slice(0, colon)) === cue) valueFrom = colon + 1;
    else if (strong && line.words <= 6) valueFrom = skipWords(t, strong.split(" ").length);
    else if (/^\*?\s*نقل[اًا]*\s+عن\s/.test(t)) valueFrom = t.indexOf("عن") + 2;
    if (valueFrom < 0) return undefined;
    const s = subSpan(line, valueFrom, t.length);
    return s && s.text.split(/\s+/).length <= 6 ? { byline: s } : undefined;
  }

  /** A dateline (and agency) that opens a paragraph. */
  parseLead(line: Line): BylineHit | undefined {
    const head = line.text.slice(0, 160);
    // "دبي، الإمارات العربية المتحدة (CNN)— قال", "(CNN)-- قال", "بيروت (أ ف ب) - قال"
    const p = /\(([^()]{1,30})\)\s{0,3}(?:[-–—ـ]{1,3}|:)/.exec(head);
    if (p && p.index <= 100 && this.isAgencyList(p[1]!)) {
      const byline = subSpan(line, p.index + 1, p.index + 1 + p[1]!.length)!;
      const before = head.slice(0, p.index);
      if (before.split(/\s+/).filter(Boolean).length > 6 || /[.!؟?:]/.test(before)) return undefined;
      const place = subSpan(line, 0, p.index);
      return place ? { byline, dateline: place } : { byline };
    }
    // "دمشق - سانا: قال", "دمشق – سانا – قال"
    const d = DASH.exec(head.slice(0, 50));
    if (d && d.index > 0) {
      const left = head.slice(0, d.index).trim();
      if (left.split(/\s+/).length > 3 || /[\d.:!؟]/.test(left)) return undefined;
      const restFrom = d.index + d[0].length;
      const m = /^([^:\-–—ـ]{1,30}?)\s{0,3}(?::|\s[-–—ـ]|[-–—ـ]\s)/.exec(head.slice(restFrom));
      if (m && this.isAgencyList(m[1]!.replace(/[()]/g, ""))) {
        const byline = subSpan(line, restFrom, restFrom + m[1]!.length);
        const place = subSpan(line, 0, d.index);
        if (byline && place) return { byline, dateline: place };
      }
    }
    return undefined;
  }
}

/** The index in `t` just after its first `n` words. */
function skipWords(t: string, n: number): number {
  const re = /\S+/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < n; i++) { m = re.exec(t); if (!m) return -1; }
  return m ? m.index + m[0].length : -1;
}
