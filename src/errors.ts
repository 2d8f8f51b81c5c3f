/**
 * One table of coded errors (fastify's way): each code has a message template, an HTTP status for
 * the API and an exit code for the CLI. Throw `RasdError` at the edges (CLI, API, sources) only;
 * inside, annotators tolerate odd text and report `Warning`s instead.
 */
export const ERRORS = {
  RASD_SOURCE_EMPTY: { status: 422, exit: 3, message: "the input is empty" },
  RASD_SOURCE_BINARY: { status: 415, exit: 3, message: "the input is binary data, not text" },
  RASD_SOURCE_TOO_LARGE: { status: 413, exit: 3, message: "the input is too large" },
  RASD_SOURCE_DECODE: { status: 422, exit: 3, message: "the input could not be decoded as text" },
  RASD_SOURCE_NO_ARTICLE: { status: 422, exit: 3, message: "no article text was found in the page" },
  RASD_SOURCE_NOT_FOUND: { status: 404, exit: 2, message: "the input file does not exist" },
  RASD_SOURCE_JSONL: { status: 400, exit: 3, message: "a JSON Lines line is not a valid input object" },
  RASD_LANGUAGE: { status: 422, exit: 4, message: "the text is not Arabic" },
  RASD_USAGE: { status: 400, exit: 2, message: "wrong usage" },
  RASD_DCT_FORMAT: { status: 400, exit: 2, message: "a publication date must be YYYY-MM-DD" },
  RASD_QUERY_SYNTAX: { status: 400, exit: 2, message: "the search query could not be read" },
  RASD_NOT_FOUND: { status: 404, exit: 1, message: "not found" },
  RASD_STORE: { status: 500, exit: 5, message: "the store failed" },
  RASD_STORE_VERSION: { status: 500, exit: 5, message: "the archive was written with another schema version" },
  RASD_ANNOTATOR: { status: 500, exit: 6, message: "an annotator failed" },
  RASD_INTERNAL: { status: 500, exit: 70, message: "internal error" },
  RASD_HTTP_MEDIA_TYPE: { status: 415, exit: 2, message: "the request body has an unsupported content type" },
  RASD_HTTP_UNAUTHORIZED: { status: 401, exit: 2, message: "this endpoint needs the server's token" },
  RASD_HTTP_RATE_LIMIT: { status: 429, exit: 1, message: "too many requests" },
  RASD_HTTP_NO_ARCHIVE: { status: 503, exit: 5, message: "no archive is open" },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class RasdError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly exitCode: number;
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = ERRORS[code];
    super(detail ? `${base.message}: ${detail}` : base.message, options);
    this.name = "RasdError";
    this.code = code;
    this.status = base.status;
    this.exitCode = base.exit;
  }
}

export function isRasdError(e: unknown): e is RasdError {
  return e instanceof RasdError;
}
