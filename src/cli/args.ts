/**
 * A small argument reader: `--flag`, `--key value`, `--key=value`, positionals. Unknown options are an
 * error that names what was expected.
 */
import { RasdError } from "../errors.js";

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export function parseArgs(args: string[], spec: { flags?: string[]; options?: string[] }): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const known = new Set([...(spec.flags ?? []), ...(spec.options ?? [])]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") { positionals.push(...args.slice(i + 1)); break; }
    if (a === "-h" && known.has("help")) { flags.help = true; continue; }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!known.has(name)) throw new RasdError("RASD_USAGE", `unknown option --${name}; expected one of ${[...known].map((k) => "--" + k).join(", ")}`);
      if (spec.options?.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new RasdError("RASD_USAGE", `--${name} needs a value`);
        flags[name] = v;
      } else flags[name] = true;
    } else positionals.push(a);
  }
  return { positionals, flags };
}
