#!/usr/bin/env node
/**
 * Builds a hand-annotated entity set in CoNLL from drawn passages (scripts/draw-ner-passages.mjs):
 *   node scripts/ner-set.mjs tokens DRAW.jsonl            passages cut into ANERcorp-like tokens, one
 *                                                         `### id` line and one line of tokens each,
 *                                                         for the annotator to mark up
 *   node scripts/ner-set.mjs conll DRAW.jsonl MARKED.txt  the marked-up file checked against the
 *                                                         tokens and written as CoNLL (token TAB tag)
 *   node scripts/ner-set.mjs agree DRAW.jsonl A.txt B.txt exact-match entity agreement of two
 *                                                         annotators and their differences
 * Markup: an entity is `[[TYPE token token …]]` around whole tokens, TYPE one of PER ORG LOC MISC.
 * Tokens as ANERcorp cuts them: at white space, with punctuation split off as tokens of its own
 * (the comma, quotation marks, brackets, the slash, a hyphen between words), a number's decimal point
 * and per cent sign kept; a CoNLL sentence ends after `.`, `؟` or `!` outside an entity, and a passage ends one.
 */
import { readFileSync } from "node:fs";

const TYPES = new Set(["PER", "ORG", "LOC", "MISC"]);
const PUNCT = /[.,،:;؛!؟?"«»“”()\[\]{}\/…'‘’\-–—*]/u;

export function tokenize(text) {
  const out = [];
  for (const chunk of text.split(/\s+/u)) {
    if (!chunk) continue;
    let cur = "";
    const chars = [...chunk];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const prev = chars[i - 1] ?? "", next = chars[i + 1] ?? "";
      // 3.5 and 1,000 stay one number; a dot between letters (U.S) is split like any other.
      const inNumber = (c === "." || c === ",") && /\d/.test(prev) && /\d/.test(next);
      if (PUNCT.test(c) && !inNumber) {
        if (cur) out.push(cur);
        cur = "";
        out.push(c);
      } else cur += c;
    }
    if (cur) out.push(cur);
  }
  return out;
}

