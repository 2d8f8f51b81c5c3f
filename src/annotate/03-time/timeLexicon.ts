/**
 * The time annotator's vocabulary, read once per process from resources/time/*.json and passed
 * through the same normaliser as the text.
 */
import { readJsonResource } from "../../resources.js";
import { normalize } from "../../text/normalize.js";
import { PhraseTable } from "./PhraseTable.js";

export type Unit = "S" | "MIN" | "H" | "D" | "W" | "M" | "Y" | "DE" | "CE";

interface MonthsJson { series: Record<string, string[][]>; ambiguous: string[] }
interface HijriJson { months: string[][]; ambiguous: string[]; era: string[]; gregorianEra: string[] }
interface WeekdaysJson { weekdays: string[][]; bare: string[][] }
interface NumbersJson {
  cardinalUnits: Record<string, number>; cardinalTen: string[]; cardinalTens: Record<string, number>;
  cardinalHundreds: Record<string, number>; cardinalThousands: Record<string, number>; vague: string[];
  ordinalUnits: Record<string, number>; ordinalTen: string[]; ordinalTens: Record<string, number>;
  clockHours: Record<string, number>; clockFractions: Record<string, number>; clockMinus: Record<string, number>;
}
interface VocabularyJson {
  relativeDays: Record<string, number>; relativeDayPairs: Record<string, number>; tonight: Record<string, number>;
  relations: Record<string, number>; this: string[]; unitNouns: Record<string, string>;
  units: Record<string, [string, number]>; definiteUnits: Record<string, string>; trailing: string[];
  durationSignals: string[]; since: string[]; ago: string[]; later: string[];
  partsOfDay: Record<string, string>; periodParts: string[]; quarters: Record<string, string>;
  quarterOrdinals: Record<string, number>; seasons: Record<string, string>; decades: Record<string, number>;
  century: string[]; decade: string[]; setAdverbs: Record<string, string>; every: string[]; clock: string[];
  clockLead: string[]; clockSuffix: Record<string, string>; timezones: string[]; present: Record<string, string>;
  day: string[]; month: string[]; year: string[]; todayAdjectives: string[]; yearBlockPrev: string[];
  yearStrongPrev: string[]; yearCountNouns: string[]; future: string[]; futurePrefixFalse: string[]; vagueTrailing: string[];
}

export interface TimeLexicon {
  months: PhraseTable<{ m: number; amb: boolean }>;
  hijriMonths: PhraseTable<{ m: number; amb: boolean }>;
  weekdays: PhraseTable<number>;
  weekdaysBare: PhraseTable<number>;
  relDays: PhraseTable<number>;
  tonight: PhraseTable<number>;
  relations: PhraseTable<number>;
  unitNouns: PhraseTable<Unit>;
  units: PhraseTable<[Unit, number]>;
  defUnits: PhraseTable<[Unit, number]>;
  durSignals: PhraseTable<true>;
  partsOfDay: PhraseTable<string>;
  clockSuffix: PhraseTable<string>;
  present: PhraseTable<string>;
  era: PhraseTable<true>;
  gregorianEra: PhraseTable<true>;
  seasons: Map<string, string>;
  decades: Map<string, number>;
  setAdverbs: Map<string, string>;
  quarters: Map<string, string>;
  quarterOrdinals: Map<string, number>;
  cardUnits: Map<string, number>;
  cardTen: Set<string>;
  cardTens: Map<string, number>;
  cardBig: Map<string, number>;
  vague: Set<string>;
  ordUnits: Map<string, number>;
  ordTen: Set<string>;
  ordTens: Map<string, number>;
  clockHours: Map<string, number>;
  clockFractions: Map<string, number>;
  clockMinus: Map<string, number>;
  sets: Record<
    | "this" | "trailing" | "since" | "ago" | "later" | "periodParts" | "century" | "decade" | "every" | "clock"
    | "clockLead" | "timezones" | "day" | "month" | "year" | "todayAdjectives" | "yearBlockPrev" | "yearStrongPrev"
    | "yearCountNouns" | "future" | "futurePrefixFalse" | "vagueTrailing",
    Set<string>
  >;
  /** First words that may start a time expression: a token that is none of these (nor digits) is skipped. */
  triggers: Set<string>;
}

let cached: TimeLexicon | undefined;

const nset = (xs: string[]) => new Set(xs.map((x) => normalize(x)));
const nmap = <V>(o: Record<string, V>) => new Map(Object.entries(o).map(([k, v]) => [normalize(k), v] as [string, V]));

