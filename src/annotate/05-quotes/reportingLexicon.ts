/**
 * The quote annotator's word lists (resources/quotes/reporting.json), loaded once per process and
 * normalised like the text.
 */
import { readJsonResource } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import { PhraseMatcher } from "../04-quantities/PhraseMatcher.js";

interface RawVerb {
  lemma: string;
  forms: string[];
  colonOnly?: boolean;
  relay?: boolean;
  statement?: boolean;
}

interface RawReporting {
  verbs: RawVerb[];
  complementizers: string[];
  linkPrepositions: string[];
  sayingNouns: string[];
  statementNouns: string[];
  speechEventNouns: string[];
  adjunctStarts: string[];
  skipAfterVerb: string[];
  skipPairs: Array<[string, string]>;
  scareBefore: string[];
  clauseStops: string[];
  relativePronouns: string[];
  formulaVerbs: string[];
  attributionAfter: string[];
}

export interface ReportingVerb {
  lemma: string;
  colonOnly: boolean;
  relay: boolean;
  statement: boolean;
  /** A participle ("مؤكداً", "مشيرة"): its subject is the clause's, never named after it. */
  participle: boolean;
}

export interface ReportingLexicon {
  verb(norm: string): ReportingVerb | undefined;
  complementizers: Set<string>;
  linkPrepositions: Set<string>;
  sayingNouns: Set<string>;
  statementNouns: Set<string>;
  speechEventNouns: Set<string>;
  adjunctStarts: Set<string>;
  skipAfterVerb: Set<string>;
  skipPairs: Set<string>;
  scareBefore: Set<string>;
  clauseStops: Set<string>;
  relativePronouns: Set<string>;
  /** "يذكر أن", "يشار إلى أن": the paper's own formulas, with no speaker. */
  formulaVerbs: Set<string>;
  /** "، حسبما قال …": the words before were someone's. */
  attributionAfter: PhraseMatcher<true>;
  /** "على" and "علي" fold to one form: the preposition is known by its written ى. */
  isAdjunct(norm: string, text: string): boolean;
}

let lexicon: ReportingLexicon | undefined;
const set = (xs: string[]) => new Set(xs.map((x) => normalize(x)));

export function reportingLexicon(): ReportingLexicon {
  if (lexicon) return lexicon;
  const raw = readJsonResource<RawReporting>("quotes/reporting.json");
  const forms = new Map<string, ReportingVerb>();
  for (const v of raw.verbs) {
    for (const f of v.forms) {
      const n = normalize(f);
      const participle = /^م/.test(n) && /(ا|ه|ين)$/.test(n) && n.length >= 4 && !["مع"].includes(n) || /^(قائل|ذاكرا|لافت|نافي|زاعما|كاشف)/.test(n);
      if (!forms.has(n)) forms.set(n, { lemma: v.lemma, colonOnly: v.colonOnly ?? false, relay: v.relay ?? false, statement: v.statement ?? false, participle });
    }
  }
  const verb = (norm: string): ReportingVerb | undefined => {
    const hit = forms.get(norm);
    if (hit) return hit;
    if ((norm.startsWith("و") || norm.startsWith("ف")) && norm.length > 2) {
      const rest = norm.slice(1);
      const h = forms.get(rest);
      if (h) return h;
      // "وسيقول", "وستؤكد": the future prefix.
      if (rest.startsWith("س") && forms.get(rest.slice(1))) return forms.get(rest.slice(1));
    }
    return undefined;
  };
  const adjuncts = set(raw.adjunctStarts);
  lexicon = {
    verb,
    complementizers: set(raw.complementizers),
    linkPrepositions: set(raw.linkPrepositions),
    sayingNouns: set(raw.sayingNouns),
    statementNouns: set(raw.statementNouns),
    speechEventNouns: set(raw.speechEventNouns),
    adjunctStarts: set(raw.adjunctStarts),
    skipAfterVerb: set(raw.skipAfterVerb),
    skipPairs: new Set(raw.skipPairs.map(([a, b]) => normalize(a) + " " + normalize(b))),
    scareBefore: set(raw.scareBefore),
    clauseStops: set(raw.clauseStops),
    relativePronouns: set(raw.relativePronouns),
    formulaVerbs: set(raw.formulaVerbs),
    attributionAfter: new PhraseMatcher(raw.attributionAfter.map((w) => [w, true] as const)),
    isAdjunct: (norm, text) => adjuncts.has(norm) && (norm !== "علي" || /ى[\u064B-\u0652]*$/.test(text)),
  };
  return lexicon;
}
