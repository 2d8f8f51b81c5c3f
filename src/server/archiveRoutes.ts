/**
 * The read-only routes over the archive: search, one article, entities, timeline, stats. Each asks
 * the Store interface and nothing else, so both engines serve the same API.
 */
import type { FastifyInstance } from "fastify";
import type { Store } from "../store/Store.js";
import { RasdError } from "../errors.js";
import { withEntityKeys } from "./withEntityKeys.js";
import { articleParams, entityLookupQuery, entityParams, noQuery, searchQuery, timelineQuery } from "./apiSchemas.js";

export function archiveRoutes(app: FastifyInstance, store: Store | null): void {
  const archive = (): Store => {
    if (!store) throw new RasdError("RASD_HTTP_NO_ARCHIVE", "start the server with --db FILE (or postgres://…)");
    return store;
  };

  app.get<{ Querystring: { q?: string; limit: number; offset: number; sort: "relevance" | "date"; facets: boolean } }>(
    "/api/search",
    { schema: { querystring: searchQuery } },
    async (req) => {
      const { q = "", limit, offset, sort, facets } = req.query;
      return archive().search(q, { limit, offset, sort, facets });
    },
  );

  app.get<{ Params: { id: string } }>("/api/articles/:id", { schema: { params: articleParams, querystring: noQuery } }, async (req) => {
    const rec = await archive().get(req.params.id);
    if (!rec) throw new RasdError("RASD_NOT_FOUND", `no article with id "${req.params.id}"`);
    return withEntityKeys(rec);
  });

  app.get<{ Querystring: { prefix: string; limit: number } }>("/api/entities", { schema: { querystring: entityLookupQuery } }, async (req) => {
    return { entities: await archive().lookupEntities(req.query.prefix, req.query.limit) };
  });

  app.get<{ Params: { key: string } }>("/api/entities/:key", { schema: { params: entityParams, querystring: noQuery } }, async (req) => {
    const profile = await archive().entity(req.params.key);
    if (!profile) throw new RasdError("RASD_NOT_FOUND", `no entity with key "${req.params.key}"`);
    return profile;
  });

  app.get<{ Querystring: { q: string; interval: "day" | "week" | "month" } }>("/api/timeline", { schema: { querystring: timelineQuery } }, async (req) => {
    return { interval: req.query.interval, buckets: await archive().timeline(req.query.q, req.query.interval) };
  });

  app.get("/api/stats", { schema: { querystring: noQuery } }, async () => archive().stats());
}
