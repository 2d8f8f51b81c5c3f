/**
 * What a parser finds: a span of tokens and the meaning of the words, before the publication date
 * is known. `resolveParsed` turns it into a TIMEX3 value once the DCT is settled; `evidence` is what
 * it says about the DCT itself (for inference).
 */
import type { TimeType } from "../../types.js";
import type { Unit } from "./timeLexicon.js";

/** Parts of the clock: an hour (0–24), minutes, or a part of the day (TIMEX3 MO/AF/EV/NI). */
export interface ClockPart {
  h?: number;
  min?: number;
  pod?: string;
}

export type Meaning =
  /** A calendar date or part of one. Fields are what the text states; `rel*` are steps from the DCT. */
  | {
      k: "date";
      y?: number;
      m?: number;
      d?: number;
      /** A relation word on a named month: "كانون الأول الماضي" -1, "الجاري" 0, "المقبل" +1. */
      monthRel?: number;
      /** Steps from the DCT in a unit: "أمس" D-1, "الأسبوع المقبل" W+1, "6 الشهر القادم" M+1 with d=6. */
      rel?: { unit: Unit; n: number };
      /** Weekday named in the text (0 = Sunday). */
      wd?: number;
      /** Relation on a weekday: "الخميس الماضي" -1, "المقبل" +1; undefined: by the sentence's tense. */
      wdRel?: number;
      /** Hijri calendar: month (and day, year) as stated. */
      hijri?: { y?: number; m?: number; d?: number; rel?: number };
      /** The end of a week: "نهاية الأسبوع". */
      weekend?: boolean;
      /** Year written with the Gregorian era mark ("م") — counts as a stated year. */
      quarter?: string; // "Q1", "H2"
      season?: string; // "SU"
    }
  | { k: "decade"; digit: number; century?: number; centuryRel?: number }
  | { k: "century"; c?: number; rel?: number }
  | { k: "decadeRel"; rel: number }
  | { k: "duration"; unit: Unit; n: number | null }
  /** "قبل ثلاثة أيام" / "بعد أسبوعين": a point `dir * n` units from the DCT; n null for "قبل أيام". */
  | { k: "offset"; unit: Unit; n: number | null; dir: number }
  | { k: "set"; value: string }
  | { k: "ref"; value: string };

export interface Parsed {
  /** Token range, end exclusive. */
  ts: number;
  te: number;
  /** Original character offsets (clitics left outside). */
  s: number;
  e: number;
  type: TimeType;
  meaning: Meaning;
  clock?: ClockPart;
  /** Tense of the clause: -1 past (the default in news), +1 future. */
  tense: number;
  /** Which parser found it (for tests and debugging). */
  by: string;
  /** Set when the two calendars of a paired date disagree (the Gregorian wins). */
  warning?: string;
  /** A DCT statement: "اليوم الخميس" → the DCT is a Thursday; "أمس 30 يناير" → it is 31 January. */
  dctHint?: { dayOffset: number };
  /** Value forced by a refiner (a Hijri date that disagrees with its Gregorian twin). */
  forced?: string;
}
