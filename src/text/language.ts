/**
 * Language identification, coarse on purpose: rasd analyses Arabic and must say so when handed
 * something else. Counts letters by script over the first 8,000 characters; within the Arabic
 * script, letters only Persian or Urdu use (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں) against letters only Arabic uses
 * (ة ى ي ك) tell Persian and Urdu apart from Arabic.
 */
export function detectLanguage(text: string): string {
  let arabicScript = 0, latin = 0, other = 0;
  let arabicOnly = 0, persian = 0, urdu = 0;
  const n = Math.min(text.length, 8000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfefc) || (c >= 0x0750 && c <= 0x077f)) {
      arabicScript++;
      if (c === 0x0629 || c === 0x0649 || c === 0x064a || c === 0x0643) arabicOnly++;
      else if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06a9 || c === 0x06cc) persian++;
      else if (c === 0x06d2 || c === 0x0679 || c === 0x0688 || c === 0x0691 || c === 0x06ba || c === 0x06be) urdu++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    // Arabic marks, digits and punctuation, and general punctuation, are not letters: skip the regex.
    else if (c > 0x250 && (c < 0x600 || c > 0x6ff) && (c < 0x2000 || c > 0x206f) && /\p{L}/u.test(text[i]!)) other++;
  }
  const letters = arabicScript + latin + other;
  if (letters === 0) return "und";
  if (arabicScript / letters >= 0.3) {
    // An Arabic article quoting a Persian name has a few پ/گ; a Persian text has them everywhere and
    // hardly any ة/ى/ي (Persian writes ی).
    if (arabicScript >= 40 && persian + urdu > arabicOnly * 2) return urdu > persian / 4 ? "ur" : "fa";
    return "ar";
  }
  if (latin >= other) return latin / letters > 0.5 ? "en" : "und";
  return "und";
}
