/**
 * `rasd eval events FILE.jsonl`: scores the event annotator against sentences annotated by hand.
 * Each line: `{ id, outlet, text, events: [{ trigger, start, end, root, actor? }] }`: the trigger's
 * span in `text`, the two-digit CAMEO root, and the words that name the actor (absent when the
 * sentence names none). Plain "said" is not annotated as an event; "announced" is (010).
 *
 * A predicted event matches a gold one when their triggers overlap (one to one). Reported: trigger
 * precision and recall, CAMEO root accuracy over matched triggers, and actor accuracy over matched
 * triggers whose gold actor is named (the predicted actor's entity — its name or a mention —
 * contains the gold words or lies inside them).
 */
import { loadDocument } from "../sources/index.js";
import { defaultPipeline } from "../pipeline.js";
import { normalize } from "../text/normalize.js";
import type { EventRecord, RasdRecord } from "../types.js";
import { readEvalInput, readJsonLines } from "./evalInput.js";

export interface GoldEvent {
  trigger: string;
  start: number;
  end: number;
  root: string;
  actor?: string;
}

export interface EventSentence {
  id: string;
  outlet?: string;
  text: string;
  events: GoldEvent[];
}

export interface EventScores {
  sentences: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  rootCorrect: number;
  rootAccuracy: number;
  actorCorrect: number;
  actorScored: number;
  actorAccuracy: number;
  misses: string[];
}

const flat = (s: string) => normalize(s).replace(/[«»"“”'‘’.,،:؛!?؟()\-#_]/g, " ").replace(/\s+/g, " ").trim();

function actorMatches(rec: RasdRecord, ev: EventRecord, gold: string): boolean {
  const e = ev.actor ? rec.entities.find((x) => x.id === ev.actor) : undefined;
  if (!e) return false;
  const g = flat(gold);
  return [e.name, ...e.mentions.map((m) => m.text)].map(flat).some((n) => n.length >= 2 && (n.includes(g) || g.includes(n)));
}

export function readEventSentences(text: string): EventSentence[] {
  return readJsonLines<EventSentence>(text);
}

export function evalEvents(sentences: EventSentence[]): EventScores {
  const pipeline = defaultPipeline();
  const s: EventScores = { sentences: sentences.length, gold: 0, predicted: 0, matched: 0, precision: 0, recall: 0, f1: 0, rootCorrect: 0, rootAccuracy: 0, actorCorrect: 0, actorScored: 0, actorAccuracy: 0, misses: [] };
  for (const x of sentences) {
    const rec = pipeline.run(loadDocument({ text: x.text }));
    const pred = rec.events.map((e) => ({ start: e.trigger.start, end: e.trigger.end, ev: e }));
    s.gold += x.events.length;
    s.predicted += pred.length;
    // Any overlap counts for triggers: "إطلاق سراح" and "سراح" name the same event.
    const pairs: Array<[GoldEvent, (typeof pred)[number]]> = [];
    const usedP = new Set<number>();
    for (const g of x.events) {
      const j = pred.findIndex((p, k) => !usedP.has(k) && p.start < g.end && p.end > g.start);
      if (j >= 0) {
        usedP.add(j);
        pairs.push([g, pred[j]!]);
      }
    }
    s.matched += pairs.length;
    for (const [g, p] of pairs) {
      const root = p.ev.cameo.slice(0, 2);
      if (root === g.root) s.rootCorrect++;
      else s.misses.push(`${x.id} root: «${g.trigger}» gold ${g.root}, got ${p.ev.cameo} ${p.ev.label}`);
      if (g.actor) {
        s.actorScored++;
        if (actorMatches(rec, p.ev, g.actor)) s.actorCorrect++;
        else s.misses.push(`${x.id} actor: «${g.trigger}» gold "${g.actor}", got "${rec.entities.find((e) => e.id === p.ev.actor)?.name ?? "-"}"`);
      }
    }
    for (const g of x.events) if (!pairs.some(([y]) => y === g)) s.misses.push(`${x.id} missed: «${g.trigger}» (${g.root})`);
    pred.forEach((p, k) => { if (!usedP.has(k)) s.misses.push(`${x.id} spurious: «${p.ev.trigger.text}» ${p.ev.cameo}`); });
  }
  s.precision = s.predicted ? s.matched / s.predicted : 0;
  s.recall = s.gold ? s.matched / s.gold : 0;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  s.rootAccuracy = s.matched ? s.rootCorrect / s.matched : 0;
  s.actorAccuracy = s.actorScored ? s.actorCorrect / s.actorScored : 0;
  return s;
}

export function formatEventScores(s: EventScores, verbose = false): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    `events: ${s.sentences} sentences, ${s.gold} gold events, ${s.predicted} predicted, ${s.matched} matched (overlapping triggers)`,
    `trigger precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`,
    `CAMEO root accuracy ${pct(s.rootAccuracy)} (${s.rootCorrect}/${s.matched} matched triggers)`,
    `actor accuracy ${pct(s.actorAccuracy)} (${s.actorCorrect}/${s.actorScored} matched events with a named actor)`,
    ...(verbose ? s.misses : []),
    "",
  ].join("\n");
}

export async function eventsEvalCommand(args: string[]): Promise<number> {
  const { content, verbose } = readEvalInput(args, "rasd eval events FILE.jsonl [--verbose]");
  process.stdout.write(formatEventScores(evalEvents(readEventSentences(content)), verbose));
  return 0;
}
