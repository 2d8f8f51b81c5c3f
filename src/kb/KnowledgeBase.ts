/**
 * The knowledge base: canonical entities with their Arabic and English names, aliases, short forms
 * and role titles (resources/kb/kb.json, built by scripts/build-kb.mjs), indexed for longest-match
 * lookup over tokens. Loaded lazily once per process and shared read-only.
 */
import { readFileSync } from "node:fs";
import type { EntityType } from "../types.js";
import { resourcePath } from "../resources.js";
import { tokenize } from "../text/tokenize.js";
import { exactKey, fuzzyKey, hasArticle, procliticVariants } from "./matchKey.js";

export interface KbEntity {
  id: string;
  type: EntityType;
  ar: string;
  en: string;
  kb?: string;
  aliases: string[];
  short?: string[];
  titles?: string[];
  /** The names as normalised tokens joined by spaces, prefixed with the alias kind ("0 دونالد ترامب"):
   *  written by scripts/build-kb.mjs so loading needs no tokenising. */
  forms?: string[];
}

/** The `forms` of an entity (see KbEntity), computed from its names. */
export function entityForms(e: Pick<KbEntity, "ar" | "aliases" | "short" | "titles">): string[] {
  const out = new Set<string>();
  const add = (names: readonly string[], kind: AliasKind) => {
    for (const n of names) {
      const toks = nameTokens(n);
      if (toks.length) out.add(`${kind} ${toks.join(" ")}`);
    }
  };
  add([e.ar, ...e.aliases], AliasKind.Full);
  add(e.short ?? [], AliasKind.Short);
  add(e.titles ?? [], AliasKind.Title);
  return [...out];
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

/** Splits a name into the normalised forms of its tokens. */
export function nameTokens(name: string): string[] {
  return tokenize(name).map((t) => t.norm);
}

export class KnowledgeBase {
  readonly entities: KbEntity[];
  private readonly exact = new Map<string, KbCandidate[]>();
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

  constructor(entities: KbEntity[]) {
    this.entities = entities;
    const keyOf = new Map<string, string>(); // token -> exactKey: most tokens recur across aliases
    this.eachForm((toks, kind, i) => {
      // Keys and their prefixes are built token by token, not sliced and joined for every prefix.
      let key = "", articles = 0;
      const n = toks.length;
      for (let k = 0; k < n; k++) {
        const t = toks[k]!;
        let ek = keyOf.get(t);
        if (ek === undefined) keyOf.set(t, (ek = exactKey(t)));
        this.tokenKeys.add(ek);
        if (hasArticle(t)) articles |= 1 << Math.min(k, 30);
        if (k > 0) this.exactPrefixes.add(key);
        key = k ? key + " " + ek : ek;
      }
      push(this.exact, key, { entity: i, kind, articles });
      const first = keyOf.get(toks[0]!)!;
      this.firstMax.set(first, Math.max(this.firstMax.get(first) ?? 0, n));
    });
    // One alias listed twice for one entity counts once.
    for (const [k, list] of this.exact) if (list.length > 1) this.exact.set(k, dedupe(list));
  }

  /** Every name form of every entity, as normalised tokens, with its kind and the entity's index. */
  private eachForm(visit: (toks: string[], kind: AliasKind, entity: number) => void): void {
    const entities = this.entities;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      for (const f of e.forms ?? entityForms(e)) visit(f.slice(2).split(" "), Number(f[0]) as AliasKind, i);
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
    this.eachForm((toks, kind, i) => {
      if (kind === AliasKind.Title) return;
      const n = toks.length;
      const fk: string[] = new Array(n);
      let letters = 0, articles = 0;
      for (let k = 0; k < n; k++) {
        const t = toks[k]!;
        let f = skeleton.get(t);
        if (f === undefined) skeleton.set(t, (f = fuzzyKey(t)));
        fk[k] = f;
        letters += f.length;
        if (hasArticle(t)) articles |= 1 << Math.min(k, 30);
      }
      // Short skeletons collide with ordinary words; only names of some length match loosely.
      if (letters < 4) return;
      let key = "";
      for (let k = 0; k < n; k++) {
        if (k > 0) this.fuzzyPrefixes.add(key);
        key = k ? key + " " + fk[k] : fk[k]!;
      }
      push(this.fuzzy, key, { entity: i, kind, articles });
      this.fuzzyFirstMax.set(fk[0]!, Math.max(this.fuzzyFirstMax.get(fk[0]!) ?? 0, n));
    });
    for (const [k, list] of this.fuzzy) if (list.length > 1) this.fuzzy.set(k, dedupe(list));
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
        const c0 = this.exact.get(key);
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
      if (v.key.length < 4 || v.cut > 0) continue;
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
    const c = fits(this.exact.get(norms.map(exactKey).join(" ")));
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

/** The knowledge base of resources/kb/kb.json, loaded on first use. */
export function knowledgeBase(): KnowledgeBase {
  if (!shared) {
    const raw = JSON.parse(readFileSync(resourcePath("kb/kb.json"), "utf8")) as { entities: KbEntity[] };
    shared = new KnowledgeBase(raw.entities);
  }
  return shared;
}
