/**
 * The structure annotator's word lists (resources/structure/*.json), keyed through `lineKey` so a
 * list entry and a line of text meet in one form. Loaded once per process, on first use.
 */
import { readJsonResource } from "../../resources.js";
import { lineKey } from "./lineKey.js";

interface BoilerplateFile { exact: string[]; prefixes: string[]; colonPrefixes: string[]; related: string[]; share: string[]; copyright: string[] }
interface CuesFile { author: string[]; authorStrong: string[]; source: string[]; dateline: string[]; months: string[]; weekdays: string[] }

/** Keys with spaces removed: "أ.ف.ب", "أ ف ب" and "أف ب" are one agency. */
export function compactKey(s: string): string {
  return lineKey(s).replace(/ /g, "");
}

const keys = (list: string[]) => new Set(list.map(lineKey).filter(Boolean));
const byLength = (list: string[]) => [...new Set(list.map(lineKey).filter(Boolean))].sort((a, b) => b.length - a.length);

export class StructureLexicon {
  readonly boilerExact: Set<string>;
  /** Longest first, so "اقرا ايضا" is tried before "اقرا". */
  readonly boilerPrefixes: string[];
  /** Words that open a chrome line when a colon follows them: "للمزيد: …". */
  readonly colonPrefixes: Set<string>;
  readonly related: Set<string>;
  readonly relatedPrefixes: string[];
  readonly share: Set<string>;
  readonly copyright: string[];
  readonly agencies: Set<string>;
  readonly publisherPrefixes: string[];
  readonly publishers: Set<string>;
  readonly sections: Set<string>;
  /** Countries and cities (compact keys): what a dateline opens with. */
  readonly places: Set<string>;
  readonly authorCues: string[];
  readonly authorStrong: string[];
  readonly sourceCues: string[];
  readonly datelineCues: string[];
  readonly months: string[];
  readonly weekdays: Set<string>;

  private constructor() {
    const b = readJsonResource<BoilerplateFile>("structure/boilerplate.json");
    this.boilerExact = keys(b.exact);
    this.boilerPrefixes = byLength(b.prefixes);
    this.colonPrefixes = keys(b.colonPrefixes);
    this.related = keys(b.related);
    this.relatedPrefixes = byLength(b.related);
    this.share = new Set([...keys(b.share)]);
    this.copyright = byLength(b.copyright);
    this.agencies = new Set(readJsonResource<{ agencies: string[] }>("structure/agencies.json").agencies.map(compactKey));
    const p = readJsonResource<{ prefixes: string[]; names: string[] }>("structure/publishers.json");
    this.publisherPrefixes = byLength(p.prefixes);
    this.publishers = new Set(p.names.map(compactKey));
    this.places = new Set(readJsonResource<{ places: string[] }>("structure/places.json").places.map(compactKey));
    this.sections = keys(readJsonResource<{ sections: string[] }>("structure/sections.json").sections);
    const c = readJsonResource<CuesFile>("structure/bylineCues.json");
    this.authorCues = byLength(c.author);
    this.authorStrong = byLength(c.authorStrong);
    this.sourceCues = byLength(c.source);
    this.datelineCues = byLength(c.dateline);
    this.months = byLength(c.months);
    this.prefixFirstWords = new Set([...this.boilerPrefixes, ...this.relatedPrefixes, ...this.colonPrefixes].map((p) => p.split(" ")[0]!));
    this.weekdays = keys(c.weekdays);
  }

  /**
   * The first words of every prefix phrase (boilerplate, related, colon prefixes): a long line whose
   * first word is none of these needs no keying at all.
   */
  readonly prefixFirstWords: Set<string>;

  private static shared: StructureLexicon | undefined;
  static get(): StructureLexicon {
    return (StructureLexicon.shared ??= new StructureLexicon());
  }

  /** The phrase of `list` the key starts with, whole words only. */
  static prefixOf(key: string, list: readonly string[]): string | undefined {
    for (const p of list) if (key === p || key.startsWith(p + " ")) return p;
    return undefined;
  }
}
