// Cold starts of the command: `rasd --version` (must not load the library: ≤ 150 ms) and
// `rasd analyze` on the seed article, each the median of several fresh processes.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

function median(root, args, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, "bin/rasd.js"), ...args], { stdio: ["ignore", "ignore", "pipe"] });
    ms.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`rasd ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

export default {
  name: "cold start",
  async run({ root }) {
    const seed = [join(root, "..", "shared", "seed", "article.txt"), join(root, "samples", "seed", "article.txt")].find(existsSync);
    const floor = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); spawnSync(process.execPath, ["-e", "0"]); floor.push(performance.now() - t); }
    const node = floor.sort((a, b) => a - b)[2];
    return [
      { command: "node -e 0 (floor)", "median ms": node },
      { command: "rasd --version", "median ms": median(root, ["--version"], 7), target: "≤ 150" },
      { command: "rasd analyze seed --json", "median ms": median(root, ["analyze", seed, "--dct", "2019-01-31", "--json"], 3) },
    ];
  },
};
