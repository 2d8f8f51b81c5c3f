/** Date buckets for the desk's charts. */
export interface DateCount {
  date: string;
  count: number;
}

/**
 * Buckets on an even time axis: days when the span is short, months otherwise, with the empty
 * days or months in between filled with zero so the gaps show.
 */
export function foldDates(buckets: readonly DateCount[], maxDays = 62): DateCount[] {
  const sorted = [...buckets].filter((b) => /^\d{4}-\d{2}/.test(b.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (sorted.length === 0) return [];
  const day = (s: string) => Date.parse(`${s.length === 7 ? `${s}-01` : s.slice(0, 10)}T00:00:00Z`);
  const first = day(sorted[0]!.date), last = day(sorted[sorted.length - 1]!.date);
  const byDay = sorted.every((b) => b.date.length >= 10) && (last - first) / 86_400_000 < maxDays;
  const key = (t: number) => new Date(t).toISOString().slice(0, byDay ? 10 : 7);
  const sums = new Map<string, number>();
  for (const b of sorted) sums.set(key(day(b.date)), (sums.get(key(day(b.date))) ?? 0) + b.count);
  const out: DateCount[] = [];
  const d = new Date(first);
  if (!byDay) d.setUTCDate(1);
  while (d.getTime() <= last && out.length < 400) {
    const k = key(d.getTime());
    out.push({ date: k, count: sums.get(k) ?? 0 });
    if (byDay) d.setUTCDate(d.getUTCDate() + 1);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}
