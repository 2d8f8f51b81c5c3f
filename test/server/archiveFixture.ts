/**
 * A small real archive for the API tests: the seed article (dct 2019-01-31), a handful of ANT sample
 * articles, and an article whose text carries script and onerror payloads, analysed by the real
 * pipeline and put into a real SQLite store in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze } from "../../src/analyze.js";
import { openStore } from "../../src/store/openStore.js";
import type { Store } from "../../src/store/Store.js";
import type { RasdRecord } from "../../src/types.js";
import { demoInputs } from "../../src/server/demoArchive.js";
import { loadDocument } from "../../src/sources/index.js";
import { defaultPipeline } from "../../src/pipeline.js";

export const XSS_TEXT = [
  "أخبار محلية",
  "",
  "مقال تجريبي يحمل شيفرة خبيثة في نصه",
  "",
  'قال المتحدث باسم البلدية إن الموقع تعرض لمحاولة اختراق، وكتب المهاجم في التعليق: <script>window.__xss = "script";document.title = "pwned"</script> ثم أضاف <img src=x onerror="window.__xss = \'img\'"> في الرابط.',
  "وأكد المتحدث أن الخدمة عادت إلى العمل بصورة طبيعية صباح أمس.",
].join("\n");

export function xssRecord(): RasdRecord {
  return analyze({ text: XSS_TEXT, kind: "text" }, { dct: "2019-02-01" });
}

export interface ArchiveFixture {
  store: Store;
  records: RasdRecord[];
  seed: RasdRecord;
  xss: RasdRecord;
  dir: string;
  close(): Promise<void>;
}

export async function archiveFixture(antArticles = 6): Promise<ArchiveFixture> {
  const dir = mkdtempSync(join(tmpdir(), "rasd-api-"));
  const store = openStore(join(dir, "archive.db"));
  const inputs = demoInputs();
  const pipeline = defaultPipeline();
  const seed = pipeline.run(loadDocument(inputs[0]!));
  const ant = inputs.slice(1, 1 + antArticles).map((i) => pipeline.run(loadDocument(i)));
  const xss = xssRecord();
  const records = [seed, ...ant, xss];
  await store.put(records);
  return {
    store,
    records,
    seed,
    xss,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SEED_TEXT = () => readFileSync(new URL("../../samples/seed/article.txt", import.meta.url), "utf8");
