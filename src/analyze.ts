/**
 * The library's front door: `analyze(input)` turns an article into a record.
 */
import type { RasdRecord } from "./types.js";
import { loadDocument, type SourceInput } from "./sources/index.js";
import { defaultPipeline } from "./pipeline.js";

export interface AnalyzeOptions {
  /** Publication date, YYYY-MM-DD: beats page metadata and inference. */
  dct?: string;
  kind?: SourceInput["kind"];
  uri?: string;
}

/**
 * Analyses one article: a string of scraped text or HTML, raw bytes in any supported encoding, or a
 * prepared SourceInput. Throws a RasdError (with a code) for input that is not an article.
 */
export function analyze(input: string | Uint8Array | SourceInput, options: AnalyzeOptions = {}): RasdRecord {
  const src: SourceInput =
    typeof input === "string" ? { text: input } : input instanceof Uint8Array ? { bytes: input } : { ...input };
  if (options.dct !== undefined) src.dct = options.dct;
  if (options.kind) src.kind = options.kind;
  if (options.uri) src.uri = options.uri;
  return defaultPipeline().run(loadDocument(src));
}
