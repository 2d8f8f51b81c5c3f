/**
 * Every error the API answers with comes from the one table in ../errors.ts: this turns whatever was
 * thrown (a RasdError, a Fastify validation or body-parser error, a rate-limit refusal, a bug) into a
 * RasdError with its HTTP status. Server faults never leak a stack or an internal message.
 */
import { RasdError, isRasdError, type ErrorCode } from "../errors.js";

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: unknown;
  validationContext?: string;
}

const BY_FASTIFY_CODE: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "RASD_SOURCE_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "RASD_HTTP_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "RASD_USAGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "RASD_USAGE",
  FST_ERR_CTP_INVALID_JSON_BODY: "RASD_USAGE",
  FST_ERR_BAD_URL: "RASD_USAGE",
  FST_ERR_MAX_PARAM_LENGTH: "RASD_USAGE",
  FST_ERR_ASYNC_CONSTRAINT: "RASD_USAGE",
};

const DETAIL: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: "the body is declared as JSON but is empty",
  FST_ERR_CTP_INVALID_JSON_BODY: "the body is not valid JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "the Content-Length does not match the body",
  FST_ERR_BAD_URL: "the URL is malformed (bad percent-encoding?)",
  FST_ERR_MAX_PARAM_LENGTH: "a path parameter is too long",
};

const BY_STATUS: Record<number, ErrorCode> = {
  401: "RASD_HTTP_UNAUTHORIZED",
  403: "RASD_NOT_FOUND",
  404: "RASD_NOT_FOUND",
  405: "RASD_USAGE",
  413: "RASD_SOURCE_TOO_LARGE",
  415: "RASD_HTTP_MEDIA_TYPE",
  429: "RASD_HTTP_RATE_LIMIT",
};

/** Maps anything thrown inside a request to a coded error from the table. */
export function httpError(err: unknown, bodyLimit?: number): RasdError {
  // A server-side failure keeps its code but not its detail (paths, SQL, driver messages stay in the log).
  if (isRasdError(err)) return err.status >= 500 ? new RasdError(err.code) : err;
  const e = (err ?? {}) as FastifyLikeError;
  if (e.validation) {
    // Fastify words these as "querystring/limit must be <= 100": say where and what was expected.
    return new RasdError("RASD_USAGE", e.message ?? "the request does not match its schema");
  }
  if (e.code && BY_FASTIFY_CODE[e.code]) {
    const code = BY_FASTIFY_CODE[e.code]!;
    if (code === "RASD_SOURCE_TOO_LARGE") return new RasdError(code, bodyLimit ? `the body is over ${bodyLimit} bytes` : undefined);
    if (code === "RASD_HTTP_MEDIA_TYPE") return new RasdError(code, "send application/json ({\"text\": …} or {\"html\": …}), text/plain or text/html");
    return new RasdError(code, DETAIL[e.code]);
  }
  if (err instanceof SyntaxError) return new RasdError("RASD_USAGE", "the body is not valid JSON");
  const status = typeof e.statusCode === "number" ? e.statusCode : 500;
  if (status >= 400 && status < 500) return new RasdError(BY_STATUS[status] ?? "RASD_USAGE");
  return new RasdError("RASD_INTERNAL");
}

/** The JSON body of an error reply. */
export function errorBody(e: RasdError): { error: { code: ErrorCode; status: number; message: string } } {
  return { error: { code: e.code, status: e.status, message: e.message } };
}
