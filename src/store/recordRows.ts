/**
 * A record taken apart into the rows both engines store: the article (with its search terms), its
 * entities and mentions, times (with the date range each covers), quotes, events, framing; plus the
 * near-duplicate signature and story features. Computed once, in plain data, so both engines store
 * exactly the same thing and ingest workers can compute it off the writer's thread.
 */
import type { RasdRecord } from "../types.js";
import { stemTokens } from "../text/stem.js";
import { fieldValue } from "./query/parseQuery.js";
import { entityKey } from "./entityKey.js";
import { bandKeys, shinglesOfStems, signatureBytes, signatureOf } from "../dedup/MinHash.js";
import { headlineOf, storyFeatures } from "../dedup/storyFeatures.js";

export interface ArticleRow {
  id: string;
  headline: string;
  outlet: string | null;
  outletNorm: string | null;
  section: string | null;
  sectionNorm: string | null;
  dct: string | null;
  dctOrigin: string;
  url: string | null;
  kind: string;
  language: string;
  /** Stems of the text, space-separated, in order (what the full-text index holds). */
  terms: string;
  tone: number;
  words: number;
  length: number;
}

export interface EntityRow { idx: number; key: string; type: string; name: string; nameNorm: string; nameStems: string; en: string | null; enNorm: string | null; kb: string | null; mentions: number }
export interface MentionRow { idx: number; start: number; end: number }
export interface TimeRow { idx: number; type: string; value: string; start: number; end: number; from: string | null; to: string | null }
export interface QuoteRow { idx: number; kind: string; start: number; end: number; speaker: string | null; speakerStems: string | null; speakerKey: string | null; speakerStart: number | null; speakerEnd: number | null; cue: string | null }
export interface EventRow { idx: number; cameo: string; label: string; start: number; end: number; actor: string | null; target: string | null; place: string | null; time: number | null }
export interface FramingRow { idx: number; kind: string; start: number; end: number }

export interface RecordRows {
  article: ArticleRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  times: TimeRow[];
  quotes: QuoteRow[];
  events: EventRow[];
  framing: FramingRow[];
  signature: Buffer;
  shingles: number;
  bands: number[];
  features: number[];
  /** The record as JSON with an empty text, and the text (stored apart: snippets need only the text). */
  json: string;
  text: string;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The calendar range a TIMEX3 value covers ("2019-01" → 2019-01-01..2019-01-31); null when it has no date. */
export function timexRange(value: string): [string, string] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86400000) + (Number(m[2]) - 1) * 7 * 86400000;
    return [new Date(monday).toISOString().slice(0, 10), new Date(monday + 6 * 86400000).toISOString().slice(0, 10)];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return [`${y}-${pad(mo)}-01`, `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`];
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  return null;
}

function joinStems(s: string): string {
  return stemTokens(s).map((t) => t.stem).join(" ");
}

/** The outlet a record names: page metadata first, then what the text's structure says. */
export function outletOf(rec: RasdRecord): string | null {
  return rec.meta?.outlet ?? rec.meta?.publisher ?? rec.structure?.publisher ?? null;
}
export function sectionOf(rec: RasdRecord): string | null {
  return rec.meta?.section ?? rec.meta?.category ?? rec.structure?.section ?? null;
}

export function recordRows(rec: RasdRecord): RecordRows {
  const outlet = outletOf(rec);
  const section = sectionOf(rec);
  const toks = stemTokens(rec.text);
  const stems = toks.map((t) => t.stem);
  const terms = stems.join(" ");
  const sig = signatureOf(shinglesOfStems(stems));
  let lead = toks.length;
  while (lead > 0 && toks[lead - 1]!.end > 4000) lead--;
  const entities: EntityRow[] = [];
  const mentions: MentionRow[] = [];
  const localToKey = new Map<string, string>();
  rec.entities.forEach((e, idx) => {
    const key = entityKey(e);
    localToKey.set(e.id, key);
    entities.push({
      idx,
      key,
      type: e.type,
      name: e.name,
      nameNorm: fieldValue(e.name),
      nameStems: joinStems(e.name),
      en: e.en ?? null,
      enNorm: e.en ? fieldValue(e.en) : null,
      kb: e.kb ?? null,
      mentions: e.mentions.length,
    });
    for (const m of e.mentions) mentions.push({ idx, start: m.start, end: m.end });
  });
  const times: TimeRow[] = rec.times.map((t, idx) => {
    const r = timexRange(t.value);
    return { idx, type: t.type, value: t.value, start: t.start, end: t.end, from: r?.[0] ?? null, to: r?.[1] ?? null };
  });
  const quotes: QuoteRow[] = rec.quotes.map((q, idx) => {
    const ent = q.speaker?.entity ? rec.entities.find((e) => e.id === q.speaker!.entity) : undefined;
    const speakerText = q.speaker?.text ?? null;
    const stems = [speakerText ? joinStems(speakerText) : "", ent ? joinStems(ent.name) : "", ent?.en ? joinStems(ent.en) : ""].filter(Boolean).join(" ");
    return {
      idx,
      kind: q.kind,
      start: q.start,
      end: q.end,
      speaker: ent?.name ?? speakerText,
      speakerStems: stems ? ` ${stems} ` : null,
      speakerKey: ent ? entityKey(ent) : null,
      speakerStart: q.speaker?.start ?? null,
      speakerEnd: q.speaker?.end ?? null,
      cue: q.cue?.text ?? null,
    };
  });
  const events: EventRow[] = rec.events.map((ev, idx) => ({
    idx,
    cameo: ev.cameo,
    label: ev.label,
    start: ev.trigger.start,
    end: ev.trigger.end,
    actor: ev.actor ? localToKey.get(ev.actor) ?? ev.actor : null,
    target: ev.target ? localToKey.get(ev.target) ?? ev.target : null,
    place: ev.where ? localToKey.get(ev.where) ?? ev.where : null,
    time: ev.when ?? null,
  }));
  const framing: FramingRow[] = rec.framing.map((f, idx) => ({ idx, kind: f.kind, start: f.start, end: f.end }));
  return {
    article: {
      id: rec.id,
      headline: headlineOf(rec),
      outlet,
      outletNorm: outlet ? fieldValue(outlet) : null,
      section,
      sectionNorm: section ? fieldValue(section) : null,
      dct: rec.dct?.value ?? null,
      dctOrigin: rec.dct?.origin ?? "none",
      url: rec.meta?.url ?? rec.source?.uri ?? null,
      kind: rec.source?.kind ?? "text",
      language: rec.language,
      terms,
      tone: rec.tone?.score ?? 0,
      words: rec.tone?.words ?? 0,
      length: rec.text.length,
    },
    entities,
    mentions,
    times,
    quotes,
    events,
    framing,
    signature: signatureBytes(sig),
    shingles: sig.size,
    bands: bandKeys(sig),
    features: storyFeatures(rec, stems.slice(0, lead)),
    json: JSON.stringify({ ...rec, text: "" }),
    text: rec.text,
  };
}
