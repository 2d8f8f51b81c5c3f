/**
 * `rasd eval times FILE [--predictions PRED.json] [--split dev|heldout] [--errors] [--json]`:
 * scores the time annotator (or another system's predictions) on a JSON Lines test set of
 * `{id, split, dct, text, expected: [{text, type, value}]}` (test/data/times/README.md). Prints
 * precision, recall and F1 for exact and for overlapping spans, and the value (and type) accuracy
 * over the overlapping matches, per split and overall.
 */
import { readFileSync, existsSync } from "node:fs";
import { RasdError } from "../errors.js";
import { parseArgs } from "../cli/args.js";
import type { Document } from "../types.js";
import { dctAnnotator } from "../annotate/03-time/DctAnnotator.js";
import { timeAnnotator } from "../annotate/03-time/TimeAnnotator.js";
import { emptyCounts, figures, scoreSpans, type ScoredSpan, type SpanCounts, type SpanFigures } from "./scoreSpans.js";

export interface TimeTestItem {
  id: string;
  split?: string;
  dct: string | null;
  text: string;
  expected: Array<{ text: string; type: string; value: string; start?: number }>;
}

export type TimePredictions = Record<string, ScoredSpan[]>;

/** Reads a JSON Lines test set; a line that is not an item is an error naming the line. */
export function readTimeTestSet(text: string): TimeTestItem[] {
  const out: TimeTestItem[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let o: TimeTestItem;
    try {
      o = JSON.parse(line) as TimeTestItem;
    } catch (e) {
      throw new RasdError("RASD_USAGE", `line ${i + 1} is not JSON: ${(e as Error).message}`);
    }
    if (typeof o.text !== "string" || !Array.isArray(o.expected)) throw new RasdError("RASD_USAGE", `line ${i + 1}: expected {id, dct, text, expected: [...]}`);
    out.push({ ...o, id: o.id ?? `line-${i + 1}` });
  });
  return out;
}

/** Gold spans located in the text: each expected text is searched after the previous one. */
export function goldSpans(item: TimeTestItem): ScoredSpan[] {
  let from = 0;
  return item.expected.map((x) => {
    let s = x.start ?? item.text.indexOf(x.text, from);
    if (s < 0) s = item.text.indexOf(x.text);
    if (s < 0) throw new RasdError("RASD_USAGE", `item ${item.id}: expected text "${x.text}" is not in the text`);
    from = s + x.text.length;
    return { start: s, end: s + x.text.length, value: x.value, type: x.type };
  });
}

/** The time annotator's spans for one item, with the item's DCT as given (or none). */
export function annotateItem(item: TimeTestItem): ScoredSpan[] {
  const doc: Document = {
    id: item.id,
    text: item.text,
    source: { kind: "text", encoding: "utf-8" },
    meta: {},
    dct: item.dct ? { value: item.dct, origin: "given" } : { value: null, origin: "none" },
    warnings: [],
  };
  const dct = dctAnnotator.run(doc, {});
  return timeAnnotator.run(doc, { dct }).map((t) => ({ start: t.start, end: t.end, value: t.value, type: t.type }));
}

export interface TimesEvalResult {
  bySplit: Record<string, SpanFigures>;
  errors: string[];
}

export function evalTimes(items: readonly TimeTestItem[], predictions?: TimePredictions, onlySplit?: string): TimesEvalResult {
  const counts: Record<string, SpanCounts> = { all: emptyCounts() };
  const errors: string[] = [];
  for (const item of items) {
    const split = item.split ?? "all";
    if (onlySplit && split !== onlySplit) continue;
    const gold = goldSpans(item);
    const pred = predictions ? predictions[item.id] ?? [] : annotateItem(item);
    const c = (counts[split] ??= emptyCounts());
    const { pairs, spurious } = scoreSpans(gold, pred, counts.all!);
    if (split !== "all") scoreSpans(gold, pred, c);
    const show = (s: ScoredSpan) => `"${item.text.slice(s.start, s.end)}"=${s.value ?? ""}`;
    for (const p of pairs) {
      if (!p.pred) errors.push(`${item.id}\tMISSED\t${show(p.gold)}`);
      else if (p.pred.value !== p.gold.value) errors.push(`${item.id}\tVALUE\t${show(p.gold)} got ${show(p.pred)}`);
      else if (!p.exact) errors.push(`${item.id}\tSPAN\t${show(p.gold)} got ${show(p.pred)}`);
    }
    for (const s of spurious) errors.push(`${item.id}\tSPURIOUS\t${show(s)}`);
  }
  const bySplit: Record<string, SpanFigures> = {};
  for (const [k, c] of Object.entries(counts)) bySplit[k] = figures(c);
  return { bySplit, errors };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatTimesEval(r: TimesEvalResult): string {
  const lines = ["split      gold  pred | exact P     R    F1 | overlap P    R    F1 | value acc  type acc"];
  const order = Object.keys(r.bySplit).sort((a, b) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b)));
  for (const k of order) {
    const f = r.bySplit[k]!;
    lines.push(
      `${k.padEnd(9)} ${String(f.gold).padStart(5)} ${String(f.predicted).padStart(5)} | ${pct(f.exact.p)} ${pct(f.exact.r)} ${pct(f.exact.f1)} | ${pct(f.overlap.p)} ${pct(f.overlap.r)} ${pct(f.overlap.f1)} | ${pct(f.valueAccuracy)}     ${pct(f.typeAccuracy)}`,
    );
  }
  return lines.join("\n") + "\n";
}

export async function timesEvalCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["errors", "json"], options: ["predictions", "split"] });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new RasdError("RASD_USAGE", "usage: rasd eval times FILE [--predictions PRED.json] [--split dev|heldout] [--errors] [--json]");
  if (!existsSync(file)) throw new RasdError("RASD_SOURCE_NOT_FOUND", file);
  const items = readTimeTestSet(readFileSync(file, "utf8"));
  let preds: TimePredictions | undefined;
  if (typeof flags.predictions === "string") {
    if (!existsSync(flags.predictions)) throw new RasdError("RASD_SOURCE_NOT_FOUND", flags.predictions);
    preds = JSON.parse(readFileSync(flags.predictions, "utf8")) as TimePredictions;
  }
  const r = evalTimes(items, preds, typeof flags.split === "string" ? flags.split : undefined);
  if (flags.json) process.stdout.write(JSON.stringify(r.bySplit, null, 2) + "\n");
  else process.stdout.write(formatTimesEval(r));
  if (flags.errors) process.stdout.write(r.errors.join("\n") + "\n");
  return 0;
}
