/**
 * The read-only routes over the archive: search, one article, entities, timeline, stats. Each asks
 * the Store interface and nothing else, so both engines serve the same API. Answers of the routes
 * that aggregate (search, entity lookup and profile, timeline, stats) are kept in a ResponseCache
 * while the archive's change stamp holds; the header x-rasd-cache says whether one was.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { ResponseCache, SerializedJson } from "./ResponseCache.js";
import type { Store } from "../store/Store.js";
import { RasdError } from "../errors.js";
import { withEntityKeys } from "./withEntityKeys.js";
import { articleParams, entityLookupQuery, entityParams, noQuery, searchQuery, timelineQuery } from "./apiSchemas.js";

export function archiveRoutes(app: FastifyInstance, store: Store | null, cache = new ResponseCache()): void {
  const archive = (): Store => {
    if (!store) throw new RasdError("RASD_HTTP_NO_ARCHIVE", "start the server with --db FILE (or postgres://…)");
    return store;
  };
  /** The answer to `key`, from the cache while the archive is unchanged, sent as stored JSON. */
  const cached = async (reply: FastifyReply, key: unknown[], compute: (s: Store) => Promise<unknown>): Promise<Buffer> => {
    const s = archive();
    const { body, cached: hit } = await cache.json(JSON.stringify(key), s.changeStamp?.() ?? null, () => compute(s));
    reply.type("application/json; charset=utf-8").header("x-rasd-cache", hit ? "hit" : "miss");
    return body;
  };

  app.get<{ Querystring: { q?: string; limit: number; offset: number; sort: "relevance" | "date"; facets: boolean } }>(
    "/api/search",
    { schema: { querystring: searchQuery } },
    async (req, reply) => {
      const { q = "", limit, offset, sort, facets } = req.query;
      return cached(reply, ["search", q, limit, offset, sort, facets], async (s) =>
        s.searchJson ? new SerializedJson(await s.searchJson(q, { limit, offset, sort, facets })) : s.search(q, { limit, offset, sort, facets }),
      );
    },
  );

  app.get<{ Params: { id: string } }>("/api/articles/:id", { schema: { params: articleParams, querystring: noQuery } }, async (req) => {
    const rec = await archive().get(req.params.id);
    if (!rec) throw new RasdError("RASD_NOT_FOUND", `no article with id "${req.params.id}"`);
    return withEntityKeys(rec);
  });

  app.get<{ Querystring: { prefix: string; limit: number } }>("/api/entities", { schema: { querystring: entityLookupQuery } }, async (req, reply) => {
    const { prefix, limit } = req.query;
    return cached(reply, ["entities", prefix, limit], async (s) => ({ entities: await s.lookupEntities(prefix, limit) }));
  });

  app.get<{ Params: { key: string } }>("/api/entities/:key", { schema: { params: entityParams, querystring: noQuery } }, async (req, reply) => {
    const key = req.params.key;
    return cached(reply, ["entity", key], async (s) => {
      const profile = await s.entity(key);
      // Thrown inside: an unknown key is not stored, and the next request asks the archive again.
      if (!profile) throw new RasdError("RASD_NOT_FOUND", `no entity with key "${key}"`);
      return profile;
    });
  });

  app.get<{ Querystring: { q: string; interval: "day" | "week" | "month" } }>("/api/timeline", { schema: { querystring: timelineQuery } }, async (req, reply) => {
    const { q, interval } = req.query;
    return cached(reply, ["timeline", q, interval], async (s) => ({ interval, buckets: await s.timeline(q, interval) }));
  });

  app.get("/api/stats", { schema: { querystring: noQuery } }, async (_req, reply) => cached(reply, ["stats"], (s) => s.stats()));
}
