#!/usr/bin/env node
// Lists the speaker errors (and missed or spurious quotes) of the quote annotator on hand-annotated
// sets, with the passage and the cue, for error analysis: node scripts/quote-errors.mjs test/data/quotes/*.jsonl
// Runs the built library (dist/).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { loadDocument } = await import(join(root, "dist/src/sources/index.js"));
const { defaultPipeline } = await import(join(root, "dist/src/pipeline.js"));
const { matchSpans } = await import(join(root, "dist/src/eval/quotes.js"));
const { normalize } = await import(join(root, "dist/src/text/normalize.js"));
const flat = (s) => normalize(s).replace(/[«»"“”'‘’.,،:؛!?؟()\-]/g, " ").replace(/\s+/g, " ").trim();
const pipeline = defaultPipeline();
const brief = process.argv.includes("--brief");
for (const file of process.argv.slice(2).filter((a) => !a.startsWith("--"))) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const p = JSON.parse(line);
    const rec = pipeline.run(loadDocument({ text: p.text }));
    const gold = p.quotes.filter((q) => q.kind !== "partial");
    const pred = rec.quotes.filter((q) => q.kind !== "partial");
    const pairs = matchSpans(gold, pred);
    const out = [];
    for (const [g, q] of pairs) {
      if (!g.speaker) continue;
      const e = q.speaker?.entity ? rec.entities.find((x) => x.id === q.speaker.entity) : undefined;
      const names = q.speaker ? [q.speaker.text, ...(e ? [e.name, ...e.mentions.map((m) => m.text)] : [])].map(flat) : [];
      const gf = flat(g.speaker);
      if (names.some((n) => n.length >= 2 && (n.includes(gf) || gf.includes(n)))) continue;
      out.push(`  speaker: gold "${g.speaker}" got "${q.speaker?.text ?? "-"}" cue "${q.cue?.text ?? "-"}" for «${g.text.slice(0, 40)}»`);
    }
    for (const g of gold) if (!pairs.some(([x]) => x === g)) out.push(`  missed ${g.kind}: «${g.text.slice(0, 50)}»`);
    for (const q of pred) if (!pairs.some(([, y]) => y === q)) out.push(`  spurious ${q.kind}: «${q.text.slice(0, 50)}» cue "${q.cue?.text ?? "-"}"`);
    if (!out.length) continue;
    console.log(`## ${file.split("/").pop()} ${p.id}`);
    if (!brief) {
      console.log(p.text);
      const per = rec.entities.map((e) => `${e.type}:${e.mentions.map((m) => m.text).join("|")}`).join("  ");
      console.log(`  entities: ${per}`);
    }
    console.log(out.join("\n"));
  }
}
