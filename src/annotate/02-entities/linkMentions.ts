/**
 * Linking and in-document coreference: every mention to one entity.
 *
 * 1. A mention that is a full knowledge-base name links to that entity (the candidate of the
 *    tagger's type first); the entity is then "introduced" in the document.
 * 2. Short forms and role titles from the knowledge base ("التحالف", "الرئيس الأميركي") link only to
 *    an entity introduced somewhere in the same document.
 * 3. A person's title in apposition ("وزير الخارجية الأميركي، مايك بومبيو،") becomes a mention of
 *    that person when it holds no other entity, and later uses of the same title link to them.
 * 4. A single name that ends a longer person name of the document ("ترامب" after "دونالد ترامب",
 *    or a surname of an unknown person) joins that person.
 * 5. Everything else becomes a document-local entity named by its best Arabic form; nothing is
 *    dropped because the knowledge base lacks it.
 * Mentions never overlap: a later, weaker mention that would overlap an earlier one is left out.
 */
import type { Entity, EntityType, Span } from "../../types.js";
import { stripDiacritics } from "../../text/normalize.js";
import { exactKey, fuzzyKey } from "../../kb/matchKey.js";
import { AliasKind, type KbCandidate, type KbStart, type KnowledgeBase } from "../../kb/KnowledgeBase.js";
import type { NerResources } from "../../ner/NerFeaturizer.js";
import { originalPrefix, type RawMention, type Sentence } from "./findMentions.js";
import { transliterateName } from "./transliterateName.js";

const PER_TITLE = 1;
const ORG_WORD = 4;
const MAX_TITLE = 8;

interface Group {
  kbIndex?: number;
  type?: EntityType;
  types: EntityType[];
  mentions: Span[];
  /** Article-less keys of each multi-token person mention, for surname matching. */
  names: string[][];
  forms: string[];
}

interface Placed {
  sentence: number;
  first: number;
  last: number;
  span: Span;
  group: Group;
}

/**
 * @param infos the featurizer's knowledge of a sentence's tokens (their normalised forms and the
 *   knowledge-base readings they may start), which spares a look-up per token; optional.
 */
