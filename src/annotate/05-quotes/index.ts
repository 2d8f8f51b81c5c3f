/**
 * 05-quotes: who said what. Direct, indirect and partial quotes with their speaker and cue.
 *
 * 1. Pair the quotation marks of each paragraph (quoteMarks.ts) and find the reporting cues: verbs
 *    in any person, tense or participle, with their clitics (reportingLexicon.ts).
 * 2. Direct quotes: a pair after a cue's colon ("وقال: «…»", "وجاء في البيان: إن «…»"); a closing »
 *    with no opening one after a cue's colon (the quote opened without a mark); a cue's colon followed
 *    by unmarked words up to the sentence end; a pair followed by "، قال …"; a long pair on its own.
 * 3. Indirect quotes: a cue followed within its clause by أن/إن (after إلى، على، من when the verb
 *    takes one): the quote runs to the sentence end or to the next cue or hedge after a comma.
 * 4. Short quoted names («داعش»، ما سماه «…») are not speech; a quoted phrase of three words or more
 *    inside indirect speech is a partial quote of the same speaker.
 * 5. Speakers (SpeakerResolver.ts): the subject after the verb, an apposition's name, the body behind
 *    "البيان", the source after "نقلت … عن"; a verb without a subject takes the sentence's subject or
 *    the last speaker. A speaker is linked to the entity whose mention it overlaps.
 */
import type { Annotator, Quote, Span } from "../../types.js";
import { articleText } from "../04-quantities/articleText.js";
import { pairQuoteMarks, type MarkPair } from "./quoteMarks.js";
import { reportingLexicon, type ReportingVerb } from "./reportingLexicon.js";
import { IntMemo } from "../04-quantities/IntMemo.js";
import { normEpoch } from "../04-quantities/fastTokenize.js";
import { SpeakerResolver, type Speaker } from "./SpeakerResolver.js";

interface Candidate {
  /** Token range of the quoted words, end exclusive. */
  from: number;
  to: number;
  kind: Quote["kind"];
  cue?: number;
  /** For a partial quote: the indirect quote it sits in. */
  parent?: Candidate;
  /** A quote governed by a preposition ("دعا إلى «…»"): partial even outside indirect speech. */
  governed?: boolean;
  speaker?: Speaker;
}

const PREPOSITIONS = new Set(["في", "عن", "من", "الي", "علي", "حول", "بشان", "ب", "ل"]);
const MAX_INDIRECT = 120;
/** Per word: 0 when it is no reporting verb (most words), else 1 + the index of its verb in `verbList`. */
const verbMemo = new IntMemo();
let verbList: ReportingVerb[] = [];
let verbEpoch = -1;
const CUE_WINDOW = 30;

/**
 * The per-token working arrays of one run, kept from article to article (a run is never re-entered):
 * allocating them afresh cost more than the passes that use them. Handed out cleared, as views of
 * exactly the article's length, so that a read past the end is undefined as in a fresh array.
 */
let scratchBytes = new Uint8Array(0);
let scratchInts = new Int32Array(0);
let scratchChars = new Uint16Array(0);

function scratch(n: number): { bytes: Uint8Array; ints: Int32Array; chars: Uint16Array } {
  if (scratchChars.length < n) {
    const cap = Math.max(n, 2 * scratchChars.length, 1024);
    scratchBytes = new Uint8Array(5 * cap);
    scratchInts = new Int32Array(2 * cap);
    scratchChars = new Uint16Array(cap);
  }
  scratchBytes.fill(0, 0, 5 * n);
  scratchInts.fill(-1, 0, 2 * n);
  scratchChars.fill(0, 0, n);
  return { bytes: scratchBytes.subarray(0, 5 * n), ints: scratchInts, chars: scratchChars.subarray(0, n) };
}

