/**
 * A short line that names the outlet itself: "صحيفة الوطن" (a prefix word: صحيفة, جريدة, موقع, قناة…)
 * or a known outlet name ("سكاي نيوز عربية", "العربية.نت").
 */
import type { Line } from "./splitLines.js";
import { lineKey } from "./lineKey.js";
import { StructureLexicon, compactKey } from "./StructureLexicon.js";

export function matchPublisher(line: Line): boolean {
  if (line.words > 5 || /[.!؟?:]$/.test(line.text)) return false;
  const lex = StructureLexicon.get();
  if (lex.publishers.has(compactKey(line.text))) return true;
  const key = lineKey(line.text);
  const p = StructureLexicon.prefixOf(key, lex.publisherPrefixes);
  return !!p && key.length > p.length && line.words <= 4;
}