export function linkMentions(text: string, sentences: Sentence[], raw: RawMention[], res: NerResources, infos?: (s: Sentence) => ReadonlyArray<{ readonly norm: string; readonly kbStarts: KbStart[] }>): Entity[] {
  const kb: KnowledgeBase = res.kb;
  const groups: Group[] = [];
  const byKb = new Map<number, Group>();
  const byKey = new Map<string, Group>();
  const placed: Placed[] = [];
  const occupied = sentences.map((s) => new Uint8Array(s.tokens.length));
  const keysOf = (m: { sentence: number; first: number; last: number; span: Span }) => {
    const toks = sentences[m.sentence]!.tokens;
    const out: string[] = [];
    for (let i = m.first; i < m.last; i++) {
      const t = toks[i]!;
      if (t.kind === "punct") continue;
      let norm = t.norm;
      if (i === m.first && m.span.start > t.start) norm = norm.slice(Math.max(0, norm.length - (t.end - m.span.start)));
      out.push(exactKey(norm));
    }
    return out;
  };
  const kbGroup = (k: number): Group => {
    let g = byKb.get(k);
    if (!g) {
      g = { kbIndex: k, type: kb.typeOf(k), types: [], mentions: [], names: [], forms: [] };
      byKb.set(k, g);
      groups.push(g);
    }
    return g;
  };
  /** Places a mention; `type` is given for names (titles and anaphors name nothing). */
  const place = (m: { sentence: number; first: number; last: number; span: Span }, g: Group, type?: EntityType) => {
    placed.push({ sentence: m.sentence, first: m.first, last: m.last, span: m.span, group: g });
    occupied[m.sentence]!.fill(1, m.first, m.last);
    g.mentions.push(m.span);
    if (!type) return;
    const keys = keysOf(m);
    g.types.push(type);
    if (keys.length > 1) g.names.push(keys);
    g.forms.push(m.span.text);
  };
  const pick = (cands: KbCandidate[], type: EntityType): number => (cands.find((c) => kb.typeOf(c.entity) === type) ?? cands[0]!).entity;

  // 1. Full names.
  const pending: Array<{ m: RawMention; cands: KbCandidate[] }> = [];
  for (const m of raw) {
    const cands = m.kb ?? [];
    const full = cands.filter((c) => c.kind === AliasKind.Full);
    if (full.length) place(m, kbGroup(pick(full, m.type)), m.type);
    else pending.push({ m, cands });
  }
  const introduced = () => new Set(byKb.keys());

  // 2–4. Short forms, surnames, document-local entities.
  const intro = introduced();
  const rest: RawMention[] = [];
  for (const { m, cands } of pending) {
    const short = cands.filter((c) => intro.has(c.entity));
    if (short.length) place(m, kbGroup(pick(short, m.type)), m.type);
    else rest.push(m);
  }
  // Longer names first, so a surname finds the full name whatever the order of appearance.
  rest.sort((a, b) => b.last - b.first - (a.last - a.first) || a.span.start - b.span.start);
  for (const m of rest) {
    const keys = keysOf(m);
    if (!keys.length) continue;
    let g: Group | undefined;
    if (m.type === "PER" || keys.length === 1) g = surnameOwner(groups, keys);
    if (!g) {
      const key = `${keys.join(" ")}`;
      g = byKey.get(key);
      if (!g) {
        g = { types: [], mentions: [], names: [], forms: [] };
        byKey.set(key, g);
        groups.push(g);
      }
    }
    place(m, g, m.type);
  }

  // 3. Titles in apposition, and later uses of a known title.
  const titleOf = new Map<string, Group>();
  const taken = (si: number, a: number, b: number) => {
    const o = occupied[si]!;
    for (let k = a; k < b; k++) if (o[k]) return true;
    return false;
  };
  for (const p of [...placed]) {
    if (groupType(p.group) !== "PER") continue;
    const toks = sentences[p.sentence]!.tokens;
    if (p.first < 2 || !isComma(toks[p.first - 1]!.text)) continue;
    let start = -1;
    for (let i = p.first - 2; i >= 0 && p.first - 1 - i <= MAX_TITLE; i--) {
      const t = toks[i]!;
      if (t.kind !== "word" && !(t.text === "«" || t.text === "»")) break;
      if (res.triggers.get(exactKey(t.norm)) === PER_TITLE) start = i;
    }
    if (start < 0) continue;
    const words = toks.slice(start, p.first - 1).filter((t) => t.kind === "word");
    const key = words.map((t) => exactKey(t.norm)).join(" ");
    if (!titleOf.has(key)) titleOf.set(key, p.group);
    if (!taken(p.sentence, start, p.first - 1)) {
      const t0 = toks[start]!, tl = toks[p.first - 2]!;
      const s = t0.start + originalPrefix(t0.text, proclitic(t0.norm, res));
      place({ sentence: p.sentence, first: start, last: p.first - 1, span: { start: s, end: tl.end, text: text.slice(s, tl.end) } }, p.group);
    }
  }
  const intro2 = introduced();
  const titleFirst = new Set([...titleOf.keys()].map((k) => k.split(" ")[0]!));
  sentences.forEach((s, si) => {
    const norms = s.tokens.map((t) => t.norm);
    const known = infos?.(s);
    for (let i = 0; i < s.tokens.length; i++) {
      if (s.tokens[i]!.kind !== "word") continue;
      // A title this document gave someone.
      const mayTitle = titleFirst.size > 0 && (titleFirst.has(exactKey(norms[i]!)) || titleFirst.has(exactKey(norms[i]!.slice(proclitic(norms[i]!, res)))));
      for (let len = mayTitle ? Math.min(MAX_TITLE, s.tokens.length - i) : 0; len >= 1; len--) {
        const key = norms.slice(i, i + len).map(exactKey).join(" ");
        const g = titleOf.get(key) ?? titleOf.get(exactKey(norms[i]!.slice(proclitic(norms[i]!, res))) + (len > 1 ? " " + norms.slice(i + 1, i + len).map(exactKey).join(" ") : ""));
        if (g && !taken(si, i, i + len)) {
          addSpan(text, s, si, i, i + len, g, res, place);
          i += len - 1;
          break;
        }
      }
      if (taken(si, i, i + 1)) continue;
      // A knowledge-base short form or title of an introduced entity.
      const info = known?.[i];
      const m = kb.matchAt(norms, i, s.tokens.length, false, info && info.norm === norms[i] ? info.kbStarts : undefined);
      if (!m) continue;
      const c = m.candidates.filter((x) => x.kind !== AliasKind.Full && intro2.has(x.entity));
      if (!c.length || taken(si, i, i + m.length)) continue;
      const t0 = s.tokens[i]!, tl = s.tokens[i + m.length - 1]!;
      const st = t0.start + originalPrefix(t0.text, m.cut);
      place({ sentence: si, first: i, last: i + m.length, span: { start: st, end: tl.end, text: text.slice(st, tl.end) } }, kbGroup(c[0]!.entity));
      i += m.length - 1;
    }
  });

  // 6. A definite head noun ("التنظيم", "الحزب", "المنظمة") refers back to the organisation last
  //    named with that head ("تنظيم داعش"), or the first one when none came before.
  const heads = new Map<string, Array<{ at: number; group: Group }>>();
  const pos = (si: number, i: number) => si * 100000 + i;
  for (const p of placed) {
    if (groupType(p.group) !== "ORG" || p.last - p.first < 2) continue;
    const t = sentences[p.sentence]!.tokens[p.first]!;
    const head = exactKey(t.norm.slice(Math.max(0, t.norm.length - (t.end - p.span.start))));
    if (res.triggers.get(head) !== ORG_WORD) continue;
    const l = heads.get(head) ?? [];
    l.push({ at: pos(p.sentence, p.first), group: p.group });
    heads.set(head, l);
  }
  if (heads.size) {
    for (const l of heads.values()) l.sort((a, b) => a.at - b.at);
    sentences.forEach((s, si) => {
      s.tokens.forEach((t, i) => {
        if (t.kind !== "word") return;
        let hit = false;
        for (const h of heads.keys()) if (t.norm.endsWith(h)) { hit = true; break; }
        if (!hit) return;
        let cut = 0, head = "";
        for (const p of ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"]) {
          const rest = t.norm.slice(p.length);
          if (!t.norm.startsWith(p)) continue;
          if (rest.startsWith("ال") && heads.has(rest.slice(2))) { cut = p.length; head = rest.slice(2); break; }
          if (p.endsWith("ل") && rest.startsWith("ل") && heads.has(rest.slice(1))) { cut = p.length; head = rest.slice(1); break; }
        }
        if (!head || taken(si, i, i + 1)) return;
        const l = heads.get(head)!;
        const here = pos(si, i);
        let g = l[0]!.group;
        for (const x of l) if (x.at < here) g = x.group;
        const st = t.start + originalPrefix(t.text, cut);
        place({ sentence: si, first: i, last: i + 1, span: { start: st, end: t.end, text: text.slice(st, t.end) } }, g);
      });
    });
  }

  return buildEntities(groups, kb);
}

