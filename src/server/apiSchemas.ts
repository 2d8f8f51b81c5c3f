/**
 * The request schemas of the API, written once: Fastify validates requests with them and the OpenAPI
 * description quotes them. Unknown query parameters are refused, so a typo is an error, not a silence.
 */
export const MAX_QUERY_CHARS = 10_000;
export const ID_PATTERN = "^[A-Za-z0-9_.:-]{1,128}$";
export const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

export const searchQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: { type: "string", maxLength: MAX_QUERY_CHARS, description: "the query in the archive's query language (words, \"phrases\", entity:…, outlet:…, dates)" },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    offset: { type: "integer", minimum: 0, maximum: 10_000, default: 0 },
    sort: { type: "string", enum: ["relevance", "date"], default: "relevance" },
    facets: { type: "boolean", default: true },
  },
} as const;

export const articleParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: ID_PATTERN, description: "the record id" } },
} as const;

export const entityLookupQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    prefix: { type: "string", maxLength: 200, default: "", description: "the start of a name, Arabic or English" },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const entityParams = {
  type: "object",
  required: ["key"],
  properties: { key: { type: "string", minLength: 1, maxLength: 300, description: "the archive's entity key (a knowledge-base id or TYPE:name)" } },
} as const;

export const timelineQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: { type: "string", maxLength: MAX_QUERY_CHARS, default: "" },
    interval: { type: "string", enum: ["day", "week", "month"], default: "day" },
  },
} as const;

export const analyzeQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    dct: { type: "string", pattern: DATE_PATTERN, description: "publication date for a plain-text or HTML body" },
  },
} as const;

export const analyzeJsonBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    text: { type: "string", description: "the article as scraped text" },
    html: { type: "string", description: "the article as an HTML page" },
    dct: { type: "string", pattern: DATE_PATTERN, description: "publication date, YYYY-MM-DD" },
    url: { type: "string", maxLength: 2048, description: "where the article came from (kept in the record)" },
  },
} as const;

export const noQuery = { type: "object", additionalProperties: false, properties: {} } as const;
