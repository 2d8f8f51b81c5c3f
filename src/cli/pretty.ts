/**
 * `--pretty`: a readable terminal summary. Arabic is printed in logical order; a UTF-8 terminal
 * with bidi support shapes and orders it. Colours only on a TTY.
 */
import type { RasdRecord } from "../types.js";

export function formatPretty(rec: RasdRecord, opts: { color: boolean }): string {
  const c = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const st = rec.structure;
  lines.push(c("1", `رصد · ${rec.id}`) + `  (${rec.source.kind}, ${rec.source.encoding}, ${rec.language})`);
  if (st.section) lines.push(`${c("2", "section  ")} ${st.section}`);
  if (st.headline) lines.push(`${c("2", "headline ")} ${c("1", st.headline)}`);
  if (st.byline) lines.push(`${c("2", "byline   ")} ${st.byline}`);
  if (st.dateline) lines.push(`${c("2", "dateline ")} ${st.dateline}`);
  if (st.publisher) lines.push(`${c("2", "publisher")} ${st.publisher}`);
  lines.push(`${c("2", "dct      ")} ${rec.dct.value ?? "unknown"} (${rec.dct.origin}${rec.dct.range ? `, ${rec.dct.range[0]}..${rec.dct.range[1]}` : ""})`);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  lines.push(`${c("2", "body     ")} ${plural(st.paragraphs.length, "paragraph", "paragraphs")}, ${plural(st.boilerplate.length, "boilerplate line", "boilerplate lines")}`);
  const lead = st.paragraphs[0]?.text;
  if (lead) lines.push(`${c("2", "lead     ")} ${lead.length > 90 ? lead.slice(0, 90) + "…" : lead}`);
  for (const b of st.boilerplate.slice(0, 5)) lines.push(`${c("2", "chrome   ")} ${c("2", b.text.length > 60 ? b.text.slice(0, 60) + "…" : b.text)}`);
  if (st.boilerplate.length > 5) lines.push(`${c("2", "chrome   ")} … ${st.boilerplate.length - 5} more`);
  if (rec.entities.length) {
    lines.push(c("1", "entities"));
    const colour: Record<string, string> = { PER: "34", ORG: "35", LOC: "32", MISC: "33" };
    for (const e of [...rec.entities].sort((a, b) => b.mentions.length - a.mentions.length)) {
      lines.push(`  ${c(colour[e.type] ?? "0", e.type.padEnd(4))} ${e.name}${e.en ? ` — ${e.en}` : ""} ×${e.mentions.length}`);
    }
  }
  if (rec.times.length) {
    lines.push(c("1", "times"));
    for (const t of rec.times) lines.push(`  ${t.type.padEnd(8)} ${t.value.padEnd(12)} ${t.text}`);
  }
  if (rec.quotes.length) {
    lines.push(c("1", "quotes"));
    for (const q of rec.quotes) lines.push(`  ${q.kind.padEnd(8)} ${q.speaker?.text ?? "?"}: «${q.text.length > 80 ? q.text.slice(0, 80) + "…" : q.text}»`);
  }
  if (rec.quantities.length) lines.push(`${c("1", "quantities")} ${rec.quantities.map((q) => `${q.text}=${q.value}`).join(" · ")}`);
  if (rec.events.length) {
    lines.push(c("1", "events"));
    const name = (id?: string) => rec.entities.find((e) => e.id === id)?.en ?? rec.entities.find((e) => e.id === id)?.name ?? "";
    for (const v of rec.events) lines.push(`  ${v.cameo.padEnd(5)} ${v.label} (${v.trigger.text}) ${name(v.actor)}${v.target ? " → " + name(v.target) : ""}`);
  }
  if (rec.framing.length) lines.push(`${c("1", "framing")} ${rec.framing.map((f) => `${f.text} (${f.kind})`).join(" · ")}`);
  lines.push(`${c("1", "tone")} ${rec.tone.score.toFixed(2)} (positive ${rec.tone.positive.toFixed(2)}, negative ${rec.tone.negative.toFixed(2)}, ${rec.tone.words} words)`);
  if (rec.topics?.length) lines.push(`${c("1", "topics")} ${rec.topics.map((t) => `${t.label} ${t.score.toFixed(2)}`).join(" · ")}`);
  for (const w of rec.warnings ?? []) lines.push(c("33", `warning [${w.code}] ${w.message}`));
  return lines.join("\n");
}
