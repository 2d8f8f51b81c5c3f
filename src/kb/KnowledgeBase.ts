/**
 * The knowledge base: canonical entities with their Arabic and English names, aliases, short forms
 * and role titles (resources/kb/kb.json, built by scripts/build-kb.mjs), indexed for longest-match
 * lookup over tokens. The shared instance loads the index build-kb writes beside the records
 * (resources/kb/kb-index.tsv) on first use and the records on the first look at one; shared read-only.
 */
import { readFileSync } from "node:fs";
import type { EntityType } from "../types.js";
import { resourcePath } from "../resources.js";
import { tokenize } from "../text/tokenize.js";
import { exactKey, fuzzyKey, hasArticle, procliticVariants, skeletonKey } from "./matchKey.js";

export interface KbEntity {
  id: string;
  type: EntityType;
  ar: string;
  en: string;
  kb?: string;
  aliases: string[];
  short?: string[];
  titles?: string[];
}

/** How an alias names its entity: anywhere (0), only once introduced (1), as a role title (2). */
export const enum AliasKind {
  Full = 0,
  Short = 1,
  Title = 2,
}

export interface KbCandidate {
  entity: number;
  kind: AliasKind;
  /** Bit k set when token k of the alias has the article: a text token with the article only
   *  matches an alias token that has it ("السورية" is not "سورية"; "عراق" may be "العراق"). */
  articles: number;
}

/** A reading of a token that may start an alias: its key, proclitic cut, article, longest alias. */
export interface KbStart {
  key: string;
  cut: number;
  article: boolean;
  max: number;
}

export interface KbMatch {
  /** Tokens covered, from the start token. */
  length: number;
  /** Normalised letters of the first token that are a proclitic outside the name. */
  cut: number;
  candidates: KbCandidate[];
  fuzzy: boolean;
}

/**
 * The names that identify an entity anywhere: its display name and aliases, less a display name
 * that is also listed as a short form ("نيسان" for Nissan, also a month), which is only that.
 */
export function fullNames(e: { ar: string; aliases?: readonly string[]; short?: readonly string[] }): string[] {
  const names = [...new Set([e.ar, ...(e.aliases ?? [])])];
  return e.short?.includes(e.ar) ? names.filter((a) => a !== e.ar) : names;
}

/** Splits a name into the normalised forms of its tokens. */
export function nameTokens(name: string): string[] {
  return tokenize(name).map((t) => t.norm);
}

/** One letter per entity type in the index file's header. */
const TYPE_LETTER: Record<EntityType, string> = { PER: "P", ORG: "O", LOC: "L", MISC: "M" } as Record<EntityType, string>;
const LETTER_TYPE: Record<string, EntityType> = { P: "PER", O: "ORG", L: "LOC", M: "MISC" } as Record<string, EntityType>;
/** A type's place in the name-part bits (KnowledgeBase.nameParts). */
const PART_TYPE: Record<string, number> = { P: 0, L: 1, O: 2, M: 3 };
/** First field of the index file (resources/kb/kb-index.tsv); a new layout gets a new tag. */
const INDEX_TAG = "rasd-kb-index-2";

export class KnowledgeBase {
  private loaded: KbEntity[] | undefined;
  private readonly loadEntities: (() => KbEntity[]) | undefined;
  /** Each entity's type as one letter (TYPE_LETTER), so typing a match needs no entity record. */
  private readonly typeLetters: string;
  readonly size: number;
  /** Key -> candidates; from the index file, the candidates' text until first looked up. */
  private readonly exact = new Map<string, KbCandidate[] | string>();
  private readonly fuzzy = new Map<string, KbCandidate[]>();
  private readonly firstMax = new Map<string, number>();
  private readonly fuzzyFirstMax = new Map<string, number>();
  /**
   * The keys of the first k tokens of an alias, for every k short of its length (exact and fuzzy):
   * matching stops extending a key no alias goes on from (tokens hold no space, so a longer key
   * could only equal an alias whose shorter prefix this key would be).
   */
  private readonly exactPrefixes = new Set<string>();
  private readonly fuzzyPrefixes = new Set<string>();
  /** Every article-less token key that appears in some alias (for clitic segmentation). */
  readonly tokenKeys = new Set<string>();
  /** Token key -> where it stands in full names of two tokens or more (see `nameParts`). */
  private readonly parts = new Map<string, number>();