export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const mj = readJsonResource<MonthsJson>("time/months.json");
  const hj = readJsonResource<HijriJson>("time/hijri-months.json");
  const wj = readJsonResource<WeekdaysJson>("time/weekdays.json");
  const nj = readJsonResource<NumbersJson>("time/numbers.json");
  const vj = readJsonResource<VocabularyJson>("time/vocabulary.json");

  const amb = nset(mj.ambiguous);
  const months = new PhraseTable<{ m: number; amb: boolean }>();
  for (const series of Object.values(mj.series)) {
    series.forEach((forms, i) => forms.forEach((f) => months.add(f, { m: i + 1, amb: amb.has(normalize(f)) })));
  }
  const hamb = nset(hj.ambiguous);
  const hijriMonths = new PhraseTable<{ m: number; amb: boolean }>();
  hj.months.forEach((forms, i) => forms.forEach((f) => hijriMonths.add(f, { m: i + 1, amb: hamb.has(normalize(f)) })));
  const weekdays = new PhraseTable<number>();
  wj.weekdays.forEach((forms, i) => forms.forEach((f) => weekdays.add(f, i)));
  const weekdaysBare = new PhraseTable<number>();
  wj.bare.forEach((forms, i) => forms.forEach((f) => weekdaysBare.add(f, i)));

  const relDays = new PhraseTable<number>().addAll(vj.relativeDays).addAll(vj.relativeDayPairs);
  const sets = {
    this: nset(vj.this), trailing: nset(vj.trailing), since: nset(vj.since), ago: nset(vj.ago), later: nset(vj.later),
    periodParts: nset(vj.periodParts), century: nset(vj.century), decade: nset(vj.decade), every: nset(vj.every),
    clock: nset(vj.clock), clockLead: nset(vj.clockLead), timezones: nset(vj.timezones), day: nset(vj.day),
    month: nset(vj.month), year: nset(vj.year), todayAdjectives: nset(vj.todayAdjectives),
    yearBlockPrev: nset(vj.yearBlockPrev), yearStrongPrev: nset(vj.yearStrongPrev),
    yearCountNouns: nset(vj.yearCountNouns), future: nset(vj.future), futurePrefixFalse: nset(vj.futurePrefixFalse), vagueTrailing: nset(vj.vagueTrailing),
  };
  const lex: TimeLexicon = {
    months, hijriMonths, weekdays, weekdaysBare, relDays,
    tonight: new PhraseTable<number>().addAll(vj.tonight),
    relations: new PhraseTable<number>().addAll(vj.relations),
    unitNouns: new PhraseTable<Unit>().addAll(vj.unitNouns as Record<string, Unit>),
    units: new PhraseTable<[Unit, number]>().addAll(vj.units as Record<string, [Unit, number]>),
    defUnits: new PhraseTable<[Unit, number]>().addAll(
      Object.fromEntries(Object.entries(vj.definiteUnits).map(([k, v]) => {
        const m = /^([A-Z]+?)(\d?)$/.exec(v)!;
        return [k, [m[1] as Unit, m[2] ? +m[2] : 0]];
      })) as Record<string, [Unit, number]>,
    ),
    durSignals: new PhraseTable<true>().addAll(vj.durationSignals.map((s) => [s, true] as [string, true])),
    partsOfDay: new PhraseTable<string>().addAll(vj.partsOfDay),
    clockSuffix: new PhraseTable<string>().addAll(vj.clockSuffix),
    present: new PhraseTable<string>().addAll(vj.present),
    era: new PhraseTable<true>().addAll(hj.era.map((s) => [s, true] as [string, true])),
    gregorianEra: new PhraseTable<true>().addAll(hj.gregorianEra.map((s) => [s, true] as [string, true])),
    seasons: nmap(vj.seasons), decades: nmap(vj.decades), setAdverbs: nmap(vj.setAdverbs),
    quarters: nmap(vj.quarters), quarterOrdinals: nmap(vj.quarterOrdinals),
    cardUnits: nmap({ ...nj.cardinalUnits, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2 }),
    cardTen: nset(nj.cardinalTen), cardTens: nmap(nj.cardinalTens),
    cardBig: nmap({ ...nj.cardinalHundreds, ...nj.cardinalThousands }), vague: nset(nj.vague),
    ordUnits: nmap(nj.ordinalUnits), ordTen: nset(nj.ordinalTen), ordTens: nmap(nj.ordinalTens),
    clockHours: nmap(nj.clockHours), clockFractions: nmap(nj.clockFractions), clockMinus: nmap(nj.clockMinus),
    sets, triggers: new Set(),
  };
  const t = lex.triggers;
  for (const table of [lex.months, lex.hijriMonths, lex.weekdays, lex.relDays, lex.tonight, lex.unitNouns, lex.units, lex.defUnits, lex.durSignals, lex.partsOfDay, lex.present]) {
    for (const k of table.byFirst.keys()) t.add(k);
  }
  for (const m of [lex.seasons, lex.decades, lex.setAdverbs, lex.quarters, lex.cardUnits, lex.cardTens, lex.ordUnits, lex.ordTens, lex.clockHours]) {
    for (const k of m.keys()) t.add(k);
  }
  for (const s of [sets.this, sets.since, sets.ago, sets.later, sets.periodParts, sets.century, sets.decade, sets.every, sets.clock, sets.clockLead, sets.day, sets.month, sets.year]) {
    for (const k of s) t.add(k);
  }
  for (const k of lex.cardTen) t.add(k);
  for (const k of lex.vague) t.add(k);
  for (const k of lex.decades.keys()) t.add("ال" + k);
  t.add("ال"); // "الـ24 ساعة الماضية"
  return (cached = lex);
}
