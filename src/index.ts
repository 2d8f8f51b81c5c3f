export { analyze, type AnalyzeOptions } from "./analyze.js";
export { Pipeline, defaultPipeline } from "./pipeline.js";
export { loadDocument, type SourceInput } from "./sources/index.js";
export { checkRecord, isTimex3 } from "./record/checkRecord.js";
export { normalize, normalizeWithMap } from "./text/normalize.js";
export { tokenize, segment } from "./text/tokenize.js";
export { splitSentences } from "./text/sentences.js";
export { RasdError, ERRORS, type ErrorCode } from "./errors.js";
export type * from "./types.js";