  /**
   * From entity records (tests, scripts/build-kb.mjs); or, with `index` (encodeIndex's text), from
   * the prebuilt index, the records read by `loadEntities` on first use: the tagger needs only the
   * index and the types, and reading 16,000 records had been two thirds of its start-up.
   */
  constructor(entities: KbEntity[]);
  constructor(entities: undefined, index: string, loadEntities: () => KbEntity[]);
  constructor(entities: KbEntity[] | undefined, index?: string, loadEntities?: () => KbEntity[]) {
    if (entities) {
      this.loaded = entities;
      this.size = entities.length;
      this.typeLetters = entities.map((e) => TYPE_LETTER[e.type] ?? "M").join("");
      this.indexForms();
      return;
    }
    const nl = index!.indexOf("\n");
    const [tag, count, types] = index!.slice(0, nl < 0 ? undefined : nl).split("\t");
    if (tag !== INDEX_TAG || Number(count) !== types?.length) throw new Error(`not a knowledge-base index (${INDEX_TAG}): rebuild it with npm run build:kb`);
    this.size = types.length;
    this.typeLetters = types;
    this.loadEntities = loadEntities;
    this.readIndex(index!, nl + 1);
  }

  /** The entity records, read on first use when the knowledge base was built from its index. */
  get entities(): KbEntity[] {
    if (!this.loaded) {
      const es = this.loadEntities!();
      if (es.length !== this.size) throw new Error(`the knowledge base's records (${es.length}) and index (${this.size}) disagree: rebuild them with npm run build:kb`);
      this.loaded = es;
    }
    return this.loaded;
  }

  private english?: Map<string, number[]>;
  /**
   * The core and country entities whose English name is exactly `name` ("CNN", "Reuters",
   * "France"): Arabic text writes some names in Latin letters, which the Arabic index cannot match.
   * The other lists' English names are left out: too many of them are also English words.
   */
  byEnglishName(name: string): readonly number[] | undefined {
    if (!this.english) {
      const m = new Map<string, number[]>();
      this.entities.forEach((e, i) => {
        if (!e.en || !(e.id.startsWith("core:") || e.id.startsWith("country:"))) return;
        const ids = m.get(e.en);
        if (ids) ids.push(i);
        else m.set(e.en, [i]);
      });
      this.english = m;
    }
    return this.english.get(name);
  }

  /** The type of entity i (no record read). */
  typeOf(i: number): EntityType {
    return LETTER_TYPE[this.typeLetters[i]!]!;
  }

  /** Indexes every name form of every entity record. */
  private indexForms(): void {
    const keyOf = new Map<string, string>(); // token -> exactKey: most tokens recur across aliases
    const exact = new Map<string, KbCandidate[]>();
    this.eachForm((toks, kind, i) => {
      // Keys and their prefixes are built token by token, not sliced and joined for every prefix.
      let key = "", articles = 0;
      const n = toks.length;
      for (let k = 0; k < n; k++) {
        const t = toks[k]!;
        let ek = keyOf.get(t);
        if (ek === undefined) keyOf.set(t, (ek = exactKey(t)));
        if (hasArticle(t)) articles |= 1 << Math.min(k, 30);
        key = k ? key + " " + ek : ek;
      }
      push(exact, key, { entity: i, kind, articles });
    });
    // One alias listed twice for one entity counts once.
    for (const [k, list] of exact) {
      const cands = list.length > 1 ? dedupe(list) : list;
      this.exact.set(k, cands);
      this.indexKey(k);
      this.addParts(k, cands);
    }
  }