export const quotesAnnotator: Annotator<"quotes"> = {
  name: "quotes",
  requires: [],
  assigns: "quotes",
  run(doc, before) {
    const art = articleText(doc, before);
    const { tokens, sentenceOf, regions, ids } = art;
    const lex = reportingLexicon();
    // The reporting verb of each token (or undefined), looked up once per word form and remembered by its id.
    const verbs: Array<ReportingVerb | undefined> = new Array(tokens.length);
    if (verbEpoch !== normEpoch()) {
      verbList = [];
      verbEpoch = normEpoch();
    }
    // Per token, read by the many passes below without touching the token objects: the character of
    // a mark (0 for words and numbers), and whether it is a word, a Latin word or a number.
    const n = tokens.length;
    const { bytes, ints, chars } = scratch(n);
    const markChar = chars;
    const wordish = bytes.subarray(0, n);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // Only words are verbs (numbers, marks and Latin words never are).
      if (t.kind !== "word") {
        verbs[i] = undefined;
        if (t.kind === "latin" || t.kind === "number") wordish[i] = 1;
        else if (t.text.length === 1) markChar[i] = t.text.charCodeAt(0);
        continue;
      }
      wordish[i] = 1;
      const id = ids[i]!;
      let v = verbMemo.get(id);
      if (v < 0) {
        const found = lex.verb(tokens[i]!.norm);
        if (found) verbList.push(found);
        v = verbMemo.set(id, found ? verbList.length : 0);
      }
      verbs[i] = v === 0 ? undefined : verbList[v - 1];
    }
    /** For an opening mark of a short quoted name ("وكالة "وفا" الرسمية"), the index of its closing mark. */
    const shortPairClose = ints.subarray(0, n);
    const shortPairOpen = ints.subarray(n, 2 * n);
    /** Tokens inside quotation marks: a name there is quoted, not a speaker. */
    const quoted = bytes.subarray(n, 2 * n);
    // A mark of two code units is in none of the sets of marks asked about (all of them one unit each).
    const isPunct = (i: number, chars: string) => {
      const c = markChar[i];
      return c !== undefined && c !== 0 && chars.includes(tokens[i]!.text);
    };
    const isColon = (i: number) => markChar[i] === 0x3a;
    const isWord = (i: number) => wordish[i] === 1;
    // Token indices are the article's, so these serve every paragraph without being cleared.
    const usedCue = bytes.subarray(2 * n, 3 * n);
    const usedColon = bytes.subarray(3 * n, 4 * n);
    const stray = bytes.subarray(4 * n, 5 * n);
    const words = (from: number, to: number) => {
      let n = 0;
      for (let k = from; k < to; k++) if (isWord(k)) n++;
      return n;
    };
    const out: Candidate[] = [];
    let r0 = 0;
    for (let ri = 0; ri < regions.length; ri++) {
      const from = r0;
      let to = from;
      while (to < tokens.length && art.regionOf[to] === ri) to++;
      r0 = to;
      if (to === from) continue;
      const cands: Candidate[] = [];
      const { pairs, strayClosers } = pairQuoteMarks(tokens, from, to);
      // quoted[k] is also "inside a pair of this paragraph" for its tokens k.
      for (const p of pairs) {
        for (let k = p.open; k <= p.close; k++) quoted[k] = 1;
        if (words(p.open + 1, p.close) <= 4) {
          shortPairClose[p.open] = p.close;
          shortPairOpen[p.close] = p.open;
        }
      }
      /** The reporting verb before a colon, in the same sentence, not inside quotation marks. */
      const cueBefore = (colon: number, allowColonOnly = true): number | undefined => {
        const lo = Math.max(from, colon - CUE_WINDOW);
        for (let k = colon - 1; k >= lo; k--) {
          if (isPunct(k, ":.؟?!") ) return undefined;
          if (quoted[k]) continue;
          const v = verbs[k];
          if (v && !v.clauseOnly && (allowColonOnly || !v.colonOnly)) return k;
        }
        return undefined;
      };
      const trimEnd = (a: number, b: number) => {
        while (b > a && !isWord(b - 1) && !isPunct(b - 1, "»”\")")) b--;
        while (b > a && isPunct(b - 1, ".،,؛;:!?؟…")) b--;
        return b;
      };

      // 2a. A closing mark with no opening one: the quote opened after a colon.
      let lastColon = -1;
      for (const k of strayClosers) stray[k] = 1;
      for (let i = from; i < to; i++) {
        if (isColon(i)) lastColon = i;
        if (stray[i] === 1 && lastColon >= 0 && i - lastColon > 1 && i - lastColon < 800) {
          const cue = cueBefore(lastColon);
          cands.push({ from: lastColon + 1, to: trimEnd(lastColon + 1, i), kind: "direct", cue });
          if (cue !== undefined) usedCue[cue] = 1;
          usedColon[lastColon] = 1;
          lastColon = -1;
        }
      }

      // 2b. Pairs of marks.
      for (const p of pairs) {
        const inner = words(p.open + 1, p.close);
        if (inner === 0) continue;
        let k = p.open - 1;
        if (k >= from && lex.complementizers.has(tokens[k]!.norm) && isPunct(k - 1, ":")) k--;
        const afterColon = k >= from && isPunct(k, ":");
        const q: Candidate = { from: p.open + 1, to: trimEnd(p.open + 1, p.close), kind: "direct" };
        if (afterColon) {
          usedColon[k] = 1;
          const cue = cueBefore(k);
          if (cue !== undefined) {
            q.cue = cue;
            usedCue[cue] = 1;
            cands.push(q);
            continue;
          }
          if (inner >= 3) {
            cands.push(q);
            continue;
          }
        }
        // "ما سماه «…»", "تنظيم «…»", "لـ«التحالف الدولي»": a name or the other side's words.
        const prev = tokens[p.open - 1];
        const scare = prev !== undefined && (lex.scareBefore.has(prev.norm) || lex.scareBefore.has(prev.norm.replace(/^[وفبل]/, "")));
        // "«…»، قال ترامب": the cue after the quote.
        let after = p.close + 1;
        if (isPunct(after, "،,")) after++;
        const v = after < to && !/^[وف]/.test(tokens[after]!.norm) ? verbs[after] : undefined;
        if (v && !v.participle && !v.relay && !v.clauseOnly && inner >= 2 && !scare && !PREPOSITIONS.has(prev?.norm ?? "")) {
          q.cue = after;
          usedCue[after] = 1;
          cands.push(q);
          continue;
        }
        if (scare || inner < 3) continue;
        // "دعا إلى «…»": the speaker's words governed by a preposition are a partial quote.
        const governed = PREPOSITIONS.has(tokens[p.open - 1]?.norm ?? "") && (tokens[p.open - 1]!.norm !== "علي" || tokens[p.open - 1]!.text.endsWith("ى")) && (tokens[p.open - 1]!.norm !== "ل" || inner >= 4);
        // "وقال ترامب «…»": a cue just before the marks, in the same clause.
        let near: number | undefined;
        for (let k2 = p.open - 1; k2 >= Math.max(from, p.open - 25); k2--) {
          // "مع قناة «ايه آر دي» التلفزيونية": a short quoted name on the way back is stepped over.
          if (shortPairOpen[k2]! >= 0) {
            k2 = shortPairOpen[k2]!;
            continue;
          }
          if (isPunct(k2, ".:؟?!»”\"") || sentenceOf[k2] !== sentenceOf[p.open]) break;
          const v2 = verbs[k2];
          if (v2 && !v2.clauseOnly) {
            near = k2;
            break;
          }
        }
        if (near !== undefined && usedCue[near] !== 1 && !lexHasComplementizerBetween(tokens, near, p.open, lex.complementizers)) {
          // "دعا … إلى «…»", "رأى البعض في الخطوة «…»": words of the speaker inside his sentence.
          // "لـ"سكاي نيوز عربية"": after ل a quoted phrase of three words is more often a name.
          const isPrep = (k2: number) => PREPOSITIONS.has(tokens[k2]!.norm) && (tokens[k2]!.norm !== "علي" || tokens[k2]!.text.endsWith("ى")) && (k2 !== p.open - 1 || tokens[k2]!.norm !== "ل" || inner >= 4);
          let prep = isPrep(p.open - 1);
          const clause = lex.complementizers.has(tokens[p.open + 1]?.norm ?? "");
          for (let k2 = near + 1; k2 < p.open && !prep && !clause && inner < 6; k2++) {
            // "وأضاف في تصريحات لإحدى الصحف «…»": the occasion of the speech, not a governed phrase.
            if (isPrep(k2) && lex.speechEventNouns.has(tokens[k2 + 1]?.norm.replace(/^ال/, "") ?? "")) break;
            if (isPrep(k2)) prep = true;
          }
          if (prep) {
            q.kind = "partial";
            q.cue = near;
            q.governed = true;
            cands.push(q);
            continue;
          }
          if (inner >= 4) {
            q.cue = near;
            usedCue[near] = 1;
            cands.push(q);
            continue;
          }
        }
        // Whether it is a direct or a partial quote is settled against the indirect quotes below.
        q.kind = inner >= 6 && !governed ? "direct" : "partial";
        q.governed = governed;
        cands.push(q);
      }

      // 2c. A cue's colon followed by unmarked words: the quote runs to the sentence end.
      for (let i = from; i < to; i++) {
        if (!isColon(i) || usedColon[i] === 1) continue;
        const next = i + 1;
        if (next >= to || quoted[i] || isPunct(next, "«“\"") || (lex.complementizers.has(tokens[next]?.norm ?? "") && isPunct(next + 1, "«“\""))) continue;
        const cue = cueBefore(i);
        if (cue === undefined || usedCue[cue] === 1) continue;
        let e = next;
        while (e < to && sentenceOf[e] === sentenceOf[next] && !isPunct(e, ":") && e - next < 400) e++;
        const end = trimEnd(next, e);
        if (words(next, end) < 3) continue;
        usedCue[cue] = 1;
        cands.push({ from: next, to: end, kind: "direct", cue });
      }

      // 3. Indirect speech: a cue and its أن/إن clause.
      // Asked for only after "قال إن «": made then, of the candidates found so far.
      let pairByOpen: Map<number, MarkPair> | undefined;
      let candByFrom: Map<number, Candidate> | undefined;
      const candsBefore = cands.length;
      const indirect: Candidate[] = [];
      let indirectEnd = -1;
      for (let c = from; c < to; c++) {
        if (usedCue[c] === 1 || quoted[c] || !isWord(c) || c < indirectEnd) continue;
        const v = verbs[c];
        if (!v || v.colonOnly) continue;
        // "يذكر أن", "ويشار إلى أن": the paper's formula, nobody speaks.
        if (lex.formulaVerbs.has(tokens[c]!.norm) && (lex.complementizers.has(tokens[c + 1]?.norm ?? "") || tokens[c + 1]?.norm === "الي")) continue;
        let comp = -1;
        const lo = Math.min(to, c + CUE_WINDOW);
        for (let k = c + 1; k < lo; k++) {
          if (shortPairClose[k]! > k) {
            k = shortPairClose[k]!;
            continue;
          }
          if (sentenceOf[k] !== sentenceOf[c] || isPunct(k, ":«“\"")) break;
          // "قال ظريف في المقابلة التي نشرت الاثنين إنه": a verb of a relative clause is not the next cue.
          if (k > c + 1 && verbs[k] && !lex.sayingNouns.has(tokens[k]!.norm) && !lex.relativePronouns.has(tokens[k - 1]!.norm)) break;
          if (lex.complementizers.has(tokens[k]!.norm)) {
            comp = k;
            break;
          }
        }
        if (comp < 0 || comp + 1 >= to) continue;
        // "قال إن «…»": the quote is direct, its marks say so.
        if (isPunct(comp + 1, "«“\"")) {
          pairByOpen ??= new Map(pairs.map((p) => [p.open, p]));
          const p = pairByOpen.get(comp + 1);
          if (p) {
            candByFrom ??= new Map(cands.slice(0, candsBefore).map((q) => [q.from, q]));
            const existing = candByFrom.get(p.open + 1);
            if (existing) {
              existing.kind = "direct";
              existing.cue = c;
              usedCue[c] = 1;
              continue;
            }
          }
        }
        let e = comp + 1;
        const cap = Math.min(to, comp + 1 + MAX_INDIRECT);
        while (e < cap && sentenceOf[e] === sentenceOf[comp + 1]) {
          const pv = e > comp + 1 ? verbs[e] : undefined;
          if (pv?.participle && !pv.relay) {
            let k3 = e + 1;
            while (k3 < Math.min(to, e + 4) && !lex.complementizers.has(tokens[k3]!.norm)) k3++;
            if (k3 < to && lex.complementizers.has(tokens[k3]!.norm)) break;
          }
          if (isPunct(e, "،,؛;") && e + 1 < to) {
            const n = tokens[e + 1]!.norm;
            if (verbs[e + 1] || lex.clauseStops.has(n) || lex.clauseStops.has(n.replace(/^و/, ""))) break;
            // "، لكن العسكري قال", "، في حين كشفت الوزارة": another clause, another speaker.
            if (lex.clauseContrasts.has(n) || (n === "في" && tokens[e + 2]?.norm === "حين")) break;
            // "، كما أكد رفضه …": the next cue of the sentence.
            if (n === "كما" && verbs[e + 2]) break;
          }
          e++;
        }
        const end = trimEnd(comp + 1, e);
        if (words(comp + 1, end) < 2) continue;
        usedCue[c] = 1;
        const q: Candidate = { from: comp + 1, to: end, kind: "indirect", cue: c };
        indirect.push(q);
        cands.push(q);
        indirectEnd = end;
        c = Math.max(c, comp);
      }

      // 3b. "…، حسبما قال المحلل": the words before the attribution were his.
      for (let i = from + 1; i < to; i++) {
        if (!isPunct(i - 1, "،,")) continue;
        const hit = lex.attributionAfter.matchAt(tokens, i, to, ids);
        if (!hit) continue;
        const cue = hit.to;
        const v = cue < to ? verbs[cue] : undefined;
        if (!v || v.colonOnly || usedCue[cue] === 1) continue;
        // The attribution is short and ends its clause: "، كما قال الوزير." yes, "، كما أكد رفضه لما يوصف …" (also) no.
        let close = cue + 1;
        while (close < to && close - cue <= 10 && sentenceOf[close] === sentenceOf[cue] && !isPunct(close, "،,.؛;؟?!") && !lex.complementizers.has(tokens[close]!.norm)) close++;
        if (close - cue > 10 || lex.complementizers.has(tokens[close]?.norm ?? "")) continue;
        let a = i - 1;
        while (a > from && sentenceOf[a - 1] === sentenceOf[i] && i - a < 200) a--;
        if (overlapsSpeech(cands, a, i)) continue;
        // "في حين أن …": skip a leading connective and its complementizer.
        let b = a;
        for (let k = a; k < Math.min(i - 1, a + 4); k++) if (lex.complementizers.has(tokens[k]!.norm)) b = k + 1;
        // "ويستعد الفريق …، وأن الخسارة لا تزال مؤثرة فيهم، كما أقر به اللاعب": the reported clause is the last أن-clause.
        for (let k = b; k < i - 1; k++) if (isPunct(k - 1, "،,") && lex.complementizers.has(tokens[k]!.norm) && /^و/.test(tokens[k]!.norm)) b = k + 1;
        const end = trimEnd(b, i - 1);
        if (words(b, end) < 4) continue;
        usedCue[cue] = 1;
        const q: Candidate = { from: b, to: end, kind: "indirect", cue };
        indirect.push(q);
        cands.push(q);
      }

      indirect.sort((a, b) => a.from - b.from);
      // 4. Pairs inside indirect speech are partial quotes of its speaker; others stand alone.
      for (const q of cands) {
        if (q.kind === "indirect" || (q.cue !== undefined && q.kind !== "partial")) continue;
        const host = hostOf(indirect, q.from);
        if (host && q.to > host.to) host.to = q.to;
        if (host) {
          if (host.from === q.from - 1 && q.to >= host.to - 1) {
            q.kind = "direct";
            q.cue = host.cue;
            host.kind = "partial";
            host.to = host.from; // dropped below
          } else {
            q.kind = "partial";
            q.parent = host;
          }
        } else if (q.kind === "partial" && !q.governed) {
          q.kind = "direct";
          q.to = q.from; // a short quoted phrase with no speech around it: a title or a name
        }
      }
      for (const q of cands) if (q.to > q.from) out.push(q);
    }

    // 5. Speakers, in text order (a verb with no subject takes the last speaker).
    out.sort((a, b) => a.from - b.from);
    const quotes: Quote[] = [];
    if (!out.length) return quotes;
    // Built only for an article with quotes: it indexes every mention and time expression by token.
    const resolver = new SpeakerResolver(doc.text, art, before.entities ?? [], before.times ?? [], lex, shortPairClose, quoted);
    for (const q of out) {
      const speaker = q.parent?.speaker ?? resolver.resolve(q.cue, q.from);
      q.speaker = speaker;
      // Plain object literals, not spreads: this runs for every quote of every article.
      const start = tokens[q.from]!.start, end = tokens[q.to - 1]!.end;
      const rec: Quote = { start, end, text: doc.text.slice(start, end), kind: q.kind };
      if (speaker) {
        rec.speaker = spanOf(doc.text, speaker.start, speaker.end, speaker.entity);
        if (speaker.channel) rec.channel = spanOf(doc.text, speaker.channel.start, speaker.channel.end, speaker.channel.entity);
      }
      if (q.cue !== undefined) rec.cue = resolver.cueSpan(q.cue);
      quotes.push(rec);
    }
    return quotes;
  },
};

/**
 * Whether a direct or indirect candidate overlaps tokens [a, b). A function of its own, not a closure
 * in the loop over tokens that asks it: a closure there made the loop allocate at every token.
 */
function overlapsSpeech(cands: readonly Candidate[], a: number, b: number): boolean {
  for (const q of cands) if (q.from < b && q.to > a && q.kind !== "partial") return true;
  return false;
}

/** The indirect quote (sorted by start, not overlapping) that holds token `at`, by binary search. */
function hostOf(indirect: Candidate[], at: number): Candidate | undefined {
  let lo = 0, hi = indirect.length - 1, found: Candidate | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (indirect[mid]!.from <= at) {
      found = indirect[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && at < found.to ? found : undefined;
}

function lexHasComplementizerBetween(tokens: readonly { norm: string }[], a: number, b: number, comps: Set<string>): boolean {
  for (let k = a + 1; k < b; k++) if (comps.has(tokens[k]!.norm)) return true;
  return false;
}

/** A span with its entity when it has one (the key absent otherwise). */
function spanOf(text: string, start: number, end: number, entity: string | undefined): Span & { entity?: string } {
  return entity ? { start, end, text: text.slice(start, end), entity } : { start, end, text: text.slice(start, end) };
}
