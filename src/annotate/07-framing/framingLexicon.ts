/**
 * The framing annotator's word lists (resources/framing/markers.json), loaded once per process and
 * normalised like the text.
 */
import { readJsonResource } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import type { Token } from "../../text/tokenize.js";
import { PhraseMatcher, originalCut } from "../04-quantities/PhraseMatcher.js";

interface RawMarkers {
  markers: Array<[string, string, string]>;
  terrorLabels: string[];
  groupWords: string[];
  regimeWords: string[];
  occupationWords: string[];
  countryAdjectives: string[];
}

export interface FramingLexicon {
  markers: PhraseMatcher<string>;
  terrorLabels: Set<string>;
  groupWords: Set<string>;
  regimeWords: Set<string>;
  occupationWords: Set<string>;
  countryAdjectives: Set<string>;
  /** The word without a leading و ف ب ل ("والنظام" → "النظام"). */
  bare(norm: string): string;
  /** Original characters of that proclitic in the token. */
  procliticLength(t: Token): number;
}

let lexicon: FramingLexicon | undefined;

const set = (xs: string[]) => new Set(xs.map((x) => normalize(x)));

export function framingLexicon(): FramingLexicon {
  if (lexicon) return lexicon;
  const raw = readJsonResource<RawMarkers>("framing/markers.json");
  const markers = new PhraseMatcher<string>(raw.markers.map(([p, k]) => [p, k] as const));
  const bare = (norm: string): string => {
    let w = norm;
    if ((w.startsWith("و") || w.startsWith("ف")) && w.length > 4) w = w.slice(1);
    if (w.startsWith("لل") && w.length > 4) return "ال" + w.slice(2);
    if ((w.startsWith("بال") || w.startsWith("كال")) && w.length > 4) return w.slice(1);
    if ((w.startsWith("ب") || w.startsWith("ل")) && w.slice(1) === "نظام") return w.slice(1);
    return w;
  };
  lexicon = {
    markers,
    terrorLabels: set(raw.terrorLabels),
    groupWords: set(raw.groupWords),
    regimeWords: set(raw.regimeWords),
    occupationWords: set(raw.occupationWords),
    countryAdjectives: set(raw.countryAdjectives),
    bare,
    procliticLength: (t) => {
      const b = bare(t.norm);
      // "وللنظام" → و + ل + النظام: the span starts at the second ل, which stands for the article's ا.
      const cut = t.norm.length - b.length + (b.startsWith("ال") && !t.norm.endsWith(b) ? 1 : 0);
      return originalCut(t.text, Math.max(0, cut));
    },
  };
  return lexicon;
}
