/**
 * `rasd tag --conll [FILE]`: reads CoNLL (one token a line, optionally TAB and a gold tag; a blank
 * line between sentences) from FILE or stdin and writes every input line with the predicted BIO tag
 * appended after a TAB; blank lines are kept, so any conlleval can score the output. Predicted
 * persons are written in the gold column's spelling (PER, or ANERcorp's original PERS).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { parseConll, type ConllSentence } from "../ner/conll.js";
import { nerModel } from "../ner/NerModel.js";
import { tagSentences } from "../ner/tagSentences.js";

export const TAG_USAGE = "usage: rasd tag --conll [FILE]   (FILE or stdin: token[TAB gold] per line, blank line between sentences)";

/** The output text for a CoNLL input text. */
export function tagConll(text: string): string {
  const items = parseConll(text);
  const sents = items.filter((s): s is ConllSentence => "tokens" in s);
  const tags = tagSentences(nerModel(), sents.map((s) => s.tokens));
  // ANERcorp's original release writes persons as B-PERS / I-PERS: where the gold column does, the
  // predictions follow it, so a conlleval that compares the strings scores persons as persons.
  const pers = sents.some((s) => s.tags.some((t) => t === "B-PERS" || t === "I-PERS"));
  const out: string[] = [];
  let k = 0;
  for (const it of items) {
    if ("blank" in it) { out.push(it.blank); continue; }
    const t = tags[k++]!;
    it.lines.forEach((l, i) => out.push(`${l}\t${pers && t[i]!.endsWith("-PER") ? t[i] + "S" : t[i]}`));
  }
  return out.length ? out.join("\n") + "\n" : "";
}

export async function tagCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["conll"] });
  if (!flags.conll) throw new RasdError("RASD_USAGE", `rasd tag reads CoNLL only: pass --conll\n${TAG_USAGE}`);
  if (positionals.length > 1) throw new RasdError("RASD_USAGE", TAG_USAGE);
  const file = positionals[0] ?? "-";
  if (file !== "-" && !existsSync(file)) throw new RasdError("RASD_SOURCE_NOT_FOUND", file);
  process.stdout.write(tagConll(readFileSync(file === "-" ? 0 : file, "utf8")));
  return 0;
}
