/**
 * `rasd analyze FILE... [--dct YYYY-MM-DD] [--json | --pretty] [--input text|html|jsonl]`
 * One record per input (JSON Lines when there are several). With `--input jsonl`, one record per
 * input line, in order; a failing line yields an error object on its own line and the rest go on.
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseArgs } from "./args.js";
import { RasdError } from "../errors.js";
import { loadDocument, type SourceInput } from "../sources/index.js";
import { readJsonl } from "../sources/jsonl.js";
import { defaultPipeline } from "../pipeline.js";
import type { RasdRecord } from "../types.js";
import { formatPretty } from "./pretty.js";

function readInput(path: string): Buffer {
  if (path === "-") return readFileSync(0);
  if (!existsSync(path)) throw new RasdError("RASD_SOURCE_NOT_FOUND", path);
  if (statSync(path).isDirectory()) throw new RasdError("RASD_USAGE", `${path} is a folder; name files (or use rasd ingest for folders)`);
  const buf = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(buf) : buf;
}

export async function analyzeCommand(args: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(args, { flags: ["json", "pretty", "help"], options: ["dct", "input"] });
  if (flags.help || positionals.length === 0) {
    process.stdout.write("usage: rasd analyze FILE... [--dct YYYY-MM-DD] [--json | --pretty] [--input text|html|jsonl]\n");
    return flags.help ? 0 : 2;
  }
  const dct = typeof flags.dct === "string" ? flags.dct : undefined;
  const inputKind = typeof flags.input === "string" ? flags.input : "auto";
  if (!["auto", "text", "html", "jsonl"].includes(inputKind)) throw new RasdError("RASD_USAGE", `--input must be text, html or jsonl, got "${inputKind}"`);
  const pretty = flags.pretty === true || (!flags.json && process.stdout.isTTY && positionals.length === 1 && inputKind !== "jsonl");
  const pipeline = defaultPipeline();
  let ok = 0, failed = 0;
  const out = (rec: RasdRecord) => {
    process.stdout.write(pretty ? formatPretty(rec, { color: process.stdout.isTTY === true }) + "\n" : JSON.stringify(rec) + "\n");
  };
  const fail = (where: string, e: unknown) => {
    failed++;
    const err = e instanceof RasdError ? e : new RasdError("RASD_INTERNAL", (e as Error).message);
    process.stderr.write(`rasd analyze: ${where}: ${err.message} [${err.code}]\n`);
    return err;
  };
  for (const path of positionals) {
    let buf: Buffer;
    try {
      buf = readInput(path);
    } catch (e) {
      fail(path, e);
      continue;
    }
    const isJsonl = inputKind === "jsonl" || (inputKind === "auto" && /\.jsonl(\.gz)?$/.test(path));
    if (isJsonl) {
      for (const line of readJsonl(buf.toString("utf8"), path === "-" ? undefined : path)) {
        if (line.error) {
          const err = fail(`${path}:${line.line}`, line.error);
          process.stdout.write(JSON.stringify({ error: { code: err.code, message: err.message, line: line.line } }) + "\n");
          continue;
        }
        try {
          const input: SourceInput = { ...line.input! };
          if (dct) input.dct = dct;
          const rec = pipeline.run(loadDocument(input));
          if (rec.language !== "ar") failed++; else ok++;
          out(rec);
        } catch (e) {
          const err = fail(`${path}:${line.line}`, e);
          process.stdout.write(JSON.stringify({ error: { code: err.code, message: err.message, line: line.line, ...(line.inputId ? { id: line.inputId } : {}) } }) + "\n");
        }
      }
      continue;
    }
    try {
      const rec = pipeline.run(loadDocument({ bytes: buf, kind: inputKind as SourceInput["kind"], ...(path !== "-" ? { uri: path } : {}), ...(dct ? { dct } : {}) }));
      if (rec.language !== "ar") {
        process.stderr.write(`rasd analyze: ${path}: the text is not Arabic (detected "${rec.language}"); nothing was analysed [RASD_LANGUAGE]\n`);
        failed++;
      } else ok++;
      out(rec);
    } catch (e) {
      fail(path, e);
    }
  }
  if (ok === 0 && failed > 0) return 3;
  return failed > 0 ? 1 : 0;
}
