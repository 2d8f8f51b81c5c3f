/**
 * The shapes that flow through rasd: bytes → Document → annotators → Record.
 * The Record is the public contract (see RECORD.md); fields are only ever added.
 */

/** A piece of `text`: always `text === source.slice(start, end)`. UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type SourceKind = "text" | "html" | "rss" | "atom" | "warc" | "jsonl";

/** What the page itself declared about the article (never guessed from the text). */
export interface PageMeta {
  title?: string;
  published?: string; // ISO 8601 as the page gave it
  section?: string;
  author?: string;
  publisher?: string;
  url?: string;
  description?: string;
  lang?: string;
  outlet?: string;
  category?: string;
}

export type DctOrigin = "given" | "metadata" | "inferred" | "none";

export interface Dct {
  value: string | null; // YYYY-MM-DD
  origin: DctOrigin;
  range?: [string, string];
}

/** A decoded input, ready for the annotators. All offsets point into `text`. */
export interface Document {
  id: string;
  text: string;
  source: { kind: SourceKind; uri?: string; encoding: string };
  meta: PageMeta;
  /** The publication date as known before the text is read: from --dct or page metadata. */
  dct: Dct;
  /** Where an HTML page's structure is already known (headline, paragraphs), the source says so. */
  layout?: SourceLayout;
  warnings: Warning[];
}

/** Structure a source extracted itself (HTML, JSON Lines with title), as spans into `text`. */
export interface SourceLayout {
  headline?: Span;
  paragraphs?: Span[];
  byline?: Span;
  section?: Span;
}

export interface Warning {
  code: string;
  message: string;
  stage?: string;
}

export interface Structure {
  section?: string;
  headline?: string;
  byline?: string;
  dateline?: string;
  publisher?: string;
  paragraphs: Span[];
  boilerplate: Span[];
  /** Added to RECORD.md's shape: where each structural field sits in the text. */
  sectionSpan?: Span;
  headlineSpans?: Span[];
  bylineSpan?: Span;
  datelineSpan?: Span;
  publisherSpan?: Span;
}

export type EntityType = "PER" | "ORG" | "LOC" | "MISC";

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  en?: string;
  kb?: string;
  mentions: Span[];
}

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

export interface TimeExpr extends Span {
  type: TimeType;
  value: string;
  /** Which parts of the value the text states and which were implied from the DCT (chrono's assign/imply). */
  stated?: string[];
  implied?: string[];
}

export interface Quantity extends Span {
  value: number;
  unit?: string;
  object?: string;
  vague?: boolean;
}

export interface Quote extends Span {
  kind: "direct" | "indirect" | "partial";
  speaker?: Span & { entity?: string };
  cue?: Span;
  channel?: Span & { entity?: string };
}

export interface EventRecord {
  cameo: string;
  label: string;
  trigger: Span;
  actor?: string;
  target?: string;
  where?: string;
  when?: number;
}

export interface Framing extends Span {
  kind: "distancing" | "delegitimizing" | "label" | "hedge" | string;
}

export interface Tone {
  score: number;
  positive: number;
  negative: number;
  polarity: number;
  activity: number;
  words: number;
  selfReference?: number;
  groupReference?: number;
}

export interface Topic {
  label: string;
  score: number;
}

/** Everything the annotators add, keyed by what each one assigns. */
export interface Annotations {
  structure: Structure;
  entities: Entity[];
  times: TimeExpr[];
  quantities: Quantity[];
  quotes: Quote[];
  events: EventRecord[];
  framing: Framing[];
  tone: Tone;
  topics: Topic[];
  /** The publication date after the time annotator has read the text (inferred when the page had none). */
  dct: Dct;
}

export type AnnotationKey = keyof Annotations;

/**
 * One stage of the pipeline. `run` is pure: no I/O, no global state mutated. It reads the document and
 * the annotations of earlier stages (only those named in `requires` are guaranteed) and returns its own.
 */
export interface Annotator<K extends AnnotationKey = AnnotationKey> {
  name: string;
  requires: readonly AnnotationKey[];
  assigns: K;
  run(doc: Document, before: Readonly<Partial<Annotations>>): Annotations[K];
}

export interface RasdRecord {
  schema: "rasd/record@1";
  id: string;
  source: { kind: SourceKind; uri?: string; encoding: string };
  language: string;
  text: string;
  dct: Dct;
  meta?: PageMeta;
  structure: Structure;
  entities: Entity[];
  times: TimeExpr[];
  quantities: Quantity[];
  quotes: Quote[];
  events: EventRecord[];
  framing: Framing[];
  tone: Tone;
  topics?: Topic[];
  warnings?: Warning[];
}
