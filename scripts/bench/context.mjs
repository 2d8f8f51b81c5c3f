// What every bench section gets: the articles (as SourceInputs, decoded once), the built library,
// and `measure(fn)`, which runs fn over every article and reports throughput and latency.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";

export async function loadBenchContext(root) {
  const lib = await import(join(root, "dist/src/index.js"));
  const { parseJsonlLine } = await import(join(root, "dist/src/sources/jsonl.js"));
  const shared = join(root, "..", "shared", "data", "news");
  let files = existsSync(shared) ? readdirSync(shared).filter((f) => /\.jsonl(\.gz)?$/.test(f)).map((f) => join(shared, f)) : [];
  let origin = "../shared/data/news";
  if (!files.length) { files = [join(root, "samples/ant/ant-sample.jsonl.gz")]; origin = "samples/ant"; }
  const lines = [];
  for (const f of files.sort()) {
    const buf = readFileSync(f);
    for (const l of (f.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8").split("\n")) if (l.trim()) lines.push(l);
  }
  const want = process.env.RASD_BENCH_FULL ? lines.length : Math.min(lines.length, Number(process.env.RASD_BENCH_N ?? 3000));
  const stride = lines.length / want;
  const articles = [];
  for (let i = 0; i < want; i++) {
    const p = parseJsonlLine(lines[Math.floor(i * stride)], i + 1);
    if (p.input) articles.push(p.input);
  }
  if (origin !== "samples/ant") origin += want < lines.length ? ` (every ${stride.toFixed(1)}th of ${lines.length}; RASD_BENCH_FULL=1 for all)` : " (all)";
  const textBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text ?? a.html ?? ""), 0);
  return { root, lib, articles, textBytes, origin, cpu: `${cpus()[0]?.model ?? "cpu"} ×${cpus().length}`, measure };
}

/**
 * Runs `fn(article)` over the articles (after `warmup` of them untimed) and returns articles/s, MB/s
 * (UTF-8 bytes of each article's text as `bytesOf` gives it) by the clock and per CPU-second of this
 * process (the per-core figure, fair on a busy machine), p50/p99 ms per article.
 */
export function measure(articles, fn, { bytesOf = (a) => Buffer.byteLength(a.text ?? a.html ?? ""), warmup = 500, steady = false } = {}) {
  // RASD_BENCH_WARM=full is the steady state: V8's compilation of the hot code done before the clock
  // starts. It warms up on the odd-numbered articles (twice) and times the even-numbered ones, which
  // it has not seen: warming up on the timed articles themselves would time per-word caches that
  // already hold every word of them, which a stream of new articles never gives.
  // A section that reports a throughput per core of a long-running worker passes `steady` to get it
  // by default.
  const full = steady || process.env.RASD_BENCH_WARM === "full";
  const warm = full ? articles.filter((_, i) => i % 2 === 1) : articles.slice(0, warmup);
  for (let r = full ? 2 : 1; r > 0; r--) for (const a of warm) fn(a);
  if (full) articles = articles.filter((_, i) => i % 2 === 0);
  const main0 = mainThreadCpuSeconds();
  const times = new Float64Array(articles.length);
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i];
    const s = performance.now();
    fn(a);
    times[i] = performance.now() - s;
    bytes += bytesOf(a);
  }
  const secs = (performance.now() - t0) / 1000;
  // CPU time of this process: what one core did, whatever else the machine was running.
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const mainSecs = main0 === null ? null : mainThreadCpuSeconds() - main0;
  times.sort();
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { articles: articles.length, "articles/s": articles.length / secs, "MB/s": bytes / 1048576 / secs, "MB/s per CPU-second": bytes / 1048576 / cpuSecs, ...(mainSecs ? { "MB/s per main-thread CPU-second": bytes / 1048576 / mainSecs } : {}), "p50 ms": q(0.5), "p99 ms": q(0.99), "max ms": times[times.length - 1] ?? 0, "RSS MB": process.memoryUsage().rss / 1048576 };
}

/**
 * CPU seconds of the main thread alone (Linux: /proc/self/task/PID/stat, 10 ms ticks), or null.
 * process.cpuUsage() also counts V8's background compiler and GC threads, which on a short section
 * are mostly compiling; the main thread's figure is the work per core the pipeline itself does.
 */
function mainThreadCpuSeconds() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
