/**
 * For the browser tests: the demo archive (built exactly as `npm start` builds it, plus an article
 * carrying script payloads) served by the real app on a free loopback port, the desk freshly built,
 * and Debian's chromium driven by playwright-core.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { buildApp } from "../../src/server/buildApp.js";
import { buildDemoArchive } from "../../src/server/demoArchive.js";
import { openStore } from "../../src/store/openStore.js";
import type { RasdRecord } from "../../src/types.js";
import { xssRecord } from "../server/archiveFixture.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ARTIFACTS = join(ROOT, "test-artifacts");

export const skipBrowser = existsSync(CHROMIUM) ? false : `needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium)`;

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds web/dist when it is missing or older than the desk's sources. */
export function ensureDeskBuilt(): void {
  const index = join(ROOT, "web", "dist", "index.html");
  const sources = Math.max(newest(join(ROOT, "web", "src")), statSync(join(ROOT, "web", "index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "web", "--logLevel", "error"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
}

export interface DeskServer {
  url: string;
  seed: RasdRecord;
  xss: RasdRecord;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDesk(): Promise<DeskServer> {
  ensureDeskBuilt();
  const dir = mkdtempSync(join(tmpdir(), "rasd-desk-"));
  const store = openStore(join(dir, "demo.db"));
  await buildDemoArchive(store);
  const xss = xssRecord();
  await store.put([xss]);
  const seedHit = (await store.search("اجتماع لوزراء خارجية التحالف", { limit: 5, facets: false })).hits.find((h) => h.dct === "2019-01-31");
  if (!seedHit) throw new Error("the seed is not in the demo archive");
  const seed = (await store.get(seedHit.id))!;
  const app = await buildApp({ store });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    url: address,
    seed,
    xss,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
