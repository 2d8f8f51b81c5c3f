/**
 * BIO labels over PER, LOC, ORG, MISC, and the constraint that an I- label only continues an entity
 * of its own type. The tagger decodes under the constraint so it never produces an orphan I- tag.
 */
export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"] as const;
export type Label = (typeof LABELS)[number];
export const N_LABELS = LABELS.length;
export const LABEL_INDEX: ReadonlyMap<string, number> = new Map(LABELS.map((l, i) => [l, i]));

/** allowed[prev * N + cur]; prev = N_LABELS stands for the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((N_LABELS + 1) * N_LABELS);
  for (let p = 0; p <= N_LABELS; p++) {
    for (let c = 0; c < N_LABELS; c++) {
      const cur = LABELS[c]!;
      let ok = true;
      if (cur.startsWith("I-")) {
        const prev = p < N_LABELS ? LABELS[p]! : "O";
        ok = prev !== "O" && prev.slice(2) === cur.slice(2);
      }
      a[p * N_LABELS + c] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** Gold tags with conlleval's reading: an I- after O or another type starts an entity (becomes B-). */
export function repairTags(tags: readonly string[]): number[] {
  const out: number[] = [];
  let prev = "O";
  for (const t0 of tags) {
    let t = LABEL_INDEX.has(t0) ? t0 : t0 === "B-PERS" ? "B-PER" : t0 === "I-PERS" ? "I-PER" : "O";
    if (t.startsWith("I-") && (prev === "O" || prev.slice(2) !== t.slice(2))) t = "B-" + t.slice(2);
    out.push(LABEL_INDEX.get(t)!);
    prev = t;
  }
  return out;
}