function isComma(s: string): boolean {
  return s === "،" || s === ",";
}

function proclitic(norm: string, res: NerResources): number {
  if (norm.length >= 4 && "وف".includes(norm[0]!) && res.triggers.get(exactKey(norm)) !== PER_TITLE && res.triggers.get(exactKey(norm.slice(1))) === PER_TITLE) return 1;
  return 0;
}

function addSpan(text: string, s: Sentence, si: number, a: number, b: number, g: Group, res: NerResources, place: (m: { sentence: number; first: number; last: number; span: Span }, g: Group) => void): void {
  const t0 = s.tokens[a]!, tl = s.tokens[b - 1]!;
  const st = t0.start + originalPrefix(t0.text, proclitic(t0.norm, res));
  place({ sentence: si, first: a, last: b, span: { start: st, end: tl.end, text: text.slice(st, tl.end) } }, g);
}

function groupType(g: Group): EntityType {
  if (g.type) return g.type;
  const n = new Map<EntityType, number>();
  for (const t of g.types) n.set(t, (n.get(t) ?? 0) + 1);
  let best: EntityType = "MISC", bn = -1;
  for (const [t, c] of n) if (c > bn) { best = t; bn = c; }
  return best;
}

/** The fuzzy keys of a group's name, computed once per name (surnameOwner reads them often). */
const fuzzyOf = new WeakMap<string[], string[]>();

