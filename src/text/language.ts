/**
 * Language identification, coarse on purpose: rasd analyses Arabic and must say so when handed
 * something else. Counts letters by script over the first 20,000 characters.
 */
export function detectLanguage(text: string): string {
  let arabic = 0, latin = 0, other = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfefc) || (c >= 0x0750 && c <= 0x077f)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c > 0x250 && /\p{L}/u.test(text[i]!)) other++;
  }
  const letters = arabic + latin + other;
  if (letters === 0) return "und";
  if (arabic / letters >= 0.3) return "ar";
  if (latin >= other) return latin / letters > 0.5 ? "en" : "und";
  return "und";
}
