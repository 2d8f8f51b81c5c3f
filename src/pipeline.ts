/**
 * The pipeline: runs the annotators in order and assembles the Record.
 *
 * 1. Check once, when the pipeline is built, that every annotator's `requires` is assigned earlier.
 * 2. For each document: detect the language; a non-Arabic text is reported, not analysed.
 * 3. Run each annotator on the document and the annotations before it. A failure yields a coded
 *    warning naming the stage, and the annotations after it still run on what there is.
 * 4. Assemble the record; spans are checked against the text in tests and in the sweep.
 */
import type { Annotations, Annotator, AnnotationKey, Document, RasdRecord, Tone } from "./types.js";
import { ANNOTATORS } from "./annotate/index.js";
import { detectLanguage } from "./text/language.js";

export class Pipeline {
  readonly annotators: readonly Annotator[];
  constructor(annotators: readonly Annotator[] = ANNOTATORS) {
    const assigned = new Set<AnnotationKey>();
    for (const a of annotators) {
      for (const r of a.requires) {
        if (!assigned.has(r)) throw new Error(`annotator "${a.name}" requires "${r}", which no earlier annotator assigns`);
      }
      assigned.add(a.assigns);
    }
    this.annotators = annotators;
  }

  run(doc: Document): RasdRecord {
    const language = detectLanguage(doc.text);
    const warnings = [...doc.warnings];
    const ann: Partial<Annotations> = { dct: doc.dct };
    if (language === "ar") {
      for (const a of this.annotators) {
        try {
          (ann as Record<string, unknown>)[a.assigns] = a.run(doc, ann);
        } catch (e) {
          warnings.push({ code: "RASD_ANNOTATOR", stage: a.name, message: `${a.name} failed: ${(e as Error).message}` });
        }
      }
    } else {
      warnings.push({ code: "RASD_LANGUAGE", stage: "language", message: `the text is not Arabic (detected "${language}"); it was not analysed` });
    }
    return assemble(doc, language, ann, warnings);
  }
}

const EMPTY_TONE: Tone = { score: 0, positive: 0, negative: 0, polarity: 0, activity: 0, words: 0 };

function assemble(doc: Document, language: string, a: Partial<Annotations>, warnings: Document["warnings"]): RasdRecord {
  const rec: RasdRecord = {
    schema: "rasd/record@1",
    id: doc.id,
    source: doc.source,
    language,
    text: doc.text,
    dct: a.dct ?? doc.dct,
    ...(Object.keys(doc.meta).length ? { meta: doc.meta } : {}),
    structure: a.structure ?? { paragraphs: [], boilerplate: [] },
    entities: a.entities ?? [],
    times: a.times ?? [],
    quantities: a.quantities ?? [],
    quotes: a.quotes ?? [],
    events: a.events ?? [],
    framing: a.framing ?? [],
    tone: a.tone ?? EMPTY_TONE,
    ...(a.topics ? { topics: a.topics } : {}),
  };
  if (warnings.length) rec.warnings = warnings;
  return rec;
}

let shared: Pipeline | undefined;
/** The default pipeline, built once per process. */
export function defaultPipeline(): Pipeline {
  return (shared ??= new Pipeline());
}
