/**
 * Finds files under resources/ whether the code runs from src/ (tests, tsx) or dist/src/ (the built CLI):
 * walks up from this module to the folder whose package.json is rasd's.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === "rasd") return (root = dir);
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("rasd: cannot find the package root (package.json named rasd)");
    dir = up;
  }
}

/** Absolute path of a file under resources/. */
export function resourcePath(rel: string): string {
  return join(packageRoot(), "resources", rel);
}

/** Reads a JSON resource (callers cache the result). */
export function readJsonResource<T>(rel: string): T {
  return JSON.parse(readFileSync(resourcePath(rel), "utf8")) as T;
}

/** The shared data folder beside the clone (../shared), if present: for build scripts and tests only. */
export function sharedPath(rel = ""): string {
  return join(packageRoot(), "..", "shared", rel);
}
