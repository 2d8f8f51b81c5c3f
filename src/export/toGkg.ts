/**
 * A GDELT-GKG-style TSV view of records (after GKG 2.1; the columns are documented in README.md,
 * "Exports"). One line per article, tab-separated, no header unless asked; inside a field, items
 * are separated by ";" and their parts by "," or "#" as in GKG, with those characters removed from
 * the values themselves. Offsets are UTF-16 offsets into the record text.
 */
import type { RasdRecord } from "../types.js";
import { outletOf } from "../store/recordRows.js";

export const GKG_COLUMNS = [
  "GKGRECORDID", "DATE", "SourceCommonName", "DocumentIdentifier", "V2Events", "V2Themes", "V2Locations", "V2Persons",
  "V2Organizations", "V2Tone", "V2EnhancedDates", "V2Quotations", "AllNames", "V2Amounts", "V2ExtrasXML",
] as const;

/** A value safe inside a GKG field: no tabs, newlines or the separators , ; # |. */
function clean(s: string | number | undefined | null): string {
  return String(s ?? "").replace(/[\t\r\n;,#|]+/g, " ").trim();
}

function xml(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!).replace(/[\t\r\n]+/g, " ");
}

export function gkgHeader(): string {
  return GKG_COLUMNS.join("\t");
}

export function toGkg(rec: RasdRecord): string {
  const ents = (type: string) =>
    rec.entities
      .filter((e) => e.type === type)
      .flatMap((e) => e.mentions.map((m) => `${clean(e.name)}#${clean(e.en)}#${clean(e.kb)},${m.start}`))
      .join(";");
  const byId = new Map(rec.entities.map((e) => [e.id, e]));
  const t = rec.tone;
  const cols: string[] = [
    clean(rec.id),
    rec.dct?.value ? rec.dct.value.replace(/-/g, "") : "",
    clean(outletOf(rec)),
    clean(rec.meta?.url ?? rec.source?.uri),
    rec.events.map((e) => [clean(e.cameo), clean(e.label), clean(byId.get(e.actor ?? "")?.name), clean(byId.get(e.target ?? "")?.name), e.trigger.start].join("#")).join(";"),
    (rec.topics ?? []).map((x) => `${clean(x.label)},${x.score}`).join(";"),
    ents("LOC"),
    ents("PER"),
    ents("ORG"),
    t ? [t.score, t.positive, t.negative, t.polarity, t.activity, t.selfReference ?? 0, t.groupReference ?? 0, t.words].join(",") : "",
    rec.times.map((x) => `${clean(x.value)}#${x.type}#${clean(x.text)},${x.start}`).join(";"),
    rec.quotes.map((q) => `${q.start}|${q.end - q.start}|${clean(q.cue?.text)}|${clean(q.speaker?.text)}|${clean(q.text)}`).join("#"),
    rec.entities.flatMap((e) => e.mentions.map((m) => `${clean(m.text)},${m.start}`)).join(";"),
    rec.quantities.map((q) => `${q.value},${clean(q.object ?? q.unit)},${q.start}`).join(";"),
    `<PAGE_TITLE>${xml(rec.structure?.headline ?? rec.meta?.title ?? "")}</PAGE_TITLE>`,
  ];
  return cols.join("\t");
}
