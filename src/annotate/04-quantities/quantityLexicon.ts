/**
 * The quantity annotator's word lists (resources/quantities/units.json), loaded once per process and
 * normalised like the text.
 */
import { readJsonResource } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import { PhraseMatcher } from "./PhraseMatcher.js";

interface RawUnits {
  percent: string[];
  currencies: Array<[string, string]>;
  units: Array<[string, string]>;
  notObjects: string[];
  dateWords: string[];
}

export interface QuantityLexicon {
  /** Percent phrases, currencies and units after a number, each to its unit label. */
  units: PhraseMatcher<string>;
  /** Currency signs written before a number ("$5"). */
  symbols: Map<string, string>;
  /** The one-word currency names, normalised ("دولار", "ريال"): the entity finder reads them too. */
  currencyWords: Set<string>;
  notObjects: Set<string>;
  dateWords: Set<string>;
}

let lexicon: QuantityLexicon | undefined;

export function quantityLexicon(): QuantityLexicon {
  if (lexicon) return lexicon;
  const raw = readJsonResource<RawUnits>("quantities/units.json");
  const units = new PhraseMatcher<string>([], { proclitics: false });
  for (const p of raw.percent) units.add(p, "percent");
  for (const [w, u] of raw.currencies) units.add(w, u);
  for (const [w, u] of raw.units) units.add(w, u);
  const symbols = new Map(raw.currencies.filter(([w]) => /^[^\p{L}]$/u.test(w)));
  lexicon = {
    units,
    symbols,
    currencyWords: new Set(raw.currencies.filter(([w]) => !w.includes(" ")).map(([w]) => normalize(w))),
    notObjects: new Set(raw.notObjects.map((w) => normalize(w))),
    dateWords: new Set(raw.dateWords.map((w) => normalize(w))),
  };
  return lexicon;
}