/** The person group whose multi-token name ends with (or starts with) these keys. */
function surnameOwner(groups: Group[], keys: string[]): Group | undefined {
  const fk = keys.map(fuzzyKey).join(" ");
  const joined = keys.join(" ");
  for (const g of groups) {
    if (groupType(g) !== "PER") continue;
    for (const name of g.names) {
      if (name.length <= keys.length) continue;
      const from = name.length - keys.length;
      if (name.slice(from).join(" ") === joined) return g;
      if (fk.length < 4) continue;
      let f = fuzzyOf.get(name);
      if (!f) fuzzyOf.set(name, (f = name.map(fuzzyKey)));
      if (f.slice(from).join(" ") === fk) return g;
    }
  }
  return undefined;
}

function bestForm(forms: string[], type: EntityType): string {
  const clean = forms.map((f) => stripDiacritics(f).replace(/[«»"“”]/g, "").replace(/\s+/g, " ").trim()).filter(Boolean);
  if (!clean.length) return forms[0] ?? "";
  const count = new Map<string, number>();
  for (const c of clean) count.set(c, (count.get(c) ?? 0) + 1);
  // Persons by their fullest name; other names by their most frequent form, then the longest.
  return [...count.entries()].sort((a, b) => (type === "PER" ? b[0].length - a[0].length || b[1] - a[1] : b[1] - a[1] || b[0].length - a[0].length))[0]![0];
}

function buildEntities(groups: Group[], kb: KnowledgeBase): Entity[] {
  const live = groups.filter((g) => g.mentions.length);
  for (const g of live) g.mentions.sort((a, b) => a.start - b.start);
  // Overlaps are settled in reading order.
  live.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  // Mentions never overlap: keep the first claim on any character.
  let textEnd = 0;
  for (const g of live) for (const m of g.mentions) textEnd = Math.max(textEnd, m.end);
  const claimedChars = new Uint8Array(textEnd);
  const overlaps = (s: Span) => {
    for (let k = s.start; k < s.end; k++) if (claimedChars[k]) return true;
    return false;
  };
  const order = live.flatMap((g) => g.mentions.map((m) => ({ g, m })));
  const keep = new Map<Group, Span[]>();
  for (const { g, m } of order) {
    if (overlaps(m)) continue;
    claimedChars.fill(1, m.start, m.end);
    const l = keep.get(g) ?? [];
    l.push(m);
    keep.set(g, l);
  }
  // Entities are listed by salience: mentions in the article, then the knowledge base's prior rank
  // (the curated core comes first, in its order), then first appearance.
  const rank = (g: Group) => (g.kbIndex === undefined ? Number.MAX_SAFE_INTEGER : g.kbIndex);
  const listed = live.filter((g) => keep.get(g)?.length).sort((a, b) => keep.get(b)!.length - keep.get(a)!.length || rank(a) - rank(b) || keep.get(a)![0]!.start - keep.get(b)![0]!.start);
  const out: Entity[] = [];
  for (const g of listed) {
    const ms = keep.get(g)!;
    const type = groupType(g);
    const e = g.kbIndex !== undefined ? kb.entities[g.kbIndex] : undefined;
    const name = e ? e.ar : bestForm(g.forms, type);
    const en = e ? e.en : type === "PER" ? transliterateName(name) : undefined;
    out.push({ id: `e${out.length + 1}`, type, name, ...(en ? { en } : {}), ...(e?.kb ? { kb: e.kb } : {}), mentions: ms.sort((a, b) => a.start - b.start) });
  }
  return out;
}
