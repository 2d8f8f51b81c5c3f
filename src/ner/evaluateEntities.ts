/**
 * Exact-match entity scoring with conlleval's semantics: a chunk starts at B-X, or at I-X after O or
 * after a chunk of another type; it ends where the next tag does not continue it. A predicted chunk
 * is correct when its start, end and type equal a gold chunk's.
 */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface EntityScores {
  overall: PRF;
  byType: Record<string, PRF>;
  tokens: number;
  tokenAccuracy: number;
}

/** Chunks of a tag sequence as "start:end:type" strings (end exclusive). */
export function chunks(tags: readonly string[]): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  let start = -1, type = "";
  const close = (i: number) => { if (start >= 0) out.push({ start, end: i, type }); start = -1; type = ""; };
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] ?? "O";
    const dash = t.indexOf("-");
    const prefix = dash > 0 ? t.slice(0, dash) : t;
    const ty = dash > 0 ? t.slice(dash + 1) : "";
    if (prefix === "B" || prefix === "S") { close(i); start = i; type = ty; }
    else if (prefix === "I" || prefix === "E") { if (start < 0 || type !== ty) { close(i); start = i; type = ty; } }
    else close(i);
  }
  close(tags.length);
  return out;
}

function prf(correct: number, gold: number, predicted: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/** Scores predicted tag sequences against gold ones, sentence by sentence. */
export function evaluateEntities(gold: ReadonlyArray<readonly string[]>, pred: ReadonlyArray<readonly string[]>): EntityScores {
  const counts = new Map<string, { g: number; p: number; c: number }>();
  const bump = (t: string, k: "g" | "p" | "c") => {
    const x = counts.get(t) ?? { g: 0, p: 0, c: 0 };
    x[k]++;
    counts.set(t, x);
  };
  let tokens = 0, right = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!, p = pred[s] ?? [];
    for (let i = 0; i < g.length; i++) { tokens++; if ((p[i] ?? "O") === g[i]) right++; }
    const gc = chunks(g), pc = chunks(p);
    const gs = new Set(gc.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of gc) bump(c.type, "g");
    for (const c of pc) {
      bump(c.type, "p");
      if (gs.has(`${c.start}:${c.end}:${c.type}`)) bump(c.type, "c");
    }
  }
  let G = 0, P = 0, C = 0;
  const byType: Record<string, PRF> = {};
  for (const [t, x] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    byType[t] = prf(x.c, x.g, x.p);
    G += x.g; P += x.p; C += x.c;
  }
  return { overall: prf(C, G, P), byType, tokens, tokenAccuracy: tokens ? right / tokens : 0 };
}

/** conlleval-like text report. */
export function formatScores(s: EntityScores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const o = s.overall;
  const lines = [
    `processed ${s.tokens} tokens with ${o.gold} phrases; found: ${o.predicted} phrases; correct: ${o.correct}.`,
    `accuracy: ${pct(s.tokenAccuracy)}%; precision: ${pct(o.precision)}%; recall: ${pct(o.recall)}%; FB1: ${pct(o.f1)}`,
  ];
  for (const [t, x] of Object.entries(s.byType)) {
    lines.push(`${t.padStart(17)}: precision: ${pct(x.precision)}%; recall: ${pct(x.recall)}%; FB1: ${pct(x.f1)}  ${x.predicted}`);
  }
  return lines.join("\n") + "\n";
}
