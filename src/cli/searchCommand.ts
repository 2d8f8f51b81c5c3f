/**
 * `rasd search "QUERY" [--db …] [--json] [--limit N] [--offset N] [--sort relevance|date] [--facets]`
 * The archive's query language (see store/query/parseQuery.ts); results with highlighted snippets.
 */
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { openStore, storeSpec, isPostgresSpec } from "../store/openStore.js";
import { existsSync } from "node:fs";
import type { SearchResult } from "../store/Store.js";

function mark(text: string, start: number, highlights: Array<[number, number]>, color: boolean): string {
  let out = "";
  let pos = 0;
  for (const [a, b] of highlights) {
    out += text.slice(pos, a - start);
    const w = text.slice(a - start, b - start);
    out += color ? `\x1b[1;33m${w}\x1b[0m` : `[${w}]`;
    pos = b - start;
  }
  return (out + text.slice(pos)).replace(/\s+/g, " ").trim();
}

export function formatResults(r: SearchResult, color: boolean): string {
  const lines: string[] = [`${r.total} results`];
  for (const w of r.warnings ?? []) lines.push(`note: ${w}`);
  for (const h of r.hits) {
    lines.push("", `${h.dct ?? "----------"}  ${h.outlet ?? ""}${h.section ? " / " + h.section : ""}  ${h.id}${h.duplicateOf ? `  (copy of ${h.duplicateOf})` : ""}`);
    if (h.headline) lines.push(`  ${h.headline}`);
    for (const s of h.snippets) lines.push(`  … ${mark(s.text, s.start, s.highlights, color)} …`);
  }
  if (r.facets) {
    lines.push("", "outlets: " + r.facets.outlets.map((o) => `${o.value} ${o.count}`).join(", "));
    lines.push("sections: " + r.facets.sections.map((o) => `${o.value} ${o.count}`).join(", "));
    lines.push("entities: " + r.facets.entities.slice(0, 10).map((o) => `${o.name} ${o.count}`).join(", "));
  }
  return lines.join("\n") + "\n";
}

export async function searchCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["help", "json", "facets"], options: ["db", "limit", "offset", "sort"] });
  if (flags.help || positionals.length === 0) {
    process.stdout.write('usage: rasd search "QUERY" [--db FILE|postgres://…] [--json] [--limit N] [--offset N] [--sort relevance|date] [--facets]\n');
    return flags.help ? 0 : 2;
  }
  const num = (k: string, d: number) => {
    if (typeof flags[k] !== "string") return d;
    const n = Number(flags[k]);
    if (!Number.isInteger(n) || n < 0) throw new RasdError("RASD_USAGE", `--${k} must be a whole number, got "${flags[k]}"`);
    return n;
  };
  const sort = flags.sort;
  if (sort !== undefined && sort !== "relevance" && sort !== "date") throw new RasdError("RASD_USAGE", `--sort must be relevance or date, got "${sort}"`);
  const spec = storeSpec(typeof flags.db === "string" ? flags.db : undefined);
  if (!isPostgresSpec(spec) && !existsSync(spec)) throw new RasdError("RASD_SOURCE_NOT_FOUND", `no archive at ${spec} (run rasd ingest first, or pass --db)`);
  const store = openStore(spec);
  try {
    const r = await store.search(positionals.join(" "), { limit: num("limit", 10), offset: num("offset", 0), ...(sort ? { sort } : {}), facets: flags.facets === true || flags.json === true });
    process.stdout.write(flags.json ? JSON.stringify(r) + "\n" : formatResults(r, process.stdout.isTTY === true));
    return 0;
  } finally {
    await store.close();
  }
}
