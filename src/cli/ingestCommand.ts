/**
 * `rasd ingest PATH... [--db FILE|postgres://…] [--workers N] [--batch N] [--dct YYYY-MM-DD]`
 * Files, folders, globs, .jsonl(.gz), RSS/Atom, WARC(.gz) into the archive. A progress bar on a
 * terminal, one summary line otherwise. Idempotent and crash-safe (see ingest/ingest.ts).
 */
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { openStore, storeSpec } from "../store/openStore.js";
import { countInputs, ingest, type IngestProgress } from "../ingest/ingest.js";
import { expandPaths } from "../ingest/expandPaths.js";
import { validDct } from "../sources/index.js";

const USAGE = "usage: rasd ingest PATH... [--db FILE|postgres://…] [--workers N] [--batch N] [--dct YYYY-MM-DD] [--quiet]\n";

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function progressLine(p: IngestProgress, width = 24): string {
  const rate = p.elapsedMs > 0 ? (p.done / p.elapsedMs) * 1000 : 0;
  const total = p.total ?? 0;
  const frac = total > 0 ? Math.min(1, p.done / total) : 0;
  const filled = Math.round(frac * width);
  const bar = total > 0 ? `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ` : "";
  const eta = total > 0 && rate > 0 ? ` ETA ${clock(((total - p.done) / rate) * 1000)}` : "";
  return `${bar}${p.done}${total ? "/" + total : ""} ${rate.toFixed(1)} articles/s${eta} (new ${p.inserted}, stored before ${p.skipped}, failed ${p.failed})`;
}

export async function ingestCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["help", "quiet"], options: ["db", "workers", "batch", "dct"] });
  if (flags.help || positionals.length === 0) {
    process.stdout.write(USAGE);
    return flags.help ? 0 : 2;
  }
  const num = (k: string) => {
    if (typeof flags[k] !== "string") return undefined;
    const n = Number(flags[k]);
    if (!Number.isInteger(n) || n < 0) throw new RasdError("RASD_USAGE", `--${k} must be a whole number, got "${flags[k]}"`);
    return n;
  };
  const dct = typeof flags.dct === "string" ? flags.dct : undefined;
  if (dct !== undefined && !validDct(dct)) throw new RasdError("RASD_DCT_FORMAT", `got "${dct}"`);
  const spec = storeSpec(typeof flags.db === "string" ? flags.db : undefined);
  const store = openStore(spec);
  const tty = process.stderr.isTTY === true && !flags.quiet;
  let total: number | undefined;
  if (tty) total = await countInputs(expandPaths(positionals));
  let last = 0;
  const errors: string[] = [];
  try {
    const workers = num("workers");
    const batch = num("batch");
    const summary = await ingest(positionals, store, {
      ...(workers !== undefined ? { workers } : {}),
      ...(batch !== undefined ? { batch } : {}),
      ...(dct ? { dct } : {}),
      onProgress: (p) => {
        if (!tty || Date.now() - last < 200) return;
        last = Date.now();
        process.stderr.write(`\r\x1b[K${progressLine({ ...p, ...(total ? { total } : {}) })}`);
      },
      onError: (where, code, message) => {
        if (errors.length < 20) errors.push(`rasd ingest: ${where}: ${message} [${code}]`);
      },
    });
    if (tty) process.stderr.write("\r\x1b[K");
    for (const e of errors) process.stderr.write(e + "\n");
    if (summary.failed > errors.length) process.stderr.write(`rasd ingest: … and ${summary.failed - errors.length} more failures\n`);
    const secs = summary.elapsedMs / 1000;
    const rate = secs > 0 ? summary.done / secs : 0;
    const line = `ingested ${summary.done} articles from ${summary.files} files into ${store.engine === "sqlite" ? spec : "PostgreSQL"}: ${summary.inserted} new, ${summary.skipped} already stored, ${summary.failed} failed; ${secs.toFixed(1)} s, ${rate.toFixed(1)} articles/s with ${summary.workers} workers`;
    process.stdout.write(line + "\n");
    store.checkpoint?.(summary.inserted);
    return summary.failed > 0 && summary.inserted + summary.skipped === 0 ? 3 : summary.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
