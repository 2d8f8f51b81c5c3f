/**
 * What an article is about, as a small set of hashed features for story clustering: its most
 * mentioned entities (archive-wide keys), the content words of its headline, and the words its text
 * repeats most. Two articles within a few days of each other that share enough of these report the
 * same story.
 */
import { readFileSync } from "node:fs";
import type { RasdRecord } from "../types.js";
import { resourcePath } from "../resources.js";
import { stem, stemTokens } from "../text/stem.js";
import { hash48 } from "./hash32.js";
import { entityKey } from "../store/entityKey.js";

/** Articles this many days apart or less can belong to one story. */
export const STORY_WINDOW_DAYS = 3;
/** Shared features needed, absolute and as a share of the smaller set. */
export const STORY_MIN_SHARED = 3;
export const STORY_MIN_OVERLAP = 0.4;
const MAX_ENTITIES = 8;
const MAX_TERMS = 8;

let stop: Set<string> | undefined;
function stopStems(): Set<string> {
  if (!stop) {
    stop = new Set();
    for (const l of readFileSync(resourcePath("store/stopwords.txt"), "utf8").split("\n")) if (l.trim()) stop.add(stem(l.trim()));
  }
  return stop;
}

function contentStem(s: string): boolean {
  return s.length >= 3 && !/^\d+$/.test(s) && !stopStems().has(s);
}

/** The headline as the record knows it: structure, page metadata, or the first line. */
export function headlineOf(rec: RasdRecord): string {
  const h = rec.structure?.headline ?? rec.meta?.title;
  if (h) return h;
  const nl = rec.text.indexOf("\n");
  const first = nl > 0 ? rec.text.slice(0, nl) : rec.text.slice(0, 160);
  return first.length <= 200 ? first.trim() : "";
}

/** The story features of a record (hashed, distinct). */
export function storyFeatures(rec: RasdRecord, leadStems?: readonly string[]): number[] {
  const out = new Set<number>();
  const ents = [...rec.entities].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, MAX_ENTITIES);
  for (const e of ents) out.add(hash48("e:" + entityKey(e)));
  for (const t of stemTokens(headlineOf(rec))) if (contentStem(t.stem)) out.add(hash48("w:" + t.stem));
  const tf = new Map<string, number>();
  const lead = leadStems ?? stemTokens(rec.text.slice(0, 4000)).map((t) => t.stem);
  for (const s of lead) if (s.length >= 4 && contentStem(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
  const top = [...tf].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS);
  for (const [s] of top) out.add(hash48("w:" + s));
  return [...out];
}

/** Whether two feature sets describe the same story. */
export function sameStory(a: readonly number[], b: readonly number[]): boolean {
  const sb = new Set(b);
  let shared = 0;
  for (const x of a) if (sb.has(x)) shared++;
  return shared >= STORY_MIN_SHARED && shared / Math.max(1, Math.min(a.length, b.length)) >= STORY_MIN_OVERLAP;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date (the story window's unit). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(date + "T00:00:00Z") / 86400000);
}
