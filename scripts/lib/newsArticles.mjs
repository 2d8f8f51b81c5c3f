// The articles of the ANT news corpora in ../shared/data/news, for the scripts that learn from
// unlabelled news (word clusters, the tagger's name lists and name shape): title and text as one
// string, each text once (the corpora repeat some articles under two categories).
import { createReadStream, existsSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { sharedPath } from "../../src/resources.js";

export const NEWS_FILES = ["news/ant-multisource-v2.1.jsonl.gz", "news/ant-jawharafm-v1.1.jsonl.gz"];

export async function* newsArticles() {
  for (const f of NEWS_FILES) {
    const p = sharedPath("data/" + f);
    if (!existsSync(p)) throw new Error(`missing ${p}`);
    const rl = createInterface({ input: createReadStream(p).pipe(createGunzip()), crlfDelay: Infinity });
    const seen = new Set();
    for await (const line of rl) {
      if (!line) continue;
      const a = JSON.parse(line);
      if (seen.has(a.text_md5)) continue;
      seen.add(a.text_md5);
      yield `${a.title ?? ""}\n${a.text ?? ""}`;
    }
  }
}
