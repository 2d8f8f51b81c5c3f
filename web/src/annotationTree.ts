/**
 * The reading view is built from offsets alone: the record's spans are laid over its text as a tree
 * of ranges, and every leaf is a plain slice of the text (rendered as a text node, never as HTML).
 *
 * Layers nest in a fixed order — quotes hold framing, framing holds entity mentions, mentions hold
 * times, then quantities and event triggers — so a long quote can contain the names inside it. Marks
 * of one level that overlap keep the earlier (then the longer) one whole and the later only past it; a mark that crosses
 * its parent's edge is cut in two, each piece still pointing at the same annotation.
 */
export type Layer = "quote" | "framing" | "entity" | "time" | "quantity" | "event";

export const LAYERS: readonly Layer[] = ["entity", "time", "quote", "framing", "event", "quantity"];

/** Outermost first. */
const LEVELS: readonly (readonly Layer[])[] = [["quote"], ["framing"], ["entity"], ["time"], ["quantity", "event"]];
const LEVEL_OF: Record<Layer, number> = { quote: 0, framing: 1, entity: 2, time: 3, quantity: 4, event: 4 };

export interface Mark {
  start: number;
  end: number;
  layer: Layer;
  /** Index of the annotation in its record array (entities[i] for an entity mention, times[i], …). */
  ref: number;
}

export type TreeNode =
  | { kind: "text"; start: number; end: number }
  | { kind: "mark"; mark: Mark; start: number; end: number; first: boolean; children: TreeNode[] };

/** Builds the tree for [start, end) from marks (any order; those outside the range are ignored). */
export function annotationTree(start: number, end: number, marks: readonly Mark[]): TreeNode[] {
  const inRange = marks.filter((m) => m.end > start && m.start < end && m.end > m.start);
  return level(start, end, inRange, 0);
}

function level(start: number, end: number, marks: readonly Mark[], depth: number): TreeNode[] {
  if (start >= end) return [];
  if (depth >= LEVELS.length || marks.length === 0) return [{ kind: "text", start, end }];
  const here: Mark[] = [];
  const deeper: Mark[] = [];
  for (const m of marks) (LEVEL_OF[m.layer] === depth ? here : deeper).push(m);
  if (here.length === 0) return level(start, end, deeper, depth + 1);
  here.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TreeNode[] = [];
  let pos = start;
  for (const m of here) {
    const s = Math.max(m.start, start, pos);
    const e = Math.min(m.end, end);
    if (e <= s) continue; // overlaps a mark already placed at this level, or lies outside
    if (s > pos) out.push(...level(pos, s, within(deeper, pos, s), depth + 1));
    out.push({ kind: "mark", mark: m, start: s, end: e, first: s === m.start, children: level(s, e, within(deeper, s, e), depth + 1) });
    pos = e;
  }
  if (pos < end) out.push(...level(pos, end, within(deeper, pos, end), depth + 1));
  return out;
}

function within(marks: readonly Mark[], start: number, end: number): Mark[] {
  return marks.filter((m) => m.end > start && m.start < end);
}

/** The text a tree covers, leaf by leaf (for tests: it must equal the slice it was built from). */
export function treeText(text: string, nodes: readonly TreeNode[]): string {
  return nodes.map((n) => (n.kind === "text" ? text.slice(n.start, n.end) : treeText(text, n.children))).join("");
}
