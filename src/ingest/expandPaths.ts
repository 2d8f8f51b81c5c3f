/**
 * What `rasd ingest PATH...` reads: files as named, folders walked recursively (hidden entries
 * skipped), and globs (`*`, `?`, `**`, `{a,b}`) expanded by walking from their fixed prefix. Sorted,
 * without repeats.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { RasdError } from "../errors.js";

const GLOB = /[*?[{]/;

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const n of names) {
    if (n.startsWith(".")) continue;
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
}

/** A glob as a regular expression over a whole path ("/" separated). */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += glob[i + 2] === "/" ? "(?:[^/]*/)*" : ".*";
        i += glob[i + 2] === "/" ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) re += "\\{";
      else {
        re += "(?:" + glob.slice(i + 1, end).split(",").map((x) => x.replace(/[.+^$()|[\]\\*?]/g, "\\$&")).join("|") + ")";
        i = end;
      }
    } else if (c === "[") {
      const end = glob.indexOf("]", i);
      if (end < 0) re += "\\[";
      else {
        re += "[" + glob.slice(i + 1, end).replace(/\\/g, "\\\\") + "]";
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
}

export function expandPaths(args: string[]): string[] {
  const out = new Set<string>();
  for (const a of args) {
    if (GLOB.test(a) && !existsSync(a)) {
      const abs = resolve(a).split(sep).join("/");
      const parts = abs.split("/");
      const fixed: string[] = [];
      for (const p of parts) {
        if (GLOB.test(p)) break;
        fixed.push(p);
      }
      const base = fixed.join("/") || "/";
      const re = globToRegExp(abs);
      const files: string[] = [];
      walk(base, files);
      const matched = files.filter((f) => re.test(f.split(sep).join("/")));
      if (!matched.length) throw new RasdError("RASD_SOURCE_NOT_FOUND", `no file matches ${a}`);
      for (const f of matched) out.add(f);
      continue;
    }
    if (!existsSync(a)) throw new RasdError("RASD_SOURCE_NOT_FOUND", a);
    const st = statSync(a);
    if (st.isDirectory()) {
      const files: string[] = [];
      walk(a, files);
      for (const f of files) out.add(f);
    } else out.add(a);
  }
  return [...out];
}
