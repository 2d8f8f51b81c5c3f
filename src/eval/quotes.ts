/**
 * `rasd eval quotes FILE.jsonl`: scores the quote annotator against passages annotated by hand.
 * Each line: `{ id, outlet, text, quotes: [{ kind, start, end, text, speaker? }] }`, the spans into
 * `text`, `speaker` the words that name the speaker in the passage (absent when the passage names none).
 *
 * Direct and indirect quotes are scored together: a predicted quote matches a gold quote when their
 * overlap is at least half of the shorter one (one to one, largest overlap first, ties to the closest span). Speaker accuracy
 * is over matched quotes whose gold speaker is named: the predicted speaker's words (or its entity's
 * name and mentions) contain the gold words or lie inside them. Partial quotes are reported apart.
 */
import { loadDocument } from "../sources/index.js";
import { defaultPipeline } from "../pipeline.js";
import { normalize } from "../text/normalize.js";
import type { Quote, RasdRecord } from "../types.js";
import { readEvalInput, readJsonLines } from "./evalInput.js";

export interface GoldQuote {
  kind: Quote["kind"];
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

export interface QuotePassage {
  id: string;
  outlet?: string;
  text: string;
  quotes: GoldQuote[];
}

export interface QuoteScores {
  passages: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  speakerCorrect: number;
  speakerScored: number;
  speakerAccuracy: number;
  kindCorrect: number;
  partialGold: number;
  partialFound: number;
  misses: string[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const flat = (s: string) => normalize(s).replace(/[«»"“”'‘’.,،:؛!?؟()\-]/g, " ").replace(/\s+/g, " ").trim();

/** One-to-one matching of predicted to gold spans by overlap (≥ half of the shorter span). */
export function matchSpans<G extends { start: number; end: number }, P extends { start: number; end: number }>(gold: G[], pred: P[]): Array<[G, P]> {
  const cands: Array<[number, number, number, number]> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const o = overlap(g, p);
    const union = Math.max(g.end, p.end) - Math.min(g.start, p.start);
    if (o > 0 && o >= 0.5 * Math.min(g.end - g.start, p.end - p.start)) cands.push([o, i, j, union]);
  }));
  // Equal overlaps (a quote nested in another): the pair that differs least goes first.
  cands.sort((a, b) => b[0] - a[0] || a[3] - b[3]);
  const gi = new Set<number>(), pj = new Set<number>();
  const out: Array<[G, P]> = [];
  for (const [, i, j] of cands) {
    if (gi.has(i) || pj.has(j)) continue;
    gi.add(i);
    pj.add(j);
    out.push([gold[i]!, pred[j]!]);
  }
  return out;
}

function speakerMatches(rec: RasdRecord, q: Quote, gold: string): boolean {
  if (!q.speaker) return false;
  const g = flat(gold);
  const names = [q.speaker.text];
  const e = q.speaker.entity ? rec.entities.find((x) => x.id === q.speaker!.entity) : undefined;
  if (e) names.push(e.name, ...e.mentions.map((m) => m.text));
  return names.map(flat).some((n) => n.length >= 2 && (n.includes(g) || g.includes(n)));
}

export function readQuotePassages(text: string): QuotePassage[] {
  return readJsonLines<QuotePassage>(text);
}

/** Runs the pipeline on each passage and scores its quotes. */
export function evalQuotes(passages: QuotePassage[]): QuoteScores {
  const pipeline = defaultPipeline();
  const s: QuoteScores = { passages: passages.length, gold: 0, predicted: 0, matched: 0, precision: 0, recall: 0, f1: 0, speakerCorrect: 0, speakerScored: 0, speakerAccuracy: 0, kindCorrect: 0, partialGold: 0, partialFound: 0, misses: [] };
  for (const p of passages) {
    const rec = pipeline.run(loadDocument({ text: p.text }));
    const gold = p.quotes.filter((q) => q.kind !== "partial");
    const pred = rec.quotes.filter((q) => q.kind !== "partial");
    s.gold += gold.length;
    s.predicted += pred.length;
    const pairs = matchSpans(gold, pred);
    s.matched += pairs.length;
    for (const [g, q] of pairs) {
      if (g.kind === q.kind) s.kindCorrect++;
      if (g.speaker) {
        s.speakerScored++;
        if (speakerMatches(rec, q, g.speaker)) s.speakerCorrect++;
        else s.misses.push(`${p.id} speaker: gold "${g.speaker}", got "${q.speaker?.text ?? "-"}" for «${g.text.slice(0, 40)}»`);
      }
    }
    for (const g of gold) if (!pairs.some(([x]) => x === g)) s.misses.push(`${p.id} missed ${g.kind}: «${g.text.slice(0, 50)}»`);
    for (const q of pred) if (!pairs.some(([, y]) => y === q)) s.misses.push(`${p.id} spurious ${q.kind}: «${q.text.slice(0, 50)}»`);
    const partial = p.quotes.filter((q) => q.kind === "partial");
    s.partialGold += partial.length;
    s.partialFound += matchSpans(partial, rec.quotes).length;
  }
  s.precision = s.predicted ? s.matched / s.predicted : 0;
  s.recall = s.gold ? s.matched / s.gold : 0;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  s.speakerAccuracy = s.speakerScored ? s.speakerCorrect / s.speakerScored : 0;
  return s;
}

export function formatQuoteScores(s: QuoteScores, verbose = false): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    `quotes: ${s.passages} passages, ${s.gold} gold direct+indirect quotes, ${s.predicted} predicted, ${s.matched} matched (overlap >= half the shorter span)`,
    `precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`,
    `speaker accuracy ${pct(s.speakerAccuracy)} (${s.speakerCorrect}/${s.speakerScored} matched quotes with a named speaker)`,
    `kind agreement ${pct(s.matched ? s.kindCorrect / s.matched : 0)} (${s.kindCorrect}/${s.matched})`,
    `partial quotes found ${s.partialFound}/${s.partialGold}`,
    ...(verbose ? s.misses : []),
    "",
  ].join("\n");
}

export async function quotesEvalCommand(args: string[]): Promise<number> {
  const { content, verbose } = readEvalInput(args, "rasd eval quotes FILE.jsonl [--verbose]");
  process.stdout.write(formatQuoteScores(evalQuotes(readQuotePassages(content)), verbose));
  return 0;
}
