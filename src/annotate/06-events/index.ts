/**
 * 06-events: who did what to whom, where and when, coded in CAMEO.
 *
 * 1. Find triggers: verbs and verbal nouns of resources/events/cameo.tsv, longest phrase first.
 * 2. Clause: the trigger's sentence cut at commas, colons, complementizers and quotation marks.
 * 3. Actor: the entity named right after the trigger (the subject of a verb-first clause, the
 *    genitive of a verbal noun: "غارات هذا التحالف"); after a relative pronoun ("التي طالبت فيها")
 *    or when none follows, the nearest entity before it in the clause; a clause opening on a pronoun
 *    ("وهو يهدد") takes the sentence's first entity.
 * 4. Target: the next person or organisation after the trigger that is not the actor.
 *    Where: the first place after a preposition in the clause (else in the sentence).
 *    When: the time expression of the sentence nearest the trigger (an index into times).
 */
import type { Annotator, EventRecord } from "../../types.js";
import { articleText } from "../04-quantities/articleText.js";
import { cameoMatcher, type CameoEntry } from "./cameoLexicon.js";
import type { PhraseHit, PhraseMatcher } from "../04-quantities/PhraseMatcher.js";
import type { Token } from "../../text/tokenize.js";
import { EntityIndex } from "./EntityIndex.js";
import { IntMemo } from "../04-quantities/IntMemo.js";

