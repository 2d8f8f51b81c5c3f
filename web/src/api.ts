/**
 * The desk's only door to the server: JSON over fetch, errors surfaced with the API's code and
 * message. Types come from the library itself, so the desk and the API cannot drift apart.
 */
import type { Entity, RasdRecord } from "../../src/types";
import type { EntityProfile, EntitySummary, SearchResult, StoreStats } from "../../src/store/Store";

export type ApiRecord = Omit<RasdRecord, "entities"> & { entities: Array<Entity & { key?: string }> };
export type { EntityProfile, EntitySummary, SearchResult, StoreStats };

export class ApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
  }
}

const TOKEN_KEY = "rasd.token";
export function savedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}
export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    /* private mode: the token lives only in memory */
  }
}

async function call<T>(path: string, init?: RequestInit, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal, headers: { accept: "application/json", ...(init?.headers ?? {}) } });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError("NETWORK", 0, "تعذّر الاتصال بالخادم");
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(err?.code ?? "HTTP", res.status, err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const qs = (params: Record<string, string | number | boolean | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

export const api = {
  search: (q: string, opts: { offset?: number; limit?: number; sort?: string }, signal?: AbortSignal) =>
    call<SearchResult>(`/api/search?${qs({ q, offset: opts.offset || undefined, limit: opts.limit, sort: opts.sort })}`, undefined, signal),
  article: (id: string, signal?: AbortSignal) => call<ApiRecord>(`/api/articles/${encodeURIComponent(id)}`, undefined, signal),
  entity: (key: string, signal?: AbortSignal) => call<EntityProfile>(`/api/entities/${encodeURIComponent(key)}`, undefined, signal),
  lookup: (prefix: string, signal?: AbortSignal) => call<{ entities: EntitySummary[] }>(`/api/entities?${qs({ prefix, limit: 8 })}`, undefined, signal),
  stats: (signal?: AbortSignal) => call<StoreStats>("/api/stats", undefined, signal),
  analyze: (body: { text?: string; html?: string; dct?: string }, token: string) =>
    call<ApiRecord>("/api/analyze", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
};
