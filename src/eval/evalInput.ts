/**
 * The input of `rasd eval quotes|events FILE [--verbose]`: one file (or - for stdin) and the flag.
 */
import { existsSync, readFileSync } from "node:fs";
import { RasdError } from "../errors.js";

export function readEvalInput(args: string[], usage: string): { content: string; verbose: boolean } {
  const verbose = args.includes("--verbose") || args.includes("-v");
  const files = args.filter((a) => !a.startsWith("-") || a === "-");
  const file = files[0];
  if (!file || files.length > 1) throw new RasdError("RASD_USAGE", `usage: ${usage}`);
  if (file !== "-" && !existsSync(file)) throw new RasdError("RASD_SOURCE_NOT_FOUND", file);
  return { content: readFileSync(file === "-" ? 0 : file, "utf8"), verbose };
}

/** Parses an evaluation set: one JSON object a line, blank lines skipped; a broken line is a usage error naming it. */
export function readJsonLines<T>(text: string): T[] {
  return text.split("\n").filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as T;
    } catch {
      throw new RasdError("RASD_USAGE", `line ${i + 1}: expected a JSON object per line`);
    }
  });
}
