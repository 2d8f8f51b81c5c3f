/**
 * Times as TimeML: the article text with each time expression wrapped in a TIMEX3 element (tid, type,
 * value), and the publication date as the document creation time. One TimeML document per article.
 */
import type { RasdRecord } from "../types.js";

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

export function toTimeml(rec: RasdRecord): string {
  const times = [...rec.times].map((t, i) => ({ ...t, tid: `t${i + 1}` })).sort((a, b) => a.start - b.start || b.end - a.end);
  let body = "";
  let pos = 0;
  for (const t of times) {
    if (t.start < pos) continue; // nested or overlapping: TimeML TIMEX3s do not overlap
    body += esc(rec.text.slice(pos, t.start));
    body += `<TIMEX3 tid="${t.tid}" type="${esc(t.type)}" value="${esc(t.value)}">${esc(rec.text.slice(t.start, t.end))}</TIMEX3>`;
    pos = t.end;
  }
  body += esc(rec.text.slice(pos));
  const dct = rec.dct?.value ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${rec.dct.value}" temporalFunction="false" functionInDocument="CREATION_TIME">${rec.dct.value}</TIMEX3></DCT>\n` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>${esc(rec.id)}</DOCID>\n${dct}<TEXT>${body}</TEXT>\n</TimeML>\n`;
}
