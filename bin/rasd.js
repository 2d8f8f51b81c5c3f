#!/usr/bin/env node
// The rasd command. `--version` answers without loading the library, so it starts cold in tens of ms.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args[0] === "--version" || args[0] === "-v") {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`rasd ${pkg.version}\n`);
} else {
  const { main } = await import("../dist/src/cli/main.js");
  process.exitCode = await main(args);
}
