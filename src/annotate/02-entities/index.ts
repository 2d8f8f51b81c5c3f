/**
 * annotate/02-entities: find, type and link every person, organisation, place and other name.
 *
 * 1. Take the article's own text: headline, body, byline, dateline and publisher line from the
 *    structure annotator (never boilerplate); the whole text when there is no structure.
 * 2. Split into sentences and tokens the way the tagger was trained (findMentions.ts).
 * 3. Tag with the two-pass tagger (src/ner: a CRF, then a second CRF over its labels), merge with knowledge-base names (src/kb), and cut
 *    proclitics so mentions name the name.
 * 4. Link mentions to knowledge-base entities and to each other: short forms, titles in
 *    apposition, surnames; unknown names become document-local entities (linkMentions.ts).
 */
import type { Annotator, Entity } from "../../types.js";
import { nerModel } from "../../ner/NerModel.js";
import { annotatableRegions, findMentions, sentencesOf } from "./findMentions.js";
import { linkMentions } from "./linkMentions.js";

export const entitiesAnnotator: Annotator<"entities"> = {
  name: "entities",
  requires: ["structure"],
  assigns: "entities",
  run(doc, before): Entity[] {
    const regions = annotatableRegions(doc, before.structure);
    const sentences = sentencesOf(doc.text, regions);
    const raw = findMentions(doc.text, sentences);
    const fz = nerModel().featurizer;
    return linkMentions(doc.text, sentences, raw, fz.res, (s) => fz.tokenInfos(s.words));
  },
};
