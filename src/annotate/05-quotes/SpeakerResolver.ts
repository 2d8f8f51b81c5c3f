/**
 * Who is speaking, given the reporting cue of a quote.
 *
 * 1. A relaying verb ("نقلت وكالة … عن مصدر … قوله"): the speaker is after عن, the channel before it.
 * 2. "جاء في بيان الخارجية": the body after the statement noun.
 * 3. Otherwise the subject after the verb, up to the first adjunct (في بيان، يوم، لوكالة …) or
 *    complementizer; an apposition ("وزير الخارجية الأميركي، مايك بومبيو،") gives the person.
 *    An entity mention inside the subject is preferred, a person first; the speaker is linked to it.
 * 4. "البيان" as the subject: the body that issued the last statement in the article.
 * 5. No subject ("وقال:", "مشيراً إلى أن"): an entity just before the verb, else the subject of the
 *    sentence (its first person or organisation mention, or an apposition), else the last speaker.
 */
import type { Entity, Span, TimeExpr } from "../../types.js";
import { mentionIndex, type ArticleText } from "../04-quantities/articleText.js";
import type { ReportingLexicon } from "./reportingLexicon.js";
import { normalize } from "../../text/normalize.js";

export interface Speaker {
  start: number;
  end: number;
  entity?: string;
  channel?: { start: number; end: number; entity?: string };
}

interface Mention {
  start: number;
  end: number;
  entity: string;
  type: Entity["type"];
}

const TYPE_RANK: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };
const MAX_NP = 10;

export class SpeakerResolver {
  private readonly mentionAt: Int32Array;
  private readonly mentions: Mention[];
  private readonly inTime: Uint8Array;
  private last: Speaker | undefined;
  private lastSentence = -1;
  private lastInstitution: Speaker | undefined;

