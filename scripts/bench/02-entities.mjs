// Entities (02-entities): tagging + knowledge-base linking + coreference, on articles whose structure
// was computed beforehand (untimed). Reports tokens/s on one core (tokens as the tagger sees them),
// the cold load of the model and knowledge base, and memory with both loaded. Also times the bare
// tagger over the same sentences, and the hostile inputs (a 10,000-token run without punctuation,
// a 1,000-character token, Latin and mixed-script text), which must stay linear.
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export default {
  name: "entities (tag + link)",
  async run({ root, lib, articles, measure }) {
    const { structureAnnotator } = await import(join(root, "dist/src/annotate/01-structure/index.js"));
    const ent = await import(join(root, "dist/src/annotate/02-entities/index.js"));
    const fm = await import(join(root, "dist/src/annotate/02-entities/findMentions.js"));
    const { nerModel } = await import(join(root, "dist/src/ner/NerModel.js"));
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const model = nerModel();
    const loadMs = performance.now() - t0;
    const docs = [];
    for (const a of articles) {
      try {
        const doc = lib.loadDocument(a);
        const structure = structureAnnotator.run(doc, {});
        const sentences = fm.sentencesOf(doc.text, fm.annotatableRegions(doc, structure));
        docs.push({ doc, structure, tokens: sentences.reduce((n, s) => n + s.tokens.length, 0), words: sentences.map((s) => s.tokens.map((t) => t.text)) });
      } catch { /* a document the source refuses is not this section's business */ }
    }
    const tokens = docs.reduce((n, d) => n + d.tokens, 0);
    const full = measure(docs, (d) => ent.entitiesAnnotator.run(d.doc, { structure: d.structure }), { bytesOf: (d) => Buffer.byteLength(d.doc.text) });
    const secs = full.articles / full["articles/s"];
    // The bare tagger over the same sentences, an article at a time as the annotator runs it (both
    // passes when the model has a second one).
    const s0 = performance.now();
    for (const d of docs) model.tagRun(d.words);
    const tagSecs = (performance.now() - s0) / 1000;
    // Hostile inputs: time per token must not grow with the input.
    const hostile = {};
    const longRun = Array.from({ length: 10000 }, (_, i) => ["كلمة", "ترامب", "في", "واشنطن", "مدينة"][i % 5]).join(" ");
    const cases = { "10k-token run": longRun, "1000-char token": "ب".repeat(1000) + " قال ترامب", latin: "Donald Trump met Mike Pompeo in Washington. ".repeat(200), mixed: "قال Trump إن ISIS في سوريا 2019 ".repeat(300) };
    for (const [name, text] of Object.entries(cases)) {
      const doc = lib.loadDocument({ text, dct: "2019-01-31" });
      const st = structureAnnotator.run(doc, {});
      const a = performance.now();
      ent.entitiesAnnotator.run(doc, { structure: st });
      hostile[name] = +(performance.now() - a).toFixed(1);
    }
    return [
      { "model+KB load ms": loadMs, "RSS added MB": (process.memoryUsage().rss - rssBefore) / 1048576, "RSS MB": process.memoryUsage().rss / 1048576 },
      // Per main-thread CPU-second too: the work one core does, whatever else the machine runs.
      { ...full, tokens, "tokens/s (tag+link, 1 core)": tokens / secs, ...(full["MB/s per main-thread CPU-second"] ? { "tokens/s per main-thread CPU-second": tokens * full["MB/s per main-thread CPU-second"] / full["MB/s"] / secs } : {}), "tokens/s (tagger only)": tokens / tagSecs },
      Object.fromEntries(Object.entries(hostile).map(([k, v]) => [`${k} ms`, v])),
    ];
  },
};
