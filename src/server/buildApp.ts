/**
 * The HTTP server, built apart from listen() (fastify's way) so tests call app.inject() without a port.
 *
 * 1. Fastify with body limits, strict request schemas and one error handler: every error reply is a
 *    coded error from ../errors.ts, never a stack trace.
 * 2. Security headers on every response (a CSP without inline script); a write token when bound
 *    beyond loopback; a rate limit on analysis.
 * 3. The API: archive routes over the Store interface, /api/analyze, the OpenAPI description and its
 *    docs page.
 * 4. The built web desk (web/dist) as static files, with the desk's own paths answered by index.html.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";
import rateLimit from "@fastify/rate-limit";
import type { Store } from "../store/Store.js";
import { RasdError } from "../errors.js";
import { packageRoot } from "../resources.js";
import { httpError, errorBody } from "./httpError.js";
import { SECURITY_HEADERS } from "./securityHeaders.js";
import { writeTokenChecker } from "./writeToken.js";
import { archiveRoutes } from "./archiveRoutes.js";
import { analyzeRoute } from "./analyzeRoute.js";
import { openApiDocument } from "./openApiDocument.js";
import { docsPage, DOCS_CSS } from "./docsPage.js";

export interface AppOptions {
  /** The archive; without one, only analysis, docs and the desk are served (archive routes answer 503). */
  store?: Store | null;
  /** The address the server will listen on: decides whether a write token is required. */
  host?: string;
  /** The token write endpoints require (required when host is not loopback). */
  token?: string;
  /** The built desk; default web/dist under the package root; null serves no desk. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 2 MiB). */
  bodyLimit?: number;
  /** Analyses allowed per client per minute (default 60). */
  analyzePerMinute?: number;
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

function version(): string {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version as string;
  } catch {
    return "0.0.0";
  }
}

function sendError(reply: FastifyReply, e: RasdError): void {
  reply.headers(SECURITY_HEADERS).header("cache-control", "no-store").code(e.status).type("application/json; charset=utf-8").send(errorBody(e));
}

export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const host = opts.host ?? "127.0.0.1";
  const checkWrite = writeTokenChecker(host, opts.token);
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const webRoot = opts.webRoot === undefined ? join(packageRoot(), "web", "dist") : opts.webRoot;
  const hasDesk = webRoot !== null && existsSync(join(webRoot, "index.html"));

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    routerOptions: { maxParamLength: 300 },
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
    frameworkErrors: (err, _req, reply) => sendError(reply, httpError(err, bodyLimit)),
    // Requests Node's HTTP parser refuses (raw non-ASCII in the URL, broken headers) get the same shape.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy();
      const e = new RasdError("RASD_USAGE", (err as NodeJS.ErrnoException).code === "HPE_HEADER_OVERFLOW" ? "the request headers are too large" : "the HTTP request is malformed (a URL must be percent-encoded)");
      const body = JSON.stringify(errorBody(e));
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
  });

  app.setErrorHandler((err, req, reply) => {
    const e = httpError(err, bodyLimit);
    if (e.status >= 500) req.log.error({ err }, "request failed");
    sendError(reply, e);
  });

  app.addHook("onSend", async (req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (req.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new RasdError("RASD_HTTP_RATE_LIMIT", `at most ${ctx.max} analyses a minute; retry in ${ctx.after}`),
  });

  const doc = openApiDocument(version());
  const docsHtml = docsPage(doc);
  app.get("/api/health", async () => ({ ok: true, version: doc.info.version, store: opts.store ? opts.store.engine : null, desk: hasDesk }));
  app.get("/api/openapi.json", async () => doc);
  app.get("/api/docs", async (_req, reply) => reply.type("text/html; charset=utf-8").send(docsHtml));
  app.get("/api/docs.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "max-age=3600").send(DOCS_CSS));

  archiveRoutes(app, opts.store ?? null);
  analyzeRoute(app, { bodyLimit, perMinute: opts.analyzePerMinute ?? 60, checkWrite });

  if (hasDesk) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      prefix: "/",
      index: ["index.html"],
      dotfiles: "deny",
      serveDotFiles: false,
      setHeaders: (res, path) => {
        // Vite names built assets by content hash: they never change under the same name.
        res.header("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0]!;
    const deskPath = !path.startsWith("/api/") && !/\.[a-z0-9]{1,8}$/i.test(path);
    if (hasDesk && deskPath && (req.method === "GET" || req.method === "HEAD")) {
      // The desk routes in the browser (/article/…, /entity/…, /analyze): they all load index.html.
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    sendError(reply, new RasdError("RASD_NOT_FOUND", `no route ${req.method} ${path.slice(0, 200)}`));
  });

  return app;
}
