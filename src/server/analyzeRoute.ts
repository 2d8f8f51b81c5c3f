/**
 * POST /api/analyze: an article in, its record out, nothing stored. The body is JSON ({text} or
 * {html}), plain text or an HTML page, in any encoding the sources understand (the charset parameter
 * is a hint). Size-limited, rate-limited, and behind the write token when the server needs one.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { analyze } from "../analyze.js";
import { RasdError } from "../errors.js";
import type { SourceInput } from "../sources/index.js";
import { withEntityKeys } from "./withEntityKeys.js";
import { analyzeJsonBody, analyzeQuery, DATE_PATTERN } from "./apiSchemas.js";

export interface AnalyzeRouteOptions {
  bodyLimit: number;
  perMinute: number;
  checkWrite: (headers: FastifyRequest["headers"]) => void;
}

interface AnalyzeJson {
  text?: string;
  html?: string;
  dct?: string;
  url?: string;
}

function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([A-Za-z0-9_.:-]{1,40})"?/i.exec(contentType ?? "");
  return m ? m[1] : undefined;
}

/**
 * The JSON body checked by hand rather than by the schema validator: the validator coerces types
 * (a number would become a string), and a wrong type must be an error that says so.
 */
function checkJsonBody(body: Record<string, unknown>): void {
  const known = analyzeJsonBody.properties as Record<string, { maxLength?: number }>;
  for (const [key, value] of Object.entries(body)) {
    if (!(key in known)) throw new RasdError("RASD_USAGE", `body has an unknown field "${key.slice(0, 40)}"; expected ${Object.keys(known).join(", ")}`);
    if (typeof value !== "string") throw new RasdError("RASD_USAGE", `body field "${key}" must be a string, found ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
    const max = known[key]!.maxLength;
    if (max !== undefined && value.length > max) throw new RasdError("RASD_USAGE", `body field "${key}" is longer than ${max} characters`);
  }
  if (typeof body.dct === "string" && !new RegExp(DATE_PATTERN).test(body.dct)) throw new RasdError("RASD_DCT_FORMAT", `got "${body.dct.slice(0, 40)}"`);
}

export function analyzeRoute(app: FastifyInstance, opts: AnalyzeRouteOptions): void {
  // Plain text and HTML arrive as bytes: the sources sniff the encoding (windows-1256 pages exist).
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(["text/plain", "text/html", "application/xhtml+xml", "application/octet-stream"], { parseAs: "buffer", bodyLimit: opts.bodyLimit }, (_req, body, done) => {
    done(null, body);
  });

  app.post<{ Querystring: { dct?: string }; Body: AnalyzeJson | Buffer }>(
    "/api/analyze",
    {
      bodyLimit: opts.bodyLimit,
      config: { rateLimit: { max: opts.perMinute, timeWindow: 60_000 } },
      schema: {
        querystring: analyzeQuery,
      },
      onRequest: async (req) => opts.checkWrite(req.headers),
    },
    async (req, reply) => {
      const body = req.body;
      let input: SourceInput;
      let dct = req.query.dct;
      if (Buffer.isBuffer(body)) {
        const type = (req.headers["content-type"] ?? "").toLowerCase();
        const hint = charsetOf(type);
        input = {
          bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
          kind: type.startsWith("text/html") || type.startsWith("application/xhtml") ? "html" : type.startsWith("text/plain") ? "text" : "auto",
          ...(hint ? { encodingHint: hint } : {}),
        };
      } else if (body && typeof body === "object" && !Array.isArray(body)) {
        checkJsonBody(body as Record<string, unknown>);
        const hasText = typeof body.text === "string";
        const hasHtml = typeof body.html === "string";
        if (hasText === hasHtml) {
          throw new RasdError("RASD_USAGE", `expected a JSON object with either a "text" or an "html" string, found ${hasText ? "both" : "neither"}`);
        }
        input = hasText ? { text: body.text!, kind: "text" } : { html: body.html!, kind: "html" };
        if (body.url) input.uri = body.url;
        if (body.dct) {
          if (dct && dct !== body.dct) throw new RasdError("RASD_USAGE", `two publication dates: ?dct=${dct} and "dct": "${body.dct}"`);
          dct = body.dct;
        }
      } else {
        throw new RasdError("RASD_USAGE", `expected a JSON object with a "text" or an "html" string, found ${Array.isArray(body) ? "an array" : body === null ? "null" : typeof body}`);
      }
      if (dct) input.dct = dct;
      const record = analyze(input);
      reply.header("cache-control", "no-store");
      return withEntityKeys(record);
    },
  );
}
