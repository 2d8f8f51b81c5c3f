/**
 * 07-framing: the words by which a paper takes sides — distancing ("المزعوم", "ما سماه"),
 * delegitimising ("غير شرعي", "الميليشيات", "الاحتلال التركي"), labels ("داعش الإرهابي",
 * "النظام التركي") and attribution hedges ("بحسب", "نقلاً عن").
 *
 * 1. Match the marker phrases of resources/framing/markers.json, longest first, a proclitic allowed.
 * 2. Label a terror/extremist adjective when it follows a group: an entity mention just before it or
 *    a group word (تنظيم، جماعة، حركة …) at most three words before it.
 * 3. Label "النظام" (or "نظام") followed by a country's adjective or a person's name.
 * 4. Mark "الاحتلال" followed by a country's adjective as delegitimising.
 */
import type { Annotator, Framing } from "../../types.js";
import { articleText } from "../04-quantities/articleText.js";
import { framingLexicon, type FramingLexicon } from "./framingLexicon.js";
import { IntMemo } from "../04-quantities/IntMemo.js";

/** Prepositions written together with ما: عن+ما، من+ما، في+ما. */
const MERGED_MA = new Set(["عما", "مما", "فيما", "بما", "لما", "كما"]);

/** What a word may be, remembered per normal form (most words are none of these: one array read). */
const REGIME = 1, OCCUPATION = 2, TERROR = 4;
const kindMemo = new IntMemo();

function kindOf(lex: FramingLexicon, id: number, norm: string): number {
  const known = kindMemo.get(id);
  if (known >= 0) return known;
  const bare = lex.bare(norm);
  return kindMemo.set(id, (lex.regimeWords.has(bare) ? REGIME : 0) | (lex.occupationWords.has(bare) ? OCCUPATION : 0) | (lex.terrorLabels.has(norm) ? TERROR : 0));
}

export const framingAnnotator: Annotator<"framing"> = {
  name: "framing",
  requires: [],
  assigns: "framing",
  run(doc, before) {
    const { tokens, regionOf, regionEnd, ids } = articleText(doc, before);
    const lex = framingLexicon();
    const mentionEnds = new Set<number>();
    const personStarts = new Set<number>();
    for (const e of before.entities ?? []) {
      for (const m of e.mentions) {
        if (e.type !== "LOC") mentionEnds.add(m.end);
        if (e.type === "PER") personStarts.add(m.start);
      }
    }
    const out: Framing[] = [];
    const push = (start: number, end: number, kind: string) => out.push({ start, end, text: doc.text.slice(start, end), kind });
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== "word") continue;
      const limit = regionEnd[i]!;
      const hit = lex.markers.matchAt(tokens, i, limit, ids);
      if (hit && !(t.norm === "فحسب")) {
        // "عما سماه": the marker starts at ما, inside the merged preposition.
        const merged = MERGED_MA.has(t.norm) && hit.start === t.start;
        push(merged ? t.start + t.text.lastIndexOf("م") : hit.start, hit.end, hit.value);
        i = hit.to - 1;
        continue;
      }
      const kind = kindOf(lex, ids[i]!, t.norm);
      if (kind === 0) continue;
      const next = i + 1 < limit ? tokens[i + 1] : undefined;
      if (kind & REGIME && next && (lex.countryAdjectives.has(next.norm) || personStarts.has(next.start))) {
        push(t.start + lex.procliticLength(t), next.end, "label");
        i++;
        continue;
      }
      if (kind & OCCUPATION && next && lex.countryAdjectives.has(next.norm)) {
        push(t.start + lex.procliticLength(t), next.end, "delegitimizing");
        i++;
        continue;
      }
      if (kind & TERROR && i > 0 && regionOf[i - 1] === regionOf[i]) {
        let group = mentionEnds.has(tokens[i - 1]!.end);
        for (let k = Math.max(0, i - 3); k < i && !group; k++) group = lex.groupWords.has(lex.bare(tokens[k]!.norm)) && regionOf[k] === regionOf[i];
        if (group) push(t.start, t.end, "label");
      }
    }
    return out;
  },
};
