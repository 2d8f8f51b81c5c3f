/**
 * The invariants every record holds, whatever the input (RECORD.md): every span's text equals the
 * slice it names and lies inside the text; entity mentions do not overlap; time values are valid
 * TIMEX3. Used by the tests, the sweep and the benchmark; cheap enough to run on every record.
 */
import type { RasdRecord, Span } from "../types.js";

const TIMEX3 =
  /^(?:(?:\d{4}|\d{3}|\d{2}|XXXX)(?:-(?:\d{2}|XX))?(?:-(?:\d{2}|XX))?(?:T(?:\d{2}|XX)(?::\d{2})?(?::\d{2})?|T(?:MO|AF|EV|NI|DT))?|(?:\d{4}|XXXX)-W(?:\d{2}|XX)(?:-WE)?|(?:\d{4}|XXXX)-(?:Q[1-4]|H[12]|SP|SU|FA|WI|QX)|P(?:(?:\d+(?:\.\d+)?|X)[YMWDH]|T(?:\d+|X)[HMS]|(?:\d+|X)(?:DE|CE|ML))+|PRESENT_REF|PAST_REF|FUTURE_REF|T\d{2}(?::\d{2})?|TMO|TAF|TEV|TNI)$/;

export function isTimex3(value: string): boolean {
  return TIMEX3.test(value);
}

export interface Violation {
  where: string;
  message: string;
}

export function checkRecord(rec: RasdRecord): Violation[] {
  const out: Violation[] = [];
  const text = rec.text;
  const check = (s: Span | undefined, where: string) => {
    if (!s) return;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length)) {
      out.push({ where, message: `span ${s.start}-${s.end} lies outside the text (length ${text.length})` });
    } else if (text.slice(s.start, s.end) !== s.text) {
      out.push({ where, message: `span ${s.start}-${s.end} is '${s.text}' but the text there is '${text.slice(s.start, s.end)}'` });
    }
  };
  const st = rec.structure;
  st.paragraphs.forEach((p, i) => check(p, `paragraph ${i}`));
  st.boilerplate.forEach((p, i) => check(p, `boilerplate ${i}`));
  for (const k of ["sectionSpan", "bylineSpan", "datelineSpan", "publisherSpan"] as const) check(st[k], k);
  st.headlineSpans?.forEach((s, i) => check(s, `headline ${i}`));
  const mentions: Array<[Span, string]> = [];
  for (const e of rec.entities) for (const m of e.mentions) { check(m, `mention of ${e.name}`); mentions.push([m, e.name]); }
  mentions.sort((a, b) => a[0].start - b[0].start);
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i]![0].start < mentions[i - 1]![0].end) out.push({ where: `mention of ${mentions[i]![1]}`, message: `overlaps the mention of ${mentions[i - 1]![1]} at ${mentions[i - 1]![0].start}` });
  }
  rec.times.forEach((t, i) => {
    check(t, `time ${i}`);
    if (!isTimex3(t.value)) out.push({ where: `time ${i}`, message: `'${t.value}' is not a TIMEX3 value` });
  });
  rec.quantities.forEach((q, i) => check(q, `quantity ${i}`));
  rec.quotes.forEach((q, i) => { check(q, `quote ${i}`); check(q.speaker, `quote ${i} speaker`); check(q.cue, `quote ${i} cue`); check(q.channel, `quote ${i} channel`); });
  rec.framing.forEach((f, i) => check(f, `framing ${i}`));
  rec.events.forEach((v, i) => {
    check(v.trigger, `event ${i} trigger`);
    if (v.when !== undefined && !rec.times[v.when]) out.push({ where: `event ${i}`, message: `when=${v.when} names no time` });
  });
  const ids = new Set(rec.entities.map((e) => e.id));
  if (ids.size !== rec.entities.length) out.push({ where: "entities", message: "entity ids are not unique" });
  for (const [i, v] of rec.events.entries()) for (const k of ["actor", "target", "where"] as const) {
    if (v[k] !== undefined && !ids.has(v[k]!)) out.push({ where: `event ${i}`, message: `${k}=${v[k]} names no entity` });
  }
  return out;
}
