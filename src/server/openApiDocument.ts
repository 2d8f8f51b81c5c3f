/**
 * The OpenAPI 3.1 description of the API, written by hand from the same schemas the routes validate
 * with, and the error table every error reply comes from.
 */
import { ERRORS } from "../errors.js";
import { analyzeJsonBody, analyzeQuery, articleParams, entityLookupQuery, entityParams, searchQuery, timelineQuery } from "./apiSchemas.js";

type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: readonly string[] };

function parameters(where: "query" | "path", schema: JsonSchema) {
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (schema.required ?? []).includes(name),
    schema: s,
    ...((s as { description?: string }).description ? { description: (s as { description: string }).description } : {}),
  }));
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const json = (description: string, schema: unknown) => ({ description, content: { "application/json": { schema } } });
const record = { $ref: "#/components/schemas/Record" };

export function openApiDocument(version: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "rasd API",
      version,
      description:
        "Arabic news as structured records: search the archive, read a record, follow an entity, analyse an article. " +
        "Every error is a JSON object {error: {code, status, message}} whose code comes from one table (see x-error-codes). " +
        "Bound to a non-loopback address, write endpoints need the server's token as `Authorization: Bearer TOKEN`.",
    },
    "x-error-codes": Object.entries(ERRORS).map(([code, e]) => ({ code, status: e.status, message: e.message })),
    paths: {
      "/api/search": {
        get: {
          summary: "Search the archive",
          description: "Words and \"phrases\" matched the way Arabic needs (clitics, hamza forms and diacritics do not matter); filters and sort as the archive's query language defines; highlighted snippets and facets (outlets, sections, top entities, a date histogram).",
          parameters: parameters("query", searchQuery),
          responses: { 200: json("hits, total and facets", { $ref: "#/components/schemas/SearchResult" }), 400: errorResponse("a parameter is malformed"), 503: errorResponse("no archive is open") },
        },
      },
      "/api/articles/{id}": {
        get: {
          summary: "One article's record",
          description: "The full record: text, publication date, structure, entities, times, quantities, quotes, events, framing, tone. All annotations are offsets into `text`.",
          parameters: parameters("path", articleParams),
          responses: { 200: json("the record", record), 400: errorResponse("the id is malformed"), 404: errorResponse("no article has this id") },
        },
      },
      "/api/entities": {
        get: {
          summary: "Look entities up by the start of a name",
          parameters: parameters("query", entityLookupQuery),
          responses: { 200: json("matching entities", { type: "object", properties: { entities: { type: "array", items: { $ref: "#/components/schemas/EntitySummary" } } } }), 400: errorResponse("a parameter is malformed") },
        },
      },
      "/api/entities/{key}": {
        get: {
          summary: "An entity's profile",
          description: "Names and English name, mentions over time, co-mentioned entities, quotes by the entity, outlets.",
          parameters: parameters("path", entityParams),
          responses: { 200: json("the profile", { $ref: "#/components/schemas/EntityProfile" }), 404: errorResponse("no entity has this key") },
        },
      },
      "/api/timeline": {
        get: {
          summary: "Articles matching a query over time",
          parameters: parameters("query", timelineQuery),
          responses: { 200: json("buckets", { type: "object", properties: { interval: { type: "string" }, buckets: { type: "array", items: { $ref: "#/components/schemas/DateCount" } } } }), 400: errorResponse("a parameter is malformed") },
        },
      },
      "/api/stats": {
        get: { summary: "What the archive holds", responses: { 200: json("counts", { type: "object" }), 503: errorResponse("no archive is open") } },
      },
      "/api/analyze": {
        post: {
          summary: "Analyse one article (nothing is stored)",
          description: "The body is JSON ({text} or {html}, optional dct and url), plain text, or an HTML page; any supported encoding (charset is a hint). Size-limited and rate-limited.",
          parameters: parameters("query", analyzeQuery),
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: analyzeJsonBody },
              "text/plain": { schema: { type: "string" } },
              "text/html": { schema: { type: "string" } },
            },
          },
          responses: {
            200: json("the record", record),
            400: errorResponse("the body or a parameter is malformed"),
            401: errorResponse("the server needs its token for this endpoint"),
            413: errorResponse("the body is too large"),
            415: errorResponse("unsupported content type"),
            422: errorResponse("the body is not an article (empty, binary, no article text)"),
            429: errorResponse("too many analyses in a minute"),
          },
        },
      },
      "/api/health": { get: { summary: "Liveness and the store engine", responses: { 200: json("ok", { type: "object" }) } } },
      "/api/openapi.json": { get: { summary: "This description", responses: { 200: json("OpenAPI 3.1", { type: "object" }) } } },
      "/api/docs": { get: { summary: "This description as a page", responses: { 200: { description: "HTML" } } } },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "object", required: ["code", "status", "message"], properties: { code: { type: "string", enum: Object.keys(ERRORS) }, status: { type: "integer" }, message: { type: "string" } } } },
        },
        Span: { type: "object", required: ["start", "end", "text"], properties: { start: { type: "integer" }, end: { type: "integer" }, text: { type: "string" } } },
        Record: { type: "object", description: "rasd/record@1 — see schema/record.schema.json in the package", required: ["schema", "id", "text"], properties: { schema: { const: "rasd/record@1" }, id: { type: "string" }, text: { type: "string" } } },
        DateCount: { type: "object", properties: { date: { type: "string" }, count: { type: "integer" } } },
        EntitySummary: {
          type: "object",
          properties: { id: { type: "string" }, name: { type: "string" }, en: { type: "string" }, type: { enum: ["PER", "ORG", "LOC", "MISC"] }, articles: { type: "integer" }, mentions: { type: "integer" } },
        },
        EntityProfile: {
          allOf: [
            { $ref: "#/components/schemas/EntitySummary" },
            {
              type: "object",
              properties: {
                names: { type: "array", items: { type: "string" } },
                timeline: { type: "array", items: { $ref: "#/components/schemas/DateCount" } },
                coMentioned: { type: "array", items: { $ref: "#/components/schemas/EntitySummary" } },
                quotes: { type: "array", items: { type: "object", properties: { article: { type: "string" }, text: { type: "string" }, kind: { type: "string" }, dct: { type: ["string", "null"] } } } },
                outlets: { type: "array", items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } } },
              },
            },
          ],
        },
        SearchResult: {
          type: "object",
          properties: {
            total: { type: "integer" },
            hits: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" }, headline: { type: "string" }, outlet: { type: "string" }, section: { type: "string" }, dct: { type: ["string", "null"] }, score: { type: "number" },
                  snippets: { type: "array", items: { type: "object", properties: { text: { type: "string" }, start: { type: "integer" }, end: { type: "integer" }, highlights: { type: "array", items: { type: "array", items: { type: "integer" } } } } } },
                },
              },
            },
            facets: { type: "object" },
          },
        },
      },
    },
  };
}