  /**
   * Where a token stands in the full names of two tokens or more, as bits: type·3 + (0 first,
   * 1 inside, 2 last), types PER 0, LOC 1, ORG 2, MISC 3; 0 when in none. "لاريجاني" ends a
   * person's name, "بنك" starts organisations': evidence for the tagger where the whole name is
   * not listed.
   */
  nameParts(tokenKey: string): number {
    return this.parts.get(tokenKey) ?? 0;
  }

  private addParts(key: string, cands: readonly KbCandidate[]): void {
    if (!key.includes(" ")) return;
    let types = 0;
    for (const c of cands) if (c.kind === AliasKind.Full) types |= 1 << PART_TYPE[this.typeLetters[c.entity]!]!;
    if (!types) return;
    const toks = key.split(" ");
    const n = toks.length;
    for (let k = 0; k < n; k++) {
      const pos = k === 0 ? 0 : k === n - 1 ? 2 : 1;
      let bits = 0;
      for (let t = 0; t < 4; t++) if (types & (1 << t)) bits |= 1 << (t * 3 + pos);
      this.parts.set(toks[k]!, (this.parts.get(toks[k]!) ?? 0) | bits);
    }
  }

  /** Token keys, prefixes and the longest alias from a first token, for one key of the exact index. */
  private indexKey(key: string): void {
    const toks = key.split(" ");
    for (const t of toks) this.tokenKeys.add(t);
    for (let sp = key.indexOf(" "); sp >= 0; sp = key.indexOf(" ", sp + 1)) this.exactPrefixes.add(key.slice(0, sp));
    this.firstMax.set(toks[0]!, Math.max(this.firstMax.get(toks[0]!) ?? 0, toks.length));
  }

  /**
   * The exact index as text, for scripts/build-kb.mjs to write beside the records (kb-index.tsv): a
   * header (tag, entity count, the types as letters); one line per key: the key, TAB, its candidates
   * as "entity,kind,articles" separated by spaces; a blank line; one line per token key: the token,
   * TAB, the longest alias it starts (0: none), TAB, its name-part bits (nameParts); a blank line;
   * the prefixes, one a line. Everything loading needs is spelled out, so that it slices strings
   * and builds nothing else.
   */
  encodeIndex(): string {
    const lines = [`${INDEX_TAG}\t${this.size}\t${this.typeLetters}`];
    for (const key of this.exact.keys()) lines.push(`${key}\t${this.candidatesOf(key)!.map((c) => `${c.entity},${c.kind},${c.articles}`).join(" ")}`);
    lines.push("");
    for (const t of this.tokenKeys) lines.push(`${t}\t${this.firstMax.get(t) ?? 0}\t${this.parts.get(t) ?? 0}`);
    lines.push("");
    for (const p of this.exactPrefixes) lines.push(p);
    return lines.join("\n") + "\n";
  }

  /**
   * Reads encodeIndex's text. A key's candidates stay text until the key is first looked up (most
   * never are in a process's life): loading builds strings only.
   */
  private readIndex(text: string, from: number): void {
    const n = text.length;
    const lineEnd = (p: number) => { const e = text.indexOf("\n", p); return e < 0 ? n : e; };
    const bad = () => new Error("a malformed knowledge-base index: rebuild it with npm run build:kb");
    let p = from;
    for (let end = lineEnd(p); p < n && end > p; p = end + 1, end = lineEnd(p)) {
      const tab = text.indexOf("\t", p);
      if (tab < 0 || tab > end) throw bad();
      this.exact.set(text.slice(p, tab), text.slice(tab + 1, end));
    }
    p++;
    for (let end = lineEnd(p); p < n && end > p; p = end + 1, end = lineEnd(p)) {
      const tab = text.indexOf("\t", p);
      if (tab < 0 || tab > end) throw bad();
      const tab2 = text.indexOf("\t", tab + 1);
      if (tab2 < 0 || tab2 > end) throw bad();
      const t = text.slice(p, tab);
      this.tokenKeys.add(t);
      const max = Number(text.slice(tab + 1, tab2)), bits = Number(text.slice(tab2 + 1, end));
      if (max) this.firstMax.set(t, max);
      if (bits) this.parts.set(t, bits);
    }
    p++;
    for (let end = lineEnd(p); p < n && end > p; p = end + 1, end = lineEnd(p)) this.exactPrefixes.add(text.slice(p, end));
  }

