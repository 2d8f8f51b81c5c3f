/**
 * 01-structure: what the page is made of — section, headline, byline, dateline, publisher, the body's
 * paragraphs, and the page chrome around them.
 *
 * 1. Split the text into lines (a paragraph a line, as scraped pages and rasd's HTML source lay it out)
 *    and mark chrome lines (BoilerplateDetector).
 * 2. Header: from the top, take the headline the source already knows (doc.layout) or the short,
 *    unpunctuated title lines; a short first title line above the headline is the section; byline,
 *    date and publisher lines are recognised on the way. The header ends at the byline or at the
 *    first line shaped like prose.
 * 3. Trailer: from the bottom, publisher, agency/source and date lines and chrome.
 * 4. Body: every line between that is not chrome; a lead dateline ("دبي، الإمارات (CNN)—") opening
 *    the first paragraph is read as dateline and byline.
 * 5. What the page declared (doc.meta: section, author, publisher, title) fills what the text left open.
 */
import type { Annotator, Document, Span, Structure } from "../../types.js";
import { splitLines, type Line } from "./splitLines.js";
import { BoilerplateDetector } from "./BoilerplateDetector.js";
import { BylineParser, type BylineHit } from "./BylineParser.js";
import { isDateLine } from "./isDateLine.js";
import { matchPublisher } from "./matchPublisher.js";
import { lineKey } from "./lineKey.js";
import { StructureLexicon } from "./StructureLexicon.js";