  constructor(
    private readonly text: string,
    private readonly art: ArticleText,
    entities: readonly Entity[],
    times: readonly TimeExpr[],
    private readonly lex: ReportingLexicon,
    private readonly shortPairClose: Int32Array = new Int32Array(0),
    private readonly quoted: Uint8Array = new Uint8Array(0),
  ) {
    const { tokens } = art;
    // The same index the events annotator reads (computed once per article).
    const index = mentionIndex(art, entities);
    this.mentions = index.mentions;
    this.mentionAt = index.at;
    this.inTime = new Uint8Array(tokens.length);
    const ts = [...times].sort((a, b) => a.start - b.start);
    let ti = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      while (ti < ts.length && ts[ti]!.end <= t.start) ti++;
      if (ts[ti] && ts[ti]!.start < t.end) this.inTime[i] = 1;
    }
  }

  /** The cue's span: the verb as written, with "في بيان" after جاء. */
  cueSpan(c: number): Span {
    const { tokens } = this.art;
    let end = tokens[c]!.end;
    const v = this.lex.verb(tokens[c]!.norm);
    if (v?.statement && tokens[c + 1]?.norm === "في" && tokens[c + 2]) end = tokens[c + 2]!.end;
    const start = tokens[c]!.start;
    return { start, end, text: this.text.slice(start, end) };
  }

  /** The speaker of a quote whose cue is token `cue` (undefined when the quote has none). */
  resolve(cue: number | undefined, quoteStart: number): Speaker | undefined {
    let s: Speaker | undefined;
    if (cue === undefined) s = this.last;
    else {
      const v = this.lex.verb(this.art.tokens[cue]!.norm);
      if (v?.relay) s = this.relay(cue);
      else if (v?.statement) s = this.statement(cue);
      // "مضيفاً", "مؤكدةً": the one who has just spoken goes on.
      else if (v?.participle) s = this.last && this.lastSentence >= this.art.sentenceOf[cue]! - 1 ? this.last : this.clauseSubject(cue);
      // "ولهذا أقول دائما إنه", "نرى أن": the one quoted speaks of himself; no subject follows the verb.
      else if (v && this.last && this.firstPerson(this.art.tokens[cue]!.norm, v.lemma)) s = this.last;
      else s = (this.subjectBefore(cue) ?? this.afterVerb(cue)) ?? this.clauseSubject(cue);
    }
    if (s) {
      this.last = s;
      this.lastSentence = this.art.sentenceOf[cue ?? quoteStart] ?? -1;
    }
    return s;
  }

  /** "أقول" of قال, "نرى" of رأى: a first-person form, told by a prefix its lemma does not have. */
  private firstPerson(norm: string, lemma: string): boolean {
    const n = norm.replace(/^[وف](?=[ان])/, "");
    const l = normalize(lemma);
    return (n.startsWith("ا") && !l.startsWith("ا")) || (n.startsWith("ن") && !l.startsWith("ن"));
  }

  private word(i: number): boolean {
    const t = this.art.tokens[i];
    return t !== undefined && (t.kind === "word" || t.kind === "latin");
  }

  private punct(i: number, chars: string): boolean {
    const t = this.art.tokens[i];
    return t !== undefined && (t.kind === "punct" || t.kind === "symbol") && chars.includes(t.text);
  }

  private sameSentence(a: number, b: number): boolean {
    return this.art.sentenceOf[a] === this.art.sentenceOf[b];
  }

  /** The best entity mention among tokens [a, b): a person first, then an organisation, a place. */
  private mentionIn(a: number, b: number): Mention | undefined {
    let best: Mention | undefined;
    for (let k = a; k < b; k++) {
      const mi = this.mentionAt[k]!;
      if (mi < 0) continue;
      const m = this.mentions[mi]!;
      // "وزير الخارجية الأميركي مايك بومبيو": title and name are mentions of one person; the name comes last.
      if (!best || TYPE_RANK[m.type]! < TYPE_RANK[best.type]! || (m.entity === best.entity && m !== best)) best = m;
    }
    return best;
  }

  private fromRange(a: number, b: number): Speaker | undefined {
    if (b <= a) return undefined;
    const m = this.mentionIn(a, b);
    if (m) return { start: m.start, end: m.end, entity: m.entity };
    const { tokens } = this.art;
    while (b > a && !this.word(b - 1)) b--;
    while (a < b && !this.word(a)) a++;
    if (b <= a) return undefined;
    return { start: tokens[a]!.start, end: tokens[b - 1]!.end };
  }

  /** Skips what may sit between a verb and its subject: "فيه", "من جهته", a date. */
  private skipAdjuncts(j: number, limit: number): number {
    const { tokens } = this.art;
    for (let guard = 0; j < limit && guard < 12; guard++) {
      const n = tokens[j]!.norm;
      if (this.lex.skipAfterVerb.has(n) || this.inTime[j] || this.punct(j, "،,")) j++;
      else if (tokens[j + 1] && this.lex.skipPairs.has(n + " " + tokens[j + 1]!.norm)) j += 2;
      else break;
    }
    return j;
  }

  /** End of a noun phrase starting at `a`: the first adjunct, complementizer, colon or mark. */
  private npEnd(a: number, limit: number): number {
    const { tokens } = this.art;
    let j = a;
    while (j < limit && j - a < MAX_NP && this.sameSentence(a, j)) {
      const t = tokens[j]!;
      // A short quoted name is part of the phrase: "وكالة "وفا" الرسمية".
      if ((this.shortPairClose[j] ?? -1) > j) {
        j = this.shortPairClose[j]! + 1;
        continue;
      }
      if (this.lex.complementizers.has(t.norm) || this.punct(j, ":«»“”\".؟?!()") || this.inTime[j]) break;
      if (j > a && this.lex.isAdjunct(t.norm, t.text)) break;
      if (this.punct(j, "،,")) break;
      if (j > a && this.lex.verb(t.norm) && !this.lex.statementNouns.has(t.norm)) break;
      j++;
    }
    return j;
  }

  private afterVerb(c: number): Speaker | undefined {
    const { tokens } = this.art;
    const limit = Math.min(tokens.length, c + 40);
    let from = c + 1;
    // "أعلنت، فور وقوع الهجوم، أن": a parenthesis between commas is an adjunct, not the subject.
    if (this.punct(c + 1, "،,")) {
      let k = c + 2;
      while (k < limit && k - c < 10 && !this.punct(k, "،,:") && this.sameSentence(c, k)) k++;
      if (this.punct(k, "،,")) from = k + 1;
    }
    const a = this.skipAdjuncts(from, limit);
    if (a >= limit || !this.sameSentence(c, a)) return undefined;
    if (this.lex.isAdjunct(tokens[a]!.norm, tokens[a]!.text) || this.lex.complementizers.has(tokens[a]!.norm) || !this.word(a)) return undefined;
    const e = this.npEnd(a, limit);
    if (e === a) return undefined;
    // "البيان", "وأضاف البيان": the body behind the statement.
    if (this.lex.statementNouns.has(tokens[a]!.norm) && e - a <= 2 && this.mentionIn(a, e) === undefined) return this.lastInstitution ?? this.fromRange(a, e);
    // Apposition: "وزير الخارجية الأميركي، مايك بومبيو،".
    let speaker: Speaker | undefined;
    if (this.punct(e, "،,")) {
      const b = e + 1;
      let k = b;
      while (k < limit && k - b < 5 && this.word(k) && !this.lex.complementizers.has(tokens[k]!.norm) && !this.lex.isAdjunct(tokens[k]!.norm, tokens[k]!.text)) k++;
      // "أعلنت الشرطة، الأحد، أن": a date between commas is an adjunct, not an apposition.
      let dated = false;
      for (let h = b; h < k; h++) if (this.inTime[h]) dated = true;
      // "الناطق باسم المحكمة، فريد بن جحا لمراسل الجوهرة، أن": a person's apposition may end at an adjunct.
      const personThenAdjunct = k < limit && this.lex.isAdjunct(tokens[k]!.norm, tokens[k]!.text) && this.mentionIn(b, k)?.type === "PER";
      if (!dated && k > b && k - b <= 4 && (this.punct(k, "،,:") || this.lex.complementizers.has(tokens[k]?.norm ?? "") || personThenAdjunct)) {
        const inAppos = this.mentionIn(b, k);
        const inHead = this.mentionIn(a, e);
        if (inAppos && (!inHead || TYPE_RANK[inAppos.type]! <= TYPE_RANK[inHead.type]!)) speaker = { start: inAppos.start, end: inAppos.end, entity: inAppos.entity };
        else if (!inHead || inHead.type !== "PER") speaker = inAppos ? { start: inAppos.start, end: inAppos.end, entity: inAppos.entity } : this.fromRange(b, k);
      }
    }
    // "الناطق باسم التحالف في اليمن، العقيد تركي المالكي،": the apposition after a title's prepositional tail.
    if (!speaker && this.mentionIn(a, e)?.type !== "PER" && this.lex.isAdjunct(tokens[e]?.norm ?? "", tokens[e]?.text ?? "")) {
      let j = e;
      while (j < limit && j - e < 8 && this.word(j) && this.sameSentence(c, j) && !this.lex.complementizers.has(tokens[j]!.norm) && !this.lex.speechEventNouns.has(tokens[j]!.norm) && !this.inTime[j]) j++;
      if (this.punct(j, "،,")) {
        let k = j + 1;
        while (k < limit && k - j <= 5 && this.word(k) && !this.inTime[k] && !this.lex.complementizers.has(tokens[k]!.norm)) k++;
        const m = this.mentionIn(j + 1, k);
        if (m?.type === "PER" && (this.punct(k, "،,:") || this.lex.complementizers.has(tokens[k]?.norm ?? ""))) speaker = { start: m.start, end: m.end, entity: m.entity };
      }
    }
    // "القيادي في حزب المؤتمر طارق الكحلاوي إن": a title whose person comes after an adjunct.
    if (!speaker && this.mentionIn(a, e)?.type !== "PER") {
      let k = e;
      while (k < limit && k - e < 12 && this.sameSentence(c, k) && !this.lex.complementizers.has(tokens[k]!.norm) && !this.punct(k, ":«“\"") && !this.lex.speechEventNouns.has(tokens[k]!.norm)) k++;
      const stop = k >= limit || !this.sameSentence(c, k) || this.lex.complementizers.has(tokens[k]!.norm) || this.punct(k, ":«“\"");
      // The person must close the phrase: "… طارق الكحلاوي إنّ", not "عند معبر كرم أبو سالم الأربعاء أن";
      // "حسبما قال المحلل من كريدي سويس في تايبيه راندي أبرامز.": the sentence's end closes it too.
      let last = Math.min(k, limit) - 1;
      while (last >= e && this.punct(last, "،,.؟?!")) last--;
      // "شدد السفير … رياض منصور على أنه": the verb's preposition stands between the person and أن.
      if (last > e && this.lex.complementizers.has(tokens[k]?.norm ?? "") && this.lex.linkPrepositions.has(tokens[last]!.norm)) last--;
      const mi = last >= e ? this.mentionAt[last]! : -1;
      const m = stop && mi >= 0 ? this.mentions[mi] : undefined;
      if (m && m.type === "PER") speaker = { start: m.start, end: m.end, entity: m.entity };
    }
    speaker ??= this.fromRange(a, e);
    // "قالت الوزارة في بيان": the statements that follow are hers.
    if (speaker && tokens[e]?.norm === "في" && this.lex.statementNouns.has(tokens[e + 1]?.norm ?? "")) this.lastInstitution = speaker;
    return speaker;
  }

  /** "وجاء في بيان الخارجية الأميركية:" */
  private statement(c: number): Speaker | undefined {
    const { tokens } = this.art;
    if (tokens[c + 1]?.norm !== "في" || !this.lex.statementNouns.has(tokens[c + 2]?.norm ?? "")) return this.last;
    const a = c + 3;
    const e = this.npEnd(a, Math.min(tokens.length, a + MAX_NP));
    const s = e > a && !tokens[a]!.norm.startsWith("ل") ? this.fromRange(a, e) : undefined;
    if (s) {
      this.lastInstitution = s;
      return s;
    }
    return this.lastInstitution ?? this.last;
  }

  /** "نقلت وكالة الأنباء عن مصدر في الوزارة قوله إن …" */
  private relay(c: number): Speaker | undefined {
    const { tokens } = this.art;
    const limit = Math.min(tokens.length, c + 25);
    let an = -1;
    for (let k = c + 1; k < limit && this.sameSentence(c, k); k++) {
      if (tokens[k]!.norm === "عن") {
        an = k;
        break;
      }
      if (this.lex.complementizers.has(tokens[k]!.norm) || this.punct(k, ":«")) break;
    }
    if (an < 0) return this.afterVerb(c);
    const channel = this.fromRange(this.skipAdjuncts(c + 1, an), an);
    let e = an + 1;
    while (e < limit && e - an <= MAX_NP && !this.lex.sayingNouns.has(tokens[e]!.norm) && !this.lex.complementizers.has(tokens[e]!.norm) && !this.punct(e, ":«،,")) e++;
    const speaker = this.fromRange(an + 1, e);
    if (!speaker) return channel;
    if (channel) speaker.channel = { start: channel.start, end: channel.end, ...(channel.entity ? { entity: channel.entity } : {}) };
    return speaker;
  }

  /** "وكانت دانيلز … قد قالت", "وكانت السفارة … أعلنت": a subject written before its verb. */
  private subjectBefore(c: number): Speaker | undefined {
    const { tokens } = this.art;
    const prev = c - 1;
    if (prev < 0 || !this.sameSentence(prev, c)) return undefined;
    const isKana = (k: number) => /^[وف]?(كان|كانت|كانوا)$/.test(tokens[k]!.norm);
    const qad = tokens[prev]!.norm === "قد";
    // Without قد the subject must touch the verb: "…، قال ترامب" has its subject after it.
    if (!qad && !this.word(prev)) return undefined;
    const end = qad ? prev : c;
    let k = end - 1;
    while (k >= 0 && end - k <= 10 && this.sameSentence(k, c) && !isKana(k) && (this.word(k) || this.punct(k, "،,"))) k--;
    // "ما إذا كان بوتين يتحمل": a كان inside a subordinate clause is not the main verb's.
    // "العسكري الذي كان بجواره قال": nor one inside a relative clause.
    if (k < 0 || !isKana(k) || k + 1 >= end || (k > 0 && (/^(اذا|لو|ان|ما|اذ)$/.test(tokens[k - 1]!.norm) || this.lex.relativePronouns.has(tokens[k - 1]!.norm)))) return undefined;
    // "وكانت دانيلز، واسمها …،": the name before the first comma.
    let e = k + 1;
    while (e < end && !this.punct(e, "،,")) e++;
    return this.fromRange(k + 1, e);
  }

  /** The subject of a verb that names none: an entity right before it, the sentence's subject, the last speaker. */
  private clauseSubject(c: number): Speaker | undefined {
    const { tokens, sentenceOf } = this.art;
    const prev = c - 1;
    // "المرصد، الذي قال إن", "منظمة «…» التي قالت إن": the noun the relative clause hangs on.
    // "لكن العسكري الذي كان بجواره قال إنه": the relative clause may end before the verb.
    let rel = prev;
    while (rel >= 0 && prev - rel < 6 && this.word(rel) && this.sameSentence(rel, c) && !this.lex.relativePronouns.has(tokens[rel]!.norm)) rel--;
    // A verb with و in front after the relative clause starts a clause of its own ("ونفى الاتهامات التي وجهت له وقال").
    if (rel !== prev && /^[وف]/.test(tokens[c]!.norm)) rel = -1;
    if (rel >= 0 && this.word(rel) && this.lex.relativePronouns.has(tokens[rel]!.norm)) {
      let e = rel;
      if (this.punct(e - 1, "،,")) e--;
      let a = e;
      while (a > 0 && e - a < 6 && this.sameSentence(a - 1, c)) {
        const t = tokens[a - 1]!;
        if (this.punct(a - 1, "،,.:") || this.lex.verb(t.norm) || this.lex.clauseStops.has(t.norm.replace(/^و/, "")) || this.lex.speakerBoundaries.has(t.norm)) break;
        a--;
      }
      const s = this.fromRange(a, e);
      if (s) return s;
    }
    if (prev >= 0 && this.sameSentence(prev, c) && this.mentionAt[prev]! >= 0) {
      const m = this.mentions[this.mentionAt[prev]!]!;
      if (m.type !== "LOC" || true) return { start: m.start, end: m.end, entity: m.entity };
    }
    let s = c;
    while (s > 0 && sentenceOf[s - 1] === sentenceOf[c] && c - s < 200) s--;
    // "وكانت السفارة الفرنسية لدى بوركينا فاسو أعلنت": the subject sits between كان and the verb.
    {
      let k = prev;
      while (k > s && prev - k < 8 && this.word(k) && !/^[وف]?(كان|كانت|كانوا)$/.test(tokens[k]!.norm)) k--;
      if (k >= s && k < prev && /^[وف]?(كان|كانت|كانوا)$/.test(tokens[k]!.norm) && tokens[prev]!.norm !== "قد") {
        const r = this.fromRange(k + 1, c);
        if (r) return r;
      }
    }
    // "وكانت متحدثة باسم البرلمان قد أعلنت": the subject sits between كان and قد.
    if (prev > s && tokens[prev]!.norm === "قد") {
      let k = prev - 1;
      while (k >= s && prev - k < 10 && !/^[وف]?(كان|كانت|كانوا)$/.test(tokens[k]!.norm)) k--;
      if (k >= s && prev - k < 10) {
        const r = this.fromRange(k + 1, prev);
        if (r) return r;
        // "أن بوابة الأهرام كانت قد ذكرت": the subject stands before كان.
        let a = k;
        while (a > s && k - a < 5 && this.word(a - 1) && !this.lex.complementizers.has(tokens[a - 1]!.norm) && !this.lex.verb(tokens[a - 1]!.norm)) a--;
        const r2 = this.fromRange(a, k);
        if (r2) return r2;
      }
    }
    // The first person, else organisation, named in the sentence outside quotation marks.
    let depth = 0;
    let best: Mention | undefined;
    for (let k = s; k < c; k++) {
      if (this.punct(k, "«“")) depth++;
      else if (this.punct(k, "»”")) depth = Math.max(0, depth - 1);
      else if (depth === 0 && this.mentionAt[k]! >= 0) {
        const m = this.mentions[this.mentionAt[k]!]!;
        if (m.type === "PER") {
          best = m;
          break;
        }
        // "أدلى به السفير لوكالة الأنباء الروسية، تاس،": the organisation addressed is not the subject.
        if (m.type === "ORG" && !best && !this.afterPreposition(k, s)) best = m;
      }
    }
    if (best && best.type === "PER") return { start: best.start, end: best.end, entity: best.entity };
    // A person the tagger does not know, announced by a title: "السفير السعودي", "الأستاذة … آمال قرامي".
    const titled = this.titledPerson(s, c);
    if (titled) return titled;
    if (best) return { start: best.start, end: best.end, entity: best.entity };
    // An apposition names the subject: "واستقال الموفد الأميركي، بريت مكغورك، في …".
    for (let k = s; k < c - 2; k++) {
      if (!this.punct(k, "،,")) continue;
      let j = k + 1;
      while (j < c && j - k <= 4 && this.word(j)) j++;
      if (j - k - 1 >= 1 && j - k - 1 <= 3 && this.punct(j, "،,")) {
        const first = tokens[k + 1]!.norm;
        // The phrase the apposition follows must not be prepositional ("لوكالة الأنباء، تاس،").
        let prepositional = false;
        for (let h = k - 1, seen = 0; h >= s && seen < 3 && !this.punct(h, "،,"); h--) {
          if (!this.word(h)) continue;
          seen++;
          const t = tokens[h]!;
          if (/^[لب]/.test(t.norm) && t.norm !== "لدي" && !this.lex.verb(t.norm)) prepositional = true;
        }
        // "أعلنت المحكمة، أن الأحد، سيكون": a complementizer or a date between commas names nobody.
        let clausal = this.lex.complementizers.has(first);
        for (let h = k + 1; h < j; h++) if (this.inTime[h]) clausal = true;
        if (!prepositional && !clausal && !this.lex.isAdjunct(first, tokens[k + 1]!.text) && !/^(و|ف)?(ال)/.test(first) && !this.lex.verb(first)) return this.fromRange(k + 1, j);
      }
    }
    // "ورحبت مجموعة «…» بالتحديثات، وقالت إنها": the subject of the sentence's first verb.
    if (c > s + 1 && /^[وف]/.test(tokens[s]!.norm) && !/^[وف]ال/.test(tokens[s]!.norm) && this.word(s) && !this.lex.isAdjunct(tokens[s]!.norm.slice(1), tokens[s]!.text)) {
      const a = s + 1;
      const e = this.npEnd(a, c);
      if (e > a && !this.lex.isAdjunct(tokens[a]!.norm, tokens[a]!.text)) {
        const r = this.fromRange(a, e);
        if (r) return r;
      }
    }
    if (this.last) return this.last;
    // Nobody has spoken yet: the last person named before the verb.
    for (let k = c - 1; k >= 0 && c - k < 400; k--) {
      const mi = this.mentionAt[k]!;
      if (mi >= 0 && this.mentions[mi]!.type === "PER" && !this.quoted[k]) return { start: this.mentions[mi]!.start, end: this.mentions[mi]!.end, entity: this.mentions[mi]!.entity };
    }
    return this.titledPerson(Math.max(0, c - 400), c);
  }

  /** Whether the mention at token k sits in a prepositional phrase: "لوكالة الأنباء الروسية، تاس". */
  private afterPreposition(k: number, s: number): boolean {
    const { tokens } = this.art;
    for (let h = k, seen = 0; h >= s && seen < 4; h--) {
      if (!this.word(h)) continue;
      seen++;
      const n = tokens[h]!.norm;
      if (this.lex.verb(n)) return false;
      if (h < k && this.lex.isAdjunct(n, tokens[h]!.text)) return true;
      if (/^[لب]/.test(n) && n !== "لدي") return true;
    }
    return false;
  }

  /**
   * The last person announced by a title in tokens [a, b), outside quotation marks: the name after
   * the title and its adjectives ("الأستاذة الجامعية التونسية آمال قرامي" → "آمال قرامي"), else the
   * title itself ("السفير السعودي").
   */
  private titledPerson(a: number, b: number): Speaker | undefined {
    const { tokens } = this.art;
    for (let t = b - 1; t >= a; t--) {
      if (!this.word(t) || this.quoted[t]) continue;
      const n = tokens[t]!.norm.replace(/^[وف](?=ال)/, "");
      const definite = n.startsWith("ال");
      if (!this.lex.personTitles.has(definite ? n.slice(2) : n)) continue;
      let j = t + 1;
      while (j < b && j - t <= 3 && this.word(j) && !this.quoted[j] && tokens[j]!.norm.startsWith("ال") && !this.lex.verb(tokens[j]!.norm)) j++;
      // "وزير الخارجية": an indefinite title is one only with its definite complement.
      if (!definite && j === t + 1) continue;
      let e = j;
      while (e < b && e - j < 3 && this.word(e) && !this.quoted[e] && tokens[e]!.kind === "word" && !tokens[e]!.norm.startsWith("ال") && !this.isFunctionWord(e)) e++;
      // A name closes its phrase: a mark, an adjunct, a verb or the end of the range follows it.
      const closed = e >= b || !this.word(e) || this.isFunctionWord(e) || tokens[e]!.norm.startsWith("ال");
      if (e > j && closed) return { start: tokens[j]!.start, end: tokens[e - 1]!.end };
      if (e === j) return { start: tokens[t]!.start, end: tokens[j - 1]!.end };
    }
    return undefined;
  }

  private isFunctionWord(k: number): boolean {
    const t = this.art.tokens[k]!;
    return this.lex.isAdjunct(t.norm, t.text) || this.lex.complementizers.has(t.norm) || this.lex.relativePronouns.has(t.norm) || this.lex.verb(t.norm) !== undefined || this.lex.scareBefore.has(t.norm) || this.lex.speakerBoundaries.has(t.norm) || this.inTime[k] === 1;
  }
}
