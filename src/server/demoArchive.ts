/**
 * The demo archive `npm start` opens when there is none: the articles bundled in samples/ — the
 * seed article (with the publication date its sidecar gives) and the ANT draw in samples/ant —
 * analysed and put into a store. Idempotent: putting the same records again changes nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Store } from "../store/Store.js";
import type { PageMeta, RasdRecord } from "../types.js";
import { loadDocument, type SourceInput } from "../sources/index.js";
import { readJsonl } from "../sources/jsonl.js";
import { defaultPipeline } from "../pipeline.js";
import { packageRoot } from "../resources.js";

/** A sample text file's sidecar (`article.json` beside `article.txt`). */
interface Sidecar {
  dct?: string;
  outlet?: string;
  category?: string;
  title?: string;
  url?: string;
}

/** The demo's inputs, in a fixed order: the seed texts first, then the JSON Lines samples. */
export function demoInputs(root: string = packageRoot()): SourceInput[] {
  const inputs: SourceInput[] = [];
  const seedDir = join(root, "samples", "seed");
  if (existsSync(seedDir)) {
    for (const name of readdirSync(seedDir).filter((n) => n.endsWith(".txt")).sort()) {
      const sidecarPath = join(seedDir, name.replace(/\.txt$/, ".json"));
      const side: Sidecar = existsSync(sidecarPath) ? (JSON.parse(readFileSync(sidecarPath, "utf8")) as Sidecar) : {};
      const meta: PageMeta = {
        ...(side.outlet ? { outlet: side.outlet } : {}),
        ...(side.category ? { category: side.category } : {}),
        ...(side.url ? { url: side.url } : {}),
      };
      inputs.push({ bytes: readFileSync(join(seedDir, name)), kind: "text", uri: `samples/seed/${name}`, ...(side.dct ? { dct: side.dct } : {}), meta });
    }
  }
  const antDir = join(root, "samples", "ant");
  if (existsSync(antDir)) {
    for (const name of readdirSync(antDir).filter((n) => /\.jsonl(\.gz)?$/.test(n)).sort()) {
      const buf = readFileSync(join(antDir, name));
      const content = (name.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
      for (const line of readJsonl(content, `samples/ant/${name}`)) if (line.input) inputs.push(line.input);
    }
  }
  return inputs;
}

/** Analyses the demo inputs; an article that fails is skipped and counted, the rest go on. */
export function demoRecords(root?: string): { records: RasdRecord[]; failed: number } {
  const pipeline = defaultPipeline();
  const records: RasdRecord[] = [];
  let failed = 0;
  for (const input of demoInputs(root)) {
    try {
      records.push(pipeline.run(loadDocument(input)));
    } catch {
      failed++;
    }
  }
  return { records, failed };
}

/** Fills a store with the demo articles. */
export async function buildDemoArchive(store: Store, root?: string): Promise<{ articles: number; inserted: number; failed: number }> {
  const { records, failed } = demoRecords(root);
  const put = await store.put(records);
  // As `rasd ingest` ends: the full-text index merged and its words counted, the log folded in.
  store.checkpoint?.(put.inserted);
  return { articles: records.length, inserted: put.inserted, failed };
}
