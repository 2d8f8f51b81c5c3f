// 03-time alone: the DCT and time annotators on each article (documents decoded beforehand, no
// structure, so the whole text is read), with the page's date and without it (inference); then a
// 1 MB line of hostile input at 0.25 / 0.5 / 1 MB to show the time stays linear.
// Runs inside `npm run bench`, or alone: node scripts/bench/03-time.mjs
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const HOSTILE = {
  "digits/slashes": "12/12/2012/12/31-1-2019 ١٢/٣/٢٠١٩ 2019/01/31 10:30 ",
  "month names": "كانون الثاني كانون الأول يناير/كانون الثاني 19 كانون الأول الماضي تموز 2018 جانفي ماي ",
  "mixed": "الساعة 10:30 بتوقيت دمشق الأسبوع المقبل أمس الأول 6 الشهر القادم منذ أشهر 15 رمضان 1440 هـ الموافق 2019 ",
};

const section = {
  name: "03-time (dct + time annotators)",
  async run({ root, lib, articles, measure }) {
    const { dctAnnotator, timeAnnotator } = await import(join(root, "dist/src/annotate/03-time/index.js"));
    const docs = articles.map((a) => lib.loadDocument(a));
    const bytes = new Map(docs.map((d) => [d, Buffer.byteLength(d.text)]));
    const once = (d) => {
      const doc = { ...d }; // a fresh object: the per-document cache must not carry over
      const dct = dctAnnotator.run(doc, {});
      return timeAnnotator.run(doc, { dct });
    };
    const rows = [];
    // MB/s per core: CPU time of this process (user + system) over a second pass, so a machine shared
    // with other work does not count against it; the wall-clock figures come from measure().
    // The best of three passes once the JIT has settled.
    const perCore = (list) => {
      const total = list.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
      let best = 0;
      for (let pass = 0; pass < 3; pass++) {
        const c0 = process.cpuUsage();
        for (const d of list) once(d);
        const c = process.cpuUsage(c0);
        best = Math.max(best, total / 1048576 / ((c.user + c.system) / 1e6));
      }
      return best;
    };
    rows.push({ case: "with page date", ...measure(docs, once, { bytesOf: (d) => bytes.get(d) }), "MB/s per core (cpu)": perCore(docs) });
    const bare = docs.map((d) => ({ ...d, dct: { value: null, origin: "none" } }));
    const bareBytes = new Map(bare.map((d) => [d, Buffer.byteLength(d.text)]));
    rows.push({ case: "inferring the DCT", ...measure(bare, once, { bytesOf: (d) => bareBytes.get(d) }), "MB/s per core (cpu)": perCore(bare) });
    for (const [name, unit] of Object.entries(HOSTILE)) {
      const row = { case: `1 line of ${name}` };
      for (const mb of [0.25, 0.5, 1]) {
        const n = Math.ceil((mb * 1048576) / Buffer.byteLength(unit));
        const text = unit.repeat(n);
        const doc = { id: "x", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: "2019-01-31", origin: "given" }, warnings: [] };
        once(doc); // warm
        const c0 = process.cpuUsage(); // CPU time: a shared machine's load does not count
        const found = once(doc).length;
        const c = process.cpuUsage(c0);
        row[`${mb}MB cpu ms`] = (c.user + c.system) / 1000;
        if (mb === 1) row.found = found;
      }
      row["ms/MB 1 vs 0.25"] = row["1MB cpu ms"] / (4 * row["0.25MB cpu ms"]);
      rows.push(row);
    }
    return rows;
  },
};
export default section;

// Standalone: node scripts/bench/03-time.mjs
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = new URL("../..", import.meta.url).pathname;
  const { loadBenchContext } = await import(pathToFileURL(join(root, "scripts/bench/context.mjs")).href);
  const ctx = await loadBenchContext(root);
  for (const row of await section.run(ctx)) console.log(Object.entries(row).map(([k, v]) => `${k}: ${typeof v === "number" ? +v.toFixed(2) : v}`).join("  "));
}
