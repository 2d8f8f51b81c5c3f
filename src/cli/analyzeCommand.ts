/**
 * `rasd analyze FILE... [--dct YYYY-MM-DD] [--json | --pretty] [--input text|html|jsonl]`
 *
 * 1. Each FILE (or `-`, stdin) is read on its own; a file that cannot be read or analysed gets a clear
 *    message on stderr and the next one goes on.
 * 2. Files larger than the source limit are refused before they are read; `.gz` is decompressed.
 * 3. JSON Lines (`--input jsonl`, or a `.jsonl`/`.jsonl.gz` name) are streamed line by line: one
 *    record per input line, in order; a failing line yields `{"error": …}` on its own output line.
 * 4. Output: one JSON record a line (`--json`, the default when stdout is not a terminal) or a
 *    readable summary (`--pretty`, the default on a terminal for a single file).
 * Exit status: 0 all analysed; 1 some failed; 3 nothing could be analysed (2 for a usage error).
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createGunzip, gunzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { loadDocument, MAX_INPUT_BYTES, validDct, type SourceInput } from "../sources/index.js";
import { parseJsonlLine } from "../sources/jsonl.js";
import { defaultPipeline } from "../pipeline.js";
import type { RasdRecord } from "../types.js";
import { formatPretty } from "./pretty.js";

export const ANALYZE_USAGE = `usage: rasd analyze FILE... [--dct YYYY-MM-DD] [--json | --pretty] [--input text|html|jsonl]

  FILE            a scraped text, an HTML page or a JSON Lines file (.jsonl, .jsonl.gz); - reads stdin
  --dct DATE      the publication date (YYYY-MM-DD) relative dates are resolved against
  --json          one JSON record a line (the default when stdout is not a terminal)
  --pretty        a readable summary (the default on a terminal)
  --input KIND    read every FILE as text, html or jsonl instead of guessing
`;

const KINDS = ["auto", "text", "html", "jsonl"] as const;
type InputKind = (typeof KINDS)[number];

/** A file's bytes, refusing what is too large before reading it. */
function readInput(path: string): Buffer {
  if (path === "-") return readFileSync(0);
  if (!existsSync(path)) throw new RasdError("RASD_SOURCE_NOT_FOUND", path);
  const st = statSync(path);
  if (st.isDirectory()) throw new RasdError("RASD_USAGE", `${path} is a folder; name the files in it (or use npm run sweep -- ${path})`);
  if (!path.endsWith(".gz") && st.size > MAX_INPUT_BYTES) {
    throw new RasdError("RASD_SOURCE_TOO_LARGE", `${(st.size / 1048576).toFixed(1)} MB, the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
  }
  const buf = readFileSync(path);
  if (!path.endsWith(".gz")) return buf;
  try {
    return gunzipSync(buf, { maxOutputLength: MAX_INPUT_BYTES + 1 });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new RasdError("RASD_SOURCE_TOO_LARGE", `${path} decompresses to more than ${MAX_INPUT_BYTES / 1048576} MB`);
    throw new RasdError("RASD_SOURCE_DECODE", `${path} is not valid gzip data`);
  }
}

function jsonlLines(path: string): AsyncIterable<string> {
  const raw = path === "-" ? process.stdin : createReadStream(path);
  const input: Readable = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  return createInterface({ input, crlfDelay: Infinity });
}

export async function analyzeCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["json", "pretty", "help"], options: ["dct", "input"] });
  if (flags.help) {
    process.stdout.write(ANALYZE_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`rasd analyze: name at least one FILE (or - for stdin) [RASD_USAGE]\n${ANALYZE_USAGE}`);
    return 2;
  }
  if (flags.json && flags.pretty) throw new RasdError("RASD_USAGE", "choose one of --json and --pretty");
  const dct = typeof flags.dct === "string" ? flags.dct : undefined;
  if (dct !== undefined && !validDct(dct)) throw new RasdError("RASD_DCT_FORMAT", `got "${dct}"`);
  const inputKind = (typeof flags.input === "string" ? flags.input : "auto") as InputKind;
  if (!KINDS.includes(inputKind)) throw new RasdError("RASD_USAGE", `--input must be text, html or jsonl, got "${inputKind}"`);
  const pretty = flags.pretty === true || (!flags.json && process.stdout.isTTY === true && positionals.length === 1 && inputKind !== "jsonl");
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const pipeline = defaultPipeline();
  let ok = 0, failed = 0;

  const write = (s: string) => process.stdout.write(s + "\n");
  const out = (rec: RasdRecord, where: string) => {
    for (const w of rec.warnings ?? []) if (w.code !== "RASD_LANGUAGE") process.stderr.write(`rasd analyze: ${where}: warning: ${w.message} [${w.code}]\n`);
    if (rec.language !== "ar") {
      process.stderr.write(`rasd analyze: ${where}: the text is not Arabic (detected "${rec.language}"); nothing was analysed [RASD_LANGUAGE]\n`);
      failed++;
    } else ok++;
    write(pretty ? formatPretty(rec, { color }) : JSON.stringify(rec));
  };
  const fail = (where: string, e: unknown): RasdError => {
    failed++;
    const err = e instanceof RasdError ? e : new RasdError("RASD_INTERNAL", (e as Error)?.message ?? String(e));
    process.stderr.write(`rasd analyze: ${where}: ${err.message} [${err.code}]\n`);
    return err;
  };

  for (const path of positionals) {
    const isJsonl = inputKind === "jsonl" || (inputKind === "auto" && /\.jsonl(\.gz)?$/i.test(path));
    if (isJsonl) {
      if (path !== "-" && !existsSync(path)) { fail(path, new RasdError("RASD_SOURCE_NOT_FOUND", path)); continue; }
      let n = 0;
      try {
        for await (const raw of jsonlLines(path)) {
          n++;
          if (!raw.trim()) continue;
          const line = parseJsonlLine(raw, n, path === "-" ? undefined : path);
          const where = `${path}:${n}`;
          try {
            if (line.error) throw line.error;
            const input: SourceInput = { ...line.input! };
            if (dct) input.dct = dct;
            out(pipeline.run(loadDocument(input)), where);
          } catch (e) {
            const err = fail(where, e);
            write(JSON.stringify({ error: { code: err.code, message: err.message, line: n, ...(line.inputId ? { id: line.inputId } : {}) } }));
          }
        }
      } catch (e) {
        fail(path, (e as { code?: string }).code === "Z_DATA_ERROR" ? new RasdError("RASD_SOURCE_DECODE", `${path} is not valid gzip data`) : e);
      }
      continue;
    }
    try {
      const buf = readInput(path);
      const kind = inputKind === "auto" ? undefined : inputKind;
      out(pipeline.run(loadDocument({ bytes: buf, ...(kind ? { kind } : {}), ...(path !== "-" ? { uri: path } : {}), ...(dct ? { dct } : {}) })), path);
    } catch (e) {
      fail(path, e);
    }
  }
  if (ok === 0 && failed > 0) return 3;
  return failed > 0 ? 1 : 0;
}
