/**
 * A page's own publication date as YYYY-MM-DD, read the way the page meant it: the calendar date
 * written in "2018-02-18T21:35:43+04:00" (not shifted to UTC), "20190131", "2019/01/31",
 * "31/01/2019", or an RFC 822 date ("Sun, 18 Feb 2018 21:35:43 +0400"). Undefined when unreadable.
 */
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\s)/;
const RFC822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function validDct(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(value + "T00:00:00Z");
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function ymd(y: string, m: string, d: string): string | undefined {
  const v = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return validDct(v) ? v : undefined;
}

export function metaDate(published: string | undefined): string | undefined {
  const s = published?.trim();
  if (!s || s.length > 100) return undefined;
  let m = YMD.exec(s) ?? COMPACT.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  if ((m = DMY.exec(s))) return ymd(m[3]!, m[2]!, m[1]!);
  if ((m = RFC822.exec(s))) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    if (month >= 0) return ymd(m[3]!, String(month + 1), m[1]!);
  }
  return undefined;
}
