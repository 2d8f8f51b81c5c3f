/**
 * A packaged install must serve the desk: the built web desk (web/dist, ignored by git) is in the
 * package's "files", beside the compiled library the server loads. Checked on what `npm pack` would
 * put in the tarball (no scripts run, nothing written).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = existsSync(join(root, "web/dist/index.html")) && existsSync(join(root, "dist/src/server/buildApp.js"));

test("npm pack ships the built desk and the server", { skip: built ? false : "web/dist or dist/ not built: run npm run build" }, () => {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
  for (const f of ["web/dist/index.html", "dist/src/server/buildApp.js", "bin/rasd.js"]) assert.ok(files.has(f), `${f} is not in the package`);
  assert.ok([...files].some((f) => /^web\/dist\/assets\/.+\.js$/.test(f)), "the desk's script is not in the package");
  assert.ok([...files].some((f) => f.startsWith("web/dist/fonts/")), "the desk's fonts are not in the package");
});
