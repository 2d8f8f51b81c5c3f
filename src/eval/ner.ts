/**
 * `rasd eval ner FILE.conll`: exact-match entity precision, recall and F1, overall and per type, with
 * conlleval's semantics. A file of `token TAB gold` lines is tagged with the committed model first; a
 * file of `token TAB gold TAB predicted` lines (the output of `rasd tag --conll`) is scored as it is.
 */
import { readFileSync, existsSync } from "node:fs";
import { RasdError } from "../errors.js";
import { parseConll, type ConllSentence } from "../ner/conll.js";
import { nerModel } from "../ner/NerModel.js";
import { tagSentences } from "../ner/tagSentences.js";
import { evaluateEntities, formatScores, type EntityScores } from "../ner/evaluateEntities.js";

const norm = (t: string) => (t === "B-PERS" ? "B-PER" : t === "I-PERS" ? "I-PER" : t || "O");

/** Scores a CoNLL text; returns the scores and the report. */
export function evalNer(text: string): { scores: EntityScores; report: string } {
  const sents = parseConll(text).filter((s): s is ConllSentence => "tokens" in s);
  const cols = sents.flatMap((s) => s.lines.map((l) => l.split("\t").length));
  const hasPred = cols.length > 0 && cols.every((c) => c >= 3);
  let gold: string[][], pred: string[][];
  if (hasPred) {
    gold = sents.map((s) => s.lines.map((l) => norm(l.split("\t")[1]!.trim())));
    pred = sents.map((s) => s.lines.map((l) => norm(l.split("\t").pop()!.trim())));
  } else {
    if (!sents.every((s) => s.tags.every((t) => t !== ""))) throw new RasdError("RASD_USAGE", "every line needs a gold tag after a TAB (token TAB tag)");
    gold = sents.map((s) => s.tags.map(norm));
    pred = tagSentences(nerModel(), sents.map((s) => s.tokens));
  }
  const scores = evaluateEntities(gold, pred);
  return { scores, report: formatScores(scores) };
}

export async function nerEvalCommand(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) throw new RasdError("RASD_USAGE", "usage: rasd eval ner FILE.conll");
  if (file !== "-" && !existsSync(file)) throw new RasdError("RASD_SOURCE_NOT_FOUND", file);
  const { report } = evalNer(readFileSync(file === "-" ? 0 : file, "utf8"));
  process.stdout.write(report);
  return 0;
}
