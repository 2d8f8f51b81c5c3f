/**
 * The rasd command line: one file a command in cli/, each a thin shell over the library.
 */
import { RasdError } from "../errors.js";

const HELP = `rasd — Arabic news, read like an analyst would

Usage:
  rasd analyze FILE... [--dct YYYY-MM-DD] [--json | --pretty] [--input text|html|jsonl]
  rasd serve [--db FILE|postgres://…] [--port N] [--host ADDR] [--token TOKEN] [--workers N]
  rasd tag --conll [FILE]
  rasd eval ner FILE.conll
  rasd eval times FILE.jsonl [--predictions PRED.json] [--split dev|heldout] [--errors]
  rasd eval quotes FILE.jsonl [--verbose]
  rasd eval events FILE.jsonl [--verbose]
  rasd ingest PATH... [--db FILE|postgres://…] [--workers N] [--batch N] [--dct YYYY-MM-DD]
  rasd search "QUERY" [--db FILE|postgres://…] [--json] [--limit N] [--sort relevance|date] [--facets]
  rasd export --format jsonl|gkg|conll|timeml [--query QUERY] [--db FILE|postgres://…]
  rasd enqueue PATH... --nats nats://HOST:4222 [--stream NAME]
  rasd worker --nats nats://HOST:4222 --db postgres://… [--batch N] [--idle-exit SECONDS]
  rasd --help | --version

Commands:
  analyze     analyse articles (FILE or - for stdin) and print their records
  ingest      analyse files, folders, globs, .jsonl(.gz), RSS/Atom, WARC(.gz) into the archive (every core)
  search      search the archive: words, "phrases", entity:, type:, speaker:, outlet:, section:, date:, event:, sort:
  export      write archived records as JSON Lines, GDELT-GKG-style TSV, CoNLL (entities) or TimeML (times)
  enqueue     publish documents to a NATS JetStream work queue
  worker      analyse documents from the work queue into PostgreSQL (run any number)
  serve       serve the API and the web desk over an archive (127.0.0.1:8750 by default)
  tag         tag CoNLL tokens (FILE or stdin) with entity BIO tags, appended after a TAB
  eval        score rasd against an annotated file (eval ner FILE.conll: entity P/R/F1)
`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import("./analyzeCommand.js")).analyzeCommand,
  ingest: async () => (await import("./ingestCommand.js")).ingestCommand,
  search: async () => (await import("./searchCommand.js")).searchCommand,
  export: async () => (await import("./exportCommand.js")).exportCommand,
  enqueue: async () => (await import("./enqueueCommand.js")).enqueueCommand,
  worker: async () => (await import("./workerCommand.js")).workerCommand,
  serve: async () => (await import("./serveCommand.js")).serveCommand,
  tag: async () => (await import("./tagCommand.js")).tagCommand,
  eval: async () => (await import("./evalCommand.js")).evalCommand,
};

/** Registers a command (used by the modules of later stages). */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

export async function main(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    process.stdout.write(HELP);
    return cmd ? 0 : 2;
  }
  const load = COMMANDS[cmd];
  if (!load) {
    process.stderr.write(`rasd: unknown command "${cmd}"; expected one of ${Object.keys(COMMANDS).join(", ")}\n${HELP}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof RasdError) {
      process.stderr.write(`rasd ${cmd}: ${e.message} [${e.code}]\n`);
      return e.exitCode;
    }
    process.stderr.write(`rasd ${cmd}: internal error: ${(e as Error).stack ?? e}\n`);
    return 70;
  }
}
