/**
 * Numbers in the desk's own chrome (counts, dates, chart labels) follow the reader's choice of
 * Arabic-Indic (٠١٢) or Western (012) digits. The article text itself is never changed.
 */
import type { Digits } from "./prefs";

const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

/** Rewrites the ASCII digits of a string in the chosen shapes. */
export function shapeDigits(s: string, digits: Digits): string {
  return digits === "arab" ? s.replace(/[0-9]/g, (d) => ARABIC_INDIC[d.charCodeAt(0) - 48]!) : s;
}

/** A count with grouping, in the chosen digits. */
export function formatCount(n: number, digits: Digits): string {
  const s = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n);
  return digits === "arab" ? shapeDigits(s, digits).replace(/,/g, "٬").replace(/\./g, "٫") : s;
}