/** The header is looked for in the first lines only. */
const MAX_HEADER_LINES = 12;
/** Title lines above the body: kicker, headline, subtitle (and a section above them). */
const MAX_TITLE_PARTS = 3;
const MAX_HEADLINE_WORDS = 30;
const SENTENCE_END = /[.!؟?:؛]["»”')]?$/;
const PART_SEPARATOR = /\s+(?:…|\.\.\.)\s+/g;

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A line that reads as prose rather than a title. */
function isProse(line: Line): boolean {
  if (line.words > MAX_HEADLINE_WORDS + 10) return true;
  return line.words >= 6 && SENTENCE_END.test(line.text) && !/[؟?!]["»”)]?$/.test(line.text);
}

interface Parts {
  section?: Span;
  title: Line[];
  byline?: Span;
  dateline?: Span;
  publisher?: Span;
}

export function annotateStructure(doc: Document): Structure {
  const text = doc.text;
  const lines = splitLines(text);
  const chrome = new BoilerplateDetector().detect(lines);
  const parser = new BylineParser();
  const lex = StructureLexicon.get();
  const parts: Parts = { title: [] };
  const layoutHeadline = doc.layout?.headline;
  const consumed = new Set<number>(); // lines given a header/trailer role

  const takeByline = (hit: BylineHit, line: Line) => {
    if (!parts.byline) parts.byline = hit.byline;
    if (hit.dateline && !parts.dateline) parts.dateline = hit.dateline;
    consumed.add(line.index);
  };

  // 2. Header.
  let headerEnd = 0;
  let sawByline = false;
  for (let i = 0; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const line = lines[i]!;
    headerEnd = i + 1;
    if (layoutHeadline && overlaps(line, layoutHeadline)) { parts.title.push(line); continue; }
    if (isDateLine(line)) { parts.dateline ??= spanOf(line); consumed.add(line.index); continue; }
    // Above the headline only unambiguous bylines ("| وكالات", agencies); below it "PLACE - WHO" too.
    const aboveTitle = !parts.title.length && !layoutHeadline && !sawByline;
    const sectionName = aboveTitle && line.words <= 3 && lex.sections.has(lineKey(line.text));
    const hit = sectionName ? undefined : parser.parseLine(line, aboveTitle ? "trailer" : "header");
    if (hit && !(chrome.has(line.index) && !parts.title.length)) { takeByline(hit, line); sawByline = true; continue; }
    if (chrome.has(line.index)) continue;
    if (!parts.title.length && !sawByline && matchPublisher(line) && !lex.sections.has(lineKey(line.text))) {
      parts.publisher ??= spanOf(line); consumed.add(line.index); continue;
    }
    const next = lines[i + 1];
    if (isNameLine(line, parts.title, next, lex)) { takeByline({ byline: spanOf(line) }, line); sawByline = true; continue; }
    const titleShaped = !isProse(line) && (line.words <= 15 || !next || next.blankBefore || !!parser.parseLine(next, "header"));
    if (sawByline || !titleShaped || parts.title.length > MAX_TITLE_PARTS || (layoutHeadline && line.start >= layoutHeadline.end)) {
      headerEnd = i;
      break;
    }
    parts.title.push(line);
  }
  const titleLines = [...parts.title];
  assignTitle(parts, layoutHeadline, lex, consumed);
  // Title lines that did not fit (more than a headline has) give their place back to the body.
  const dropped = titleLines.find((l) => !consumed.has(l.index));
  const from = dropped ? Math.min(dropped.index, headerEnd) : headerEnd;

  // 3. Trailer.
  let to = lines.length;
  for (let j = lines.length - 1; j > from; j--) {
    const line = lines[j]!;
    if (chrome.has(line.index)) { to = j; continue; }
    if (matchPublisher(line)) { parts.publisher ??= spanOf(line); consumed.add(line.index); to = j; continue; }
    const hit = parser.parseLine(line, "trailer");
    if (hit) {
      // A closing agency or source line ("(أ ف ب)", "*نقلاً عن الرؤية") yields to a byline the
      // header or the page declared.
      if (!parts.byline && !doc.meta.author) takeByline(hit, line);
      else { consumed.add(line.index); if (hit.dateline) parts.dateline ??= hit.dateline; }
      to = j;
      continue;
    }
    if (isDateLine(line)) { parts.dateline ??= spanOf(line); consumed.add(line.index); to = j; continue; }
    break;
  }

  // 4. Body.
  const paragraphs: Span[] = [];
  const boilerplate: Span[] = [];
  for (const line of lines) {
    if (chrome.has(line.index) && !consumed.has(line.index)) boilerplate.push(spanOf(line));
    else if (line.index >= from && line.index < to && !consumed.has(line.index)) paragraphs.push(spanOf(line));
  }
  if (paragraphs.length) {
    // The page's declared author outranks an agency named in the lead ("(CNN)—").
    const lead = parser.parseLead({ ...paragraphs[0]!, index: -1, words: 0, blankBefore: true });
    if (lead) {
      if (!parts.dateline && lead.dateline) parts.dateline = lead.dateline;
      if (!parts.byline && !doc.meta.author) parts.byline = lead.byline;
    }
  }

  // 5. Assemble, with the page's own metadata where the text was silent.
  const st: Structure = { paragraphs, boilerplate };
  if (parts.section) { st.section = parts.section.text; st.sectionSpan = parts.section; }
  else if (doc.meta.section) st.section = doc.meta.section;
  const headlineSpans = parts.title.flatMap(splitParts);
  if (headlineSpans.length) { st.headline = headlineSpans.map((s) => s.text).join(" … "); st.headlineSpans = headlineSpans; }
  else if (doc.meta.title) st.headline = doc.meta.title;
  if (parts.byline) { st.byline = parts.byline.text; st.bylineSpan = parts.byline; }
  else if (doc.meta.author) st.byline = declaredByline(doc.meta.author, parser);
  if (parts.dateline) { st.dateline = parts.dateline.text; st.datelineSpan = parts.dateline; }
  else if (!parts.byline && doc.meta.author) {
    const place = datelineOfAuthor(doc.meta.author, parser);
    if (place) st.dateline = place;
  }
  if (parts.publisher) { st.publisher = parts.publisher.text; st.publisherSpan = parts.publisher; }
  else if (doc.meta.publisher) st.publisher = doc.meta.publisher;
  return st;
}

/**
 * A reporter's bare name under the headline ("علاوة مزياني"): two to four words, no digits or
 * punctuation, right above the prose, below a full headline (a short line under a section line is
 * the headline itself).
 */
function isNameLine(line: Line, title: readonly Line[], next: Line | undefined, lex: StructureLexicon): boolean {
  if (line.words < 2 || line.words > 4 || !next || !isProse(next)) return false;
  if (/[\d.,،:؛!؟?«»"“”()|\-–—]/.test(line.text)) return false;
  const above = title.at(-1);
  if (!above || !(title.length >= 2 || above.words >= 5)) return false;
  return !lex.sections.has(lineKey(line.text));
}

function spanOf(line: Line): Span {
  return { start: line.start, end: line.end, text: line.text };
}

/** Splits the title lines into section and headline parts. */
function assignTitle(parts: Parts, layoutHeadline: Span | undefined, lex: StructureLexicon, consumed: Set<number>): void {
  const title = parts.title;
  const isSectionLike = (l: Line) => l.words <= 3 && !SENTENCE_END.test(l.text) && !/[«»"“”]/.test(l.text);
  if (layoutHeadline) {
    // Short lines above the source's headline are the section.
    const before = title.filter((l) => l.end <= layoutHeadline.start);
    const first = before[0];
    if (first && isSectionLike(first)) parts.section = spanOf(first);
    parts.title = title.filter((l) => overlaps(l, layoutHeadline));
  } else if (title.length >= 2 && isSectionLike(title[0]!)) {
    parts.section = spanOf(title[0]!);
    parts.title = title.slice(1);
  } else if (title.length === 1 && title[0]!.words <= 2 && lex.sections.has(lineKey(title[0]!.text))) {
    parts.section = spanOf(title[0]!);
    parts.title = [];
  }
  if (parts.title.length > MAX_TITLE_PARTS) parts.title = parts.title.slice(0, MAX_TITLE_PARTS);
  for (const l of parts.title) consumed.add(l.index);
  if (parts.section) for (const l of title) if (l.start === parts.section.start) consumed.add(l.index);
}

/** "A … B" on one line is two headline parts. */
function splitParts(line: Line): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of line.text.matchAll(PART_SEPARATOR)) {
    if (m.index! > at) out.push({ start: line.start + at, end: line.start + m.index!, text: line.text.slice(at, m.index!) });
    at = m.index! + m[0].length;
  }
  out.push({ start: line.start + at, end: line.end, text: line.text.slice(at) });
  return out.filter((s) => s.text.trim().length > 0);
}

function lineOf(s: string): Line {
  return { start: 0, end: s.length, text: s, index: -1, words: s.split(/\s+/).filter(Boolean).length, blankBefore: true };
}

/** A declared author as a byline: "كتب: أحمد العلي" → "أحمد العلي"; "| وكالات" → "وكالات". */
function declaredByline(author: string, parser: BylineParser): string {
  const a = author.replace(/\s+/g, " ").trim();
  return parser.parseLine(lineOf(a), "header")?.byline.text ?? a;
}

/** "القاهرة - أحمد الريدي" declared as author: the place is the dateline. */
function datelineOfAuthor(author: string, parser: BylineParser): string | undefined {
  return parser.parseLine(lineOf(author.replace(/\s+/g, " ").trim()), "header")?.dateline?.text;
}

export const structureAnnotator: Annotator<"structure"> = {
  name: "structure",
  requires: [],
  assigns: "structure",
  run: (doc) => annotateStructure(doc),
};