const SKIP_AFTER = new Set(["فيه", "فيها", "هذا", "هذه", "ذلك", "تلك", "معظم", "بعض", "جميع", "كل", "قوات", "طائرات", "مقاتلات", "عناصر", "مسلحو", "مسلحي", "انصار", "حكومه", "وزاره", "جيش", "قائد", "رئيس", "وزير", "الرئيس", "الوزير"]);
/** Words that open a new clause: complementizers and "على حين", "بينما". */
const CLAUSE_WORDS = new Set(["ان", "انه", "انها", "بان", "حين", "بينما", "فيما", "لكن", "ولكن", "لكنه", "ولكنه", "لكنها", "ولكنها"]);
const RELATIVE = new Set(["التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي"]);
const PRONOUN_OPEN = new Set(["وهو", "وهي", "هو", "هي", "وهم", "هم", "وهما", "فهو", "فهي", "لكنه", "ولكنه", "لكنها", "ولكنها", "لكنهم", "ولكنهم", "انه", "انها"]);
const PREPOSITIONS = new Set(["في", "من", "الي", "علي", "عن", "داخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "ضد", "نحو", "حول", "مع"]);

const ENCLITICS = ["هما", "هم", "ها", "ه"];

/**
 * Per word: what encliticHit finds from its normal form alone (the written ه is checked on the token):
 * 0 nothing, else 1 + 2 × the index of the entry in `encliticEntries` + 1 when a proclitic was cut.
 */
const encliticMemo = new IntMemo();
const encliticEntries: CameoEntry[] = [];
const encliticIndex = new Map<CameoEntry, number>();

/** "اختطفته", "تحاصرها": a verb with an object pronoun, found through its bare form. */
function encliticHit(tokens: readonly Token[], i: number, ids: Int32Array, matcher: PhraseMatcher<CameoEntry>): PhraseHit<CameoEntry> | null {
  const t = tokens[i]!;
  const last = t.norm.charCodeAt(t.norm.length - 1);
  if (last !== 0x647 && last !== 0x627 && last !== 0x645) return null;
  let e = encliticMemo.get(ids[i]!);
  if (e < 0) e = encliticMemo.set(ids[i]!, encliticOf(t.norm, matcher));
  if (e === 0 || !/ه[\u064B-\u0652]*$|هما$|هم$|ها$/.test(t.text)) return null;
  return { value: encliticEntries[(e - 1) >> 1]!, from: i, to: i + 1, start: t.start + ((e - 1) & 1), end: t.end };
}

function encliticOf(norm: string, matcher: PhraseMatcher<CameoEntry>): number {
  for (const e of ENCLITICS) {
    if (!norm.endsWith(e) || norm.length - e.length < 3) continue;
    let w = norm.slice(0, -e.length);
    if (/^[وف]/.test(w) && !matcher.wordValue(w)) w = w.slice(1);
    const v = matcher.wordValue(w);
    if (v) {
      let k = encliticIndex.get(v);
      if (k === undefined) {
        k = encliticEntries.length;
        encliticEntries.push(v);
        encliticIndex.set(v, k);
      }
      return 1 + 2 * k + (norm.length - e.length > w.length ? 1 : 0);
    }
  }
  return 0;
}

export const eventsAnnotator: Annotator<"events"> = {
  name: "events",
  requires: [],
  assigns: "events",
  run(doc, before) {
    const art = articleText(doc, before);
    const { tokens, sentenceOf, regionEnd, ids } = art;
    const matcher = cameoMatcher();
    const ents = new EntityIndex(art, before.entities ?? []);
    const times = before.times ?? [];
    const out: EventRecord[] = [];
    const isBreak = (k: number) => {
      const t = tokens[k]!;
      return (t.kind === "punct" && "،,:;؛«»“”\"()".includes(t.text)) || CLAUSE_WORDS.has(t.norm);
    };
    /** Token k names its entity after a preposition: "في سورية", "لواشنطن", "بسورية". */
    const prepositional = (k: number): boolean => {
      if (k > 0 && PREPOSITIONS.has(tokens[k - 1]!.norm)) return true;
      const m = ents.at(k);
      return !!m && m.start > tokens[k]!.start && /^[وف]?[بل]/.test(tokens[k]!.norm);
    };
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.kind !== "word") continue;
      const hit = matcher.matchAt(tokens, i, regionEnd[i]!, ids) ?? encliticHit(tokens, i, ids, matcher);
      if (!hit) continue;
      // "مكتب التحقيقات الفدرالي": a word inside a name is not an event.
      if (ents.at(i) !== undefined) continue;
      const sent = sentenceOf[i]!;
      let cs = i;
      while (cs > 0 && sentenceOf[cs - 1] === sent && !isBreak(cs - 1) && i - cs < 60) cs--;
      let ce = hit.to;
      while (ce < tokens.length && sentenceOf[ce] === sent && !isBreak(ce) && ce - i < 60) ce++;
      let ss = cs;
      while (ss > 0 && sentenceOf[ss - 1] === sent && i - ss < 200) ss--;

      // Actor.
      let actor: string | undefined;
      const relative = i > 0 && RELATIVE.has(tokens[i - 1]!.norm);
      if (!relative) {
        let k = hit.to;
        // The subject may be a phrase whose genitive names the actor: "استهدفت معظم غارات هذا التحالف".
        while (k < ce && k - hit.to < 4 && ents.at(k) === undefined && tokens[k]!.kind === "word" && !PREPOSITIONS.has(tokens[k]!.norm) && (SKIP_AFTER.has(tokens[k]!.norm.replace(/^و/, "")) || !/^[لب]/.test(tokens[k]!.norm))) k++;
        const m = k < ce ? ents.at(k) : undefined;
        if (m && !prepositional(k)) actor = m.entity;
      }
      const left = relative ? ss : cs;
      if (actor === undefined) {
        for (let k = i - 1; k >= left; k--) {
          const m = ents.at(k);
          if (m && !prepositional(k)) {
            actor = m.entity;
            break;
          }
        }
      }
      // "التقى السبت في موسكو، وزراء خارجية روسيا": the subject after the adjuncts and a comma.
      if (actor === undefined && !relative && tokens[ce] && tokens[ce]!.text === "،" && ce - hit.to <= 5) {
        for (let k = ce + 1; k < Math.min(tokens.length, ce + 6) && sentenceOf[k] === sent && !isBreak(k); k++) {
          const m = ents.at(k);
          if (m && !prepositional(k)) {
            actor = m.entity;
            break;
          }
        }
      }
      // "وهو يهدد", "ولكنه ينفي", "، ودعا إلى": a clause with no subject of its own takes the
      // sentence's: the nearest person or organisation before it, else its first entity.
      const opensClause = cs === i || PRONOUN_OPEN.has(tokens[cs]?.norm ?? "") || (cs > 0 && PRONOUN_OPEN.has(tokens[cs - 1]!.norm));
      if (actor === undefined && opensClause && /^[وف]|^(?:ي|ت)/.test(tokens[i]!.norm)) {
        for (let k = cs - 1; k >= ss && actor === undefined; k--) {
          const m = ents.at(k);
          if (m && m.type !== "LOC" && !prepositional(k)) actor = m.entity;
        }
        for (let k = ss; k < cs && actor === undefined; k++) {
          const m = ents.at(k);
          if (m && !prepositional(k)) actor = m.entity;
        }
      }
      // Target and place.
      let target: string | undefined;
      let where: string | undefined;
      for (let k = hit.to; k < ce; k++) {
        const m = ents.at(k);
        if (!m || m.entity === actor) continue;
        const afterPrep = prepositional(k);
        if (m.type === "LOC" && afterPrep) where ??= m.entity;
        else if (target === undefined && (m.type !== "LOC" || !afterPrep)) target = m.entity;
      }
      if (where === undefined) {
        for (let k = ce; k < tokens.length && sentenceOf[k] === sent; k++) {
          const m = ents.at(k);
          if (m && m.type === "LOC" && m.entity !== actor && m.entity !== target && prepositional(k)) {
            where = m.entity;
            break;
          }
        }
      }
      // When: the sentence's time expression nearest the trigger.
      let when: number | undefined;
      let best = Infinity;
      const sStart = tokens[ss]!.start;
      let se = i;
      while (se < tokens.length && sentenceOf[se] === sent) se++;
      const sEnd = tokens[se - 1]!.end;
      for (let t = 0; t < times.length; t++) {
        const x = times[t]!;
        if (x.start < sStart || x.end > sEnd || (x.type !== "DATE" && x.type !== "TIME")) continue;
        const d = Math.abs(x.start - tokens[i]!.start);
        if (d < best) {
          best = d;
          when = t;
        }
      }
      const start = hit.start, end = hit.end;
      const ev: EventRecord = { cameo: hit.value.code, label: hit.value.label, trigger: { start, end, text: doc.text.slice(start, end) } };
      if (actor !== undefined) ev.actor = actor;
      if (target !== undefined) ev.target = target;
      if (where !== undefined) ev.where = where;
      if (when !== undefined) ev.when = when;
      out.push(ev);
      i = hit.to - 1;
    }
    return out;
  },
};