function readDraw(file) {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Reads a marked-up file: `### id` then the passage's tokens with `[[TYPE …]]` around entities. */
function readMarked(file, draw) {
  const byId = new Map();
  let id = null, buf = [];
  const flush = () => { if (id !== null) byId.set(id, buf.join(" ")); };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^###\s*(\S+)/.exec(line);
    if (m) { flush(); id = m[1]; buf = []; } else if (id !== null) buf.push(line);
  }
  flush();
  const errors = [];
  const result = new Map();
  for (const p of draw) {
    const want = tokenize(p.text);
    const marked = byId.get(p.id);
    if (marked === undefined) continue; // a file may hold part of the draw
    const tokens = [], tags = [];
    let open = null;
    for (const piece of marked.replace(/\[\[(\w+)\s/g, " [[$1 ").replace(/\]\]/g, " ]] ").split(/\s+/)) {
      if (!piece) continue;
      const o = /^\[\[(\w+)$/.exec(piece);
      if (o) {
        if (open) errors.push(`${p.id}: [[${o[1]} inside [[${open.type}`);
        if (!TYPES.has(o[1])) errors.push(`${p.id}: unknown type ${o[1]}`);
        open = { type: o[1], first: true };
      } else if (piece === "]]") {
        if (!open) errors.push(`${p.id}: ]] without [[`);
        else if (open.first) errors.push(`${p.id}: empty [[${open.type} ]]`);
        open = null;
      } else {
        tokens.push(piece);
        tags.push(open ? `${open.first ? "B" : "I"}-${open.type}` : "O");
        if (open) open.first = false;
      }
    }
    if (open) errors.push(`${p.id}: [[${open.type} not closed`);
    const at = want.findIndex((t, i) => t !== tokens[i]);
    if (at >= 0 || tokens.length !== want.length) {
      const i = at >= 0 ? at : Math.min(want.length, tokens.length);
      errors.push(`${p.id}: token ${i} is "${tokens[i] ?? "(end)"}", the passage has "${want[i] ?? "(end)"}" (${want.slice(Math.max(0, i - 3), i + 3).join(" ")})`);
    }
    result.set(p.id, { tokens: want, tags });
  }
  if (!result.size) errors.push("no passage of the draw");
  else if (result.size < draw.length) process.stderr.write(`${file}: ${result.size} of the draw's ${draw.length} passages (the others skipped)\n`);
  if (errors.length) {
    process.stderr.write(`${file}: ${errors.length} problem(s)\n${errors.join("\n")}\n`);
    process.exit(1);
  }
  return result;
}

function spans(tags) {
  const out = [];
  let cur = null;
  tags.forEach((t, i) => {
    if (t.startsWith("B-") || (t.startsWith("I-") && (!cur || cur.type !== t.slice(2)))) {
      if (cur) out.push(cur);
      cur = { type: t.slice(2), start: i, end: i + 1 };
    } else if (t.startsWith("I-")) cur.end = i + 1;
    else if (cur) { out.push(cur); cur = null; }
  });
  if (cur) out.push(cur);
  return out;
}

const [cmd, drawFile, a, b] = process.argv.slice(2);
if (!cmd || !drawFile) {
  process.stderr.write("usage: ner-set.mjs tokens DRAW.jsonl | conll DRAW.jsonl MARKED.txt | agree DRAW.jsonl A.txt B.txt\n");
  process.exit(2);
}
const draw = readDraw(drawFile);
if (cmd === "tokens") {
  for (const p of draw) process.stdout.write(`### ${p.id}\n${tokenize(p.text).join(" ")}\n\n`);
} else if (cmd === "conll") {
  const marked = readMarked(a, draw);
  let out = "";
  for (const p of draw) {
    if (!marked.has(p.id)) continue;
    const { tokens, tags } = marked.get(p.id);
    tokens.forEach((t, i) => {
      out += `${t}\t${tags[i]}\n`;
      const last = i === tokens.length - 1;
      // Never inside an entity: "بي . في سايكل" is one organisation.
      const ends = /^[.؟!]$/.test(t) && !/^[.؟!]$/.test(tokens[i + 1]) && !tags[i + 1]?.startsWith("I-");
      if (last || ends) out += "\n";
    });
  }
  process.stdout.write(out);
} else if (cmd === "agree") {
  const A = readMarked(a, draw), B = readMarked(b, draw);
  let both = 0, na = 0, nb = 0;
  const byType = {};
  for (const p of draw) {
    if (!A.has(p.id) || !B.has(p.id)) continue;
    const { tokens } = A.get(p.id);
    const sa = spans(A.get(p.id).tags), sb = spans(B.get(p.id).tags);
    const key = (s) => `${s.type}:${s.start}:${s.end}`;
    const kb = new Set(sb.map(key)), ka = new Set(sa.map(key));
    na += sa.length; nb += sb.length;
    for (const s of sa) {
      byType[s.type] ??= { both: 0, a: 0, b: 0 };
      byType[s.type].a++;
      if (kb.has(key(s))) { both++; byType[s.type].both++; }
    }
    for (const s of sb) (byType[s.type] ??= { both: 0, a: 0, b: 0 }).b++;
    const show = (s) => `[[${s.type} ${tokens.slice(s.start, s.end).join(" ")}]] @${s.start}`;
    for (const s of sa) if (!kb.has(key(s))) console.log(`${p.id}\tA only\t${show(s)}`);
    for (const s of sb) if (!ka.has(key(s))) console.log(`${p.id}\tB only\t${show(s)}`);
  }
  const f = (x, y, z) => (2 * x / (y + z) * 100).toFixed(2);
  console.log(`agreement F1 ${f(both, na, nb)} (A ${na}, B ${nb}, both ${both})`);
  for (const [t, c] of Object.entries(byType)) console.log(`  ${t}: ${f(c.both, c.a, c.b)} (A ${c.a}, B ${c.b}, both ${c.both})`);
} else {
  process.stderr.write(`unknown command ${cmd}\n`);
  process.exit(2);
}
