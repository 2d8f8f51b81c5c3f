/**
 * `rasd export --format jsonl|gkg|conll|timeml [--query QUERY] [--db …] [--header]`
 * Records as JSON Lines, a GDELT-GKG-style TSV (columns in README.md), entities as CoNLL, times as
 * TimeML; all records, or those the query selects (the search language).
 */
import { once } from "node:events";
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { openStore } from "../store/openStore.js";
import { EXPORT_FORMATS, exportRecords, type ExportFormat } from "../export/exportRecords.js";

export async function exportCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["help", "header"], options: ["format", "query", "db"] });
  if (flags.help) {
    process.stdout.write("usage: rasd export --format jsonl|gkg|conll|timeml [--query QUERY] [--db FILE|postgres://…] [--header]\n");
    return 0;
  }
  const format = (typeof flags.format === "string" ? flags.format : "jsonl") as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new RasdError("RASD_USAGE", `--format must be one of ${EXPORT_FORMATS.join(", ")}, got "${format}"`);
  const query = typeof flags.query === "string" ? flags.query : positionals.join(" ");
  const store = openStore(typeof flags.db === "string" ? flags.db : undefined, { readonly: false });
  try {
    const n = await exportRecords(store.records(query), format, async (chunk) => {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }, { header: flags.header === true });
    process.stderr.write(`rasd export: ${n} records as ${format}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
