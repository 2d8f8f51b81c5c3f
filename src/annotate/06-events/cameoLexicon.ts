/**
 * The CAMEO lexicon (resources/events/cameo.tsv): Arabic verbs and verbal nouns to CAMEO codes,
 * loaded once per process. Single-word forms also match with the article (الانسحاب) and present
 * forms with the future prefix (سيواصل); a proclitic (و ف ب ل ك) is always allowed.
 */
import { readFileSync } from "node:fs";
import { resourcePath } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import { PhraseMatcher } from "../04-quantities/PhraseMatcher.js";

export interface CameoEntry {
  code: string;
  label: string;
}

let matcher: PhraseMatcher<CameoEntry> | undefined;

export interface CameoLine {
  code: string;
  label: string;
  forms: string[];
  note: string;
}

/** The lexicon's lines, as written. */
export function readCameoLexicon(): CameoLine[] {
  const out: CameoLine[] = [];
  for (const line of readFileSync(resourcePath("events/cameo.tsv"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [code, label, forms, note] = line.split("\t");
    if (!code || !label || !forms) continue;
    out.push({ code, label, forms: forms.split("|").map((f) => f.trim()).filter(Boolean), note: note ?? "" });
  }
  return out;
}

const VERB_START = /^[يتن]/;

export function cameoMatcher(): PhraseMatcher<CameoEntry> {
  if (matcher) return matcher;
  const m = new PhraseMatcher<CameoEntry>([]);
  for (const line of readCameoLexicon()) {
    for (const form of line.forms) {
      const n = normalize(form);
      const entry: CameoEntry = { code: line.code, label: line.label };
      m.add(form, entry);
      if (!/\s/.test(form)) {
        if (!n.startsWith("ال")) m.add("ال" + n, entry);
        if (VERB_START.test(n)) m.add("س" + n, entry);
      }
    }
  }
  return (matcher = m);
}

