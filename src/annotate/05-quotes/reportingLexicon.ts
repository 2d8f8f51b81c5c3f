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
  clauseOnly?: boolean;
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
  personTitles: string[];
  clauseContrasts: string[];
  speakerBoundaries: string[];
}

export interface ReportingVerb {
  lemma: string;
  colonOnly: boolean;
  /** "أقر": reports speech only before أن or in "كما أقر به"; before quotation marks it approves a text. */
  clauseOnly: boolean;
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
  /** "الأستاذة", "السفير" (article-less): a definite title announces a person, named or not. */
  personTitles: Set<string>;
  /** "، لكن العسكري قال": after a comma inside an indirect quote, another clause (another speaker) starts. */
  clauseContrasts: Set<string>;
  /** Words a speaker's name is never read across, nor made of (contrast words, causal اذ/حيث). */
  speakerBoundaries: Set<string>;
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
      if (!forms.has(n)) forms.set(n, { lemma: v.lemma, colonOnly: v.colonOnly ?? false, clauseOnly: v.clauseOnly ?? false, relay: v.relay ?? false, statement: v.statement ?? false, participle });
    }
  }
  // Words with a و or ف in front are looked up again without it: the answer is remembered per word
  // (the text's words are strings whose hash is already known; a cut-off rest is a new string).
  let prefixed = new Map<string, ReportingVerb | null>();
  const verb = (norm: string): ReportingVerb | undefined => {
    const hit = forms.get(norm);
    if (hit) return hit;
    const c = norm.charCodeAt(0);
    if ((c !== 0x648 && c !== 0x641) || norm.length <= 2) return undefined;
    const known = prefixed.get(norm);
    if (known !== undefined) return known ?? undefined;
    const found = prefixedVerb(norm);
    if (prefixed.size >= 100000) prefixed = new Map();
    prefixed.set(norm, found ?? null);
    return found;
  };
  const prefixedVerb = (norm: string): ReportingVerb | undefined => {
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
    personTitles: set(raw.personTitles),
    clauseContrasts: set(raw.clauseContrasts),
    speakerBoundaries: set(raw.speakerBoundaries),
    // The normaliser folds إمام (imam) into أمام (before): the written hamza tells them apart.
    isAdjunct: (norm, text) => adjuncts.has(norm) && (norm !== "علي" || /ى[\u064B-\u0652]*$/.test(text)) && (norm !== "امام" || !/^[وف]?إ/.test(text)),
  };
  return lexicon;
}
