// The structure layer alone: sources (decode from bytes, layout) + 01-structure, no other annotator.
// Throughput is over the UTF-8 bytes the source reads.
import { join } from "node:path";

export default {
  name: "sources + structure",
  async run({ root, lib, articles, measure }) {
    const { structureAnnotator } = await import(join(root, "dist/src/annotate/01-structure/index.js"));
    const pipeline = new lib.Pipeline([structureAnnotator]);
    const prepared = articles.map((a) => ({ ...a, bytes: new Uint8Array(Buffer.from(a.text ?? a.html ?? "")), text: undefined, html: undefined }));
    const sizes = new Map(prepared.map((p) => [p, p.bytes.length]));
    return measure(prepared, (a) => pipeline.run(lib.loadDocument(a)), { bytesOf: (a) => sizes.get(a) });
  },
};
