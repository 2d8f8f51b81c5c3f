/**
 * Opens the archive a user names: a postgres:// (or postgresql://) URL opens PostgreSQL, anything
 * else is a SQLite file. Without a name: $RASD_DB, else ./rasd.db. A PostgreSQL URL may name a schema
 * of its own with `?schema=NAME`.
 */
import type { Store } from "./Store.js";
import { SqliteStore } from "./SqliteStore.js";
import { PostgresStore } from "./PostgresStore.js";

export const DEFAULT_DB = "rasd.db";

export function storeSpec(spec?: string): string {
  return spec || process.env.RASD_DB || DEFAULT_DB;
}

export function isPostgresSpec(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export type AnyStore = SqliteStore | PostgresStore;

export function openStore(spec?: string, options: { readonly?: boolean } = {}): AnyStore & Store {
  const s = storeSpec(spec);
  if (isPostgresSpec(s)) {
    const u = new URL(s);
    const schema = u.searchParams.get("schema") ?? undefined;
    u.searchParams.delete("schema");
    return new PostgresStore(u.toString(), schema ? { schema } : {});
  }
  return new SqliteStore(s, options);
}
