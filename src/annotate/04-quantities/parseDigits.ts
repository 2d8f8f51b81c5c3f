/**
 * The value of a digit token in its normalised form (Arabic-Indic digits already folded to 0-9, ٫ to
 * "." and ٬ to ","): "1,200" 1200, "3.5" 3.5, "3,5" 3.5 (a comma before one or two digits is a decimal
 * comma, as some outlets write it).
 */
export function parseDigits(norm: string): number | undefined {
  if (!/^\d[\d.,]*$/.test(norm)) return undefined;
  let s = norm;
  if (s.includes(",")) {
    const groups = s.split(",");
    const thousands = groups.slice(1).every((g) => /^\d{3}(\.\d+)?$/.test(g));
    s = thousands ? groups.join("") : groups.length === 2 && !s.includes(".") ? groups.join(".") : groups.join("");
  }
  const parts = s.split(".");
  if (parts.length > 2) s = parts.join(""); // "1.200.000": dots as thousands separators
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}
