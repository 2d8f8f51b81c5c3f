/**
 * A line that only states when the article was published: "الخميس 31 كانون الثاني 2019",
 * "نشر في: 2019-01-31 10:30", "آخر تحديث 31/01/2019 - 14:05 بتوقيت مكة". A headline that mentions a
 * date ("ترامب يزور الصين في 5 نوفمبر") is not one: besides date words it has content words.
 */
import type { Line } from "./splitLines.js";
import { lineKey } from "./lineKey.js";
import { StructureLexicon } from "./StructureLexicon.js";

// "31/01/2019", "2019-01-31", "31.1.2019"
const NUMERIC_DATE = /\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}/;
/** Words a date line may carry besides the date itself. */
const FILLER = new Set(["م", "ه", "هـ", "ص", "صباحا", "مساء", "ظهرا", "بتوقيت", "مكه", "غرينتش", "جرينتش", "gmt", "utc", "الساعه", "ساعه", "في", "يوم", "الموافق", "am", "pm", "at", "on", "دقيقه", "دقائق", "ساعات", "منذ", "الماضي"]);

export function isDateLine(line: Line): boolean {
  if (line.words > 14 || !/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(line.text)) return false;
  const lex = StructureLexicon.get();
  let key = lineKey(line.text);
  const numeric = NUMERIC_DATE.test(key.replace(/ /g, "")) || NUMERIC_DATE.test(line.text);
  const cue = StructureLexicon.prefixOf(key, lex.datelineCues);
  if (cue) key = key.slice(cue.length).trim();
  let named = false;
  for (const m of lex.months) {
    const at = (" " + key + " ").indexOf(" " + m + " ");
    if (at >= 0) { named = true; key = (key.slice(0, at) + " " + key.slice(at + m.length)).trim(); }
  }
  if (!numeric && !named) return false;
  const rest = key.split(" ").filter((w) => w && !/^\d+$/.test(w) && !FILLER.has(w) && !lex.weekdays.has(w));
  return rest.length <= (cue ? 2 : 1);
}