  /** A key's candidates, parsed from the index's text on first use. */
  private candidatesOf(key: string): KbCandidate[] | undefined {
    const v = this.exact.get(key);
    if (typeof v !== "string") return v;
    const list: KbCandidate[] = [];
    for (const c of v.split(" ")) {
      const [e, k, a] = c.split(",");
      list.push({ entity: Number(e), kind: Number(k) as AliasKind, articles: Number(a) });
    }
    this.exact.set(key, list);
    return list;
  }

  /** Every name form of every entity (once each), as normalised tokens, with its kind and the entity's index. */
  private eachForm(visit: (toks: string[], kind: AliasKind, entity: number) => void): void {
    const entities = this.entities;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      const seen = new Set<string>();
      const add = (names: readonly string[], kind: AliasKind) => {
        for (const n of names) {
          const toks = nameTokens(n);
          const form = `${kind} ${toks.join(" ")}`;
          if (toks.length && !seen.has(form)) { seen.add(form); visit(toks, kind, i); }
        }
      };
      add(fullNames(e), AliasKind.Full);
      add(e.short ?? [], AliasKind.Short);
      add(e.titles ?? [], AliasKind.Title);
    }
  }

  private fuzzyBuilt = false;

  /**
   * The loose (consonant-skeleton) index, built on the first loose lookup: the tagger's gazetteer
   * features read exact matches only, so `rasd tag` never pays for it, and loading stays quick.
   */
  private buildFuzzy(): void {
    if (this.fuzzyBuilt) return;
    this.fuzzyBuilt = true;
    const skeleton = new Map<string, string>();
    for (const key of this.exact.keys()) {
      const cands = this.candidatesOf(key)!.filter((c) => c.kind !== AliasKind.Title);
      if (!cands.length) continue;
      const toks = key.split(" ");
      const n = toks.length;
      const fk: string[] = new Array(n);
      let letters = 0;
      for (let k = 0; k < n; k++) {
        const t = toks[k]!;
        let f = skeleton.get(t);
        if (f === undefined) skeleton.set(t, (f = skeletonKey(t)));
        fk[k] = f;
        letters += f.length;
      }
      // Short skeletons collide with ordinary words; only names of some length match loosely.
      if (letters < 4) continue;
      let fkey = "";
      for (let k = 0; k < n; k++) {
        if (k > 0) this.fuzzyPrefixes.add(fkey);
        fkey = k ? fkey + " " + fk[k] : fk[k]!;
      }
      for (const c of cands) push(this.fuzzy, fkey, c);
      this.fuzzyFirstMax.set(fk[0]!, Math.max(this.fuzzyFirstMax.get(fk[0]!) ?? 0, n));
    }
    // Candidates in entity order, as when the loose index was built entity by entity.
    for (const [k, list] of this.fuzzy) if (list.length > 1) this.fuzzy.set(k, dedupe(list).sort((a, b) => a.entity - b.entity));
  }

  /**
   * The longest alias that starts at token `i` of `norms` (normalised tokens) and ends at or before
   * `end`. The first token may carry a proclitic (و ب ل ك ف, with or without the article).
   */
  private readonly firstCache = new Map<string, KbStart[]>();

  /** The proclitic readings of a token that may start an alias (cached: most tokens have none). */
  startsOf(norm: string): KbStart[] {
    let c = this.firstCache.get(norm);
    if (!c) {
      c = [];
      for (const v of procliticVariants(norm)) {
        const max = this.firstMax.get(v.key);
        if (max !== undefined) c.push({ ...v, max });
      }
      if (this.firstCache.size > 200000) this.firstCache.clear();
      this.firstCache.set(norm, c);
    }
    return c;
  }

  matchAt(norms: readonly string[], i: number, end = norms.length, allowFuzzy = true, starts?: KbStart[]): KbMatch | null {
    const firsts = starts ?? this.startsOf(norms[i]!);
    if (!firsts.length && !allowFuzzy) return null;
    let best: KbMatch | null = null;
    let mask = 0;
    const fits = (c: KbCandidate[]) => c.filter((x) => (mask & ~x.articles) === 0);
    for (const v of firsts) {
      const max = v.max;
      let key = v.key;
      mask = v.article ? 1 : 0;
      for (let len = 1; len <= max && i + len <= end; len++) {
        if (len > 1) {
          const n = norms[i + len - 1]!;
          key += " " + exactKey(n);
          if (hasArticle(n)) mask |= 1 << Math.min(len - 1, 30);
        }
        const c0 = this.candidatesOf(key);
        if (c0 && (!best || len > best.length || (len === best.length && v.cut < best.cut))) {
          const c = fits(c0);
          if (c.length) best = { length: len, cut: v.cut, candidates: c, fuzzy: false };
        }
        if (!this.exactPrefixes.has(key)) break;
      }
    }
    if (best || !allowFuzzy) return best;
    this.buildFuzzy();
    for (const v of procliticVariants(norms[i]!)) {
      // Loose spelling and a guessed proclitic together are too weak ("فلوريدا" is not ف + "لاردة").
      // A short key is too loose too, but where it lost a letter pair that only looks like the
      // article ("ألبرت" → "برت", "أليكس" → "يكس") the name as written counts: "ألبرت انشتين".
      if (v.key.length < (v.article ? 3 : 4) || v.cut > 0) continue;
      const fk0 = fuzzyKey(v.key);
      const max = this.fuzzyFirstMax.get(fk0);
      if (max === undefined) continue;
      let key = fk0;
      mask = v.article ? 1 : 0;
      for (let len = 1; len <= max && i + len <= end; len++) {
        if (len > 1) {
          const n = norms[i + len - 1]!;
          key += " " + fuzzyKey(n);
          if (hasArticle(n)) mask |= 1 << Math.min(len - 1, 30);
        }
        const c0 = this.fuzzy.get(key);
        if (c0 && (!best || len > best.length)) {
          const c = fits(c0);
          if (c.length) best = { length: len, cut: v.cut, candidates: c, fuzzy: true };
        }
        if (!this.fuzzyPrefixes.has(key)) break;
      }
    }
    return best;
  }

  /** Candidates for a whole name given as normalised tokens (no proclitic handling). */
  lookup(norms: readonly string[], allowFuzzy = true): KbCandidate[] {
    let mask = 0;
    norms.forEach((n, k) => { if (hasArticle(n)) mask |= 1 << Math.min(k, 30); });
    const fits = (c: KbCandidate[] | undefined) => (c ?? []).filter((x) => (mask & ~x.articles) === 0);
    const c = fits(this.candidatesOf(norms.map(exactKey).join(" ")));
    if (c.length) return c;
    if (!allowFuzzy || norms.join("").length < 4) return [];
    this.buildFuzzy();
    return fits(this.fuzzy.get(norms.map(fuzzyKey).join(" ")));
  }
}

function push(m: Map<string, KbCandidate[]>, k: string, c: KbCandidate): void {
  const l = m.get(k);
  if (l) l.push(c);
  else m.set(k, [c]);
}

function dedupe(list: KbCandidate[]): KbCandidate[] {
  const seen = new Map<number, KbCandidate>();
  for (const c of list) {
    const had = seen.get(c.entity);
    if (!had || c.kind < had.kind) seen.set(c.entity, c);
  }
  return [...seen.values()];
}

let shared: KnowledgeBase | undefined;

/**
 * The knowledge base of resources/kb: its index (kb-index.tsv) on first use, its records (kb.json)
 * on the first look at one.
 */
export function knowledgeBase(): KnowledgeBase {
  if (!shared) {
    const index = readFileSync(resourcePath("kb/kb-index.tsv"), "utf8");
    shared = new KnowledgeBase(undefined, index, () => (JSON.parse(readFileSync(resourcePath("kb/kb.json"), "utf8")) as { entities: KbEntity[] }).entities);
  }
  return shared;
}
