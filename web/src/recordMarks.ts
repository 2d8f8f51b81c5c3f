/**
 * The marks a record lays over its text, one list per layer, and the blocks (headline, paragraphs,
 * page chrome) the reading view shows. Spans that do not fit the text are dropped, not trusted.
 */
import type { Layer, Mark } from "./annotationTree";
import type { ApiRecord } from "./api";

export function recordMarks(rec: ApiRecord, layers: ReadonlySet<Layer>): Mark[] {
  const n = rec.text.length;
  const ok = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
  const marks: Mark[] = [];
  const add = (layer: Layer, s: { start: number; end: number }, ref: number) => {
    if (layers.has(layer) && ok(s)) marks.push({ start: s.start, end: s.end, layer, ref });
  };
  rec.entities.forEach((e, i) => e.mentions.forEach((m) => add("entity", m, i)));
  rec.times.forEach((t, i) => add("time", t, i));
  rec.quotes.forEach((q, i) => add("quote", q, i));
  rec.framing.forEach((f, i) => add("framing", f, i));
  rec.quantities.forEach((q, i) => add("quantity", q, i));
  rec.events.forEach((ev, i) => add("event", ev.trigger, i));
  return marks;
}

export interface Block {
  kind: "headline" | "paragraph" | "chrome";
  start: number;
  end: number;
}

/** Headline and body from the record's structure; without one, the text's non-empty lines. */
export function recordBlocks(rec: ApiRecord): Block[] {
  const n = rec.text.length;
  const inText = (s: { start: number; end: number }) => s.start >= 0 && s.end <= n && s.start < s.end;
  const st = rec.structure;
  const blocks: Block[] = [];
  for (const h of st.headlineSpans ?? []) if (inText(h)) blocks.push({ kind: "headline", start: h.start, end: h.end });
  for (const p of st.paragraphs ?? []) if (inText(p)) blocks.push({ kind: "paragraph", start: p.start, end: p.end });
  for (const b of st.boilerplate ?? []) if (inText(b)) blocks.push({ kind: "chrome", start: b.start, end: b.end });
  if (!blocks.some((b) => b.kind === "paragraph")) {
    const covered = blocks.filter((b) => b.kind !== "paragraph");
    const re = /[^\n]+/g;
    for (let m = re.exec(rec.text); m; m = re.exec(rec.text)) {
      const s = m.index, e = m.index + m[0].length;
      if (!m[0].trim() || covered.some((b) => b.start < e && b.end > s)) continue;
      blocks.push({ kind: "paragraph", start: s, end: e });
    }
  }
  return blocks.sort((a, b) => a.start - b.start);
}
