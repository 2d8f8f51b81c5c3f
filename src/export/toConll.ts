/**
 * Entities as CoNLL: one token a line, `token<TAB>BIO-tag`, a blank line between sentences and a
 * `-DOCSTART- <id>` line before each article. Tokens are cut at mention boundaries, so a clitic
 * stays outside its entity ("و O", "ترامب B-PER"), as the record's spans say.
 */
import type { RasdRecord } from "../types.js";
import { tokenize } from "../text/tokenize.js";
import { splitSentences } from "../text/sentences.js";

export function toConll(rec: RasdRecord): string {
  const tag = new Map<number, string>(); // token start offset → tag
  const bounds: Array<{ start: number; end: number; type: string }> = [];
  for (const e of rec.entities) for (const m of e.mentions) bounds.push({ start: m.start, end: m.end, type: e.type });
  bounds.sort((a, b) => a.start - b.start);
  const cuts = new Set<number>();
  for (const b of bounds) {
    cuts.add(b.start);
    cuts.add(b.end);
  }
  const lines: string[] = [`-DOCSTART- ${rec.id}`, ""];
  const sentences = splitSentences(rec.text);
  const ranges = sentences.length ? sentences : [{ start: 0, end: rec.text.length, text: rec.text }];
  for (const s of ranges) {
    const out: string[] = [];
    for (const t of tokenize(rec.text, s.start, s.end)) {
      // Cut the token where a mention starts or ends inside it.
      const pieces: Array<[number, number]> = [];
      let a = t.start;
      for (let k = t.start + 1; k < t.end; k++) {
        if (cuts.has(k)) {
          pieces.push([a, k]);
          a = k;
        }
      }
      pieces.push([a, t.end]);
      for (const [x, y] of pieces) {
        const text = rec.text.slice(x, y).trim();
        if (!text) continue;
        const m = bounds.find((b) => x >= b.start && y <= b.end);
        let label = "O";
        if (m) label = (x === m.start ? "B-" : "I-") + m.type;
        tag.set(x, label);
        out.push(`${text}\t${label}`);
      }
    }
    if (out.length) lines.push(...out, "");
  }
  return lines.join("\n");
}
