#!/usr/bin/env node
// Builds golden structure cases from short real articles of the ANT corpus (../shared/data/news):
// each article is laid out the ways pages arrive — as scraped text (section line, headline, byline,
// body, site chrome) and as an HTML page with or without JSON-LD — and expected.json states, from the
// corpus's own fields (title, author, text), the structure analysis must give back. Deterministic:
// the same corpus gives the same cases. Writes test/golden/ant-<outlet>-<n>-<layout>/.
//
//   node scripts/golden/make-ant-cases.mjs [--per-outlet 3] [--max-chars 700]
import { readFileSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { join } from "node:path";
import iconv from "iconv-lite";

const root = new URL("../..", import.meta.url).pathname;
const corpus = join(root, "..", "shared", "data", "news", "ant-multisource-v2.1.jsonl.gz");
if (!existsSync(corpus)) { console.error(`needs ${corpus}`); process.exit(2); }
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const PER_OUTLET = arg("per-outlet", 3);
const MAX_CHARS = arg("max-chars", 700);

const SLUG = { AlArabiya: "alarabiya", "BBC Arabic": "bbc", "CNN Arabic": "cnn", "France 24 Arabic": "france24", "Sky News Arabia": "skynews" };
const SITE = { AlArabiya: "العربية.نت", "BBC Arabic": "بي بي سي عربي", "CNN Arabic": "سي إن إن بالعربية", "France 24 Arabic": "فرانس 24", "Sky News Arabia": "سكاي نيوز عربية" };
const SECTION = { culture: "ثقافة", economy: "اقتصاد", internationalNews: "العالم", middleEast: "الشرق الأوسط", sport: "رياضة", technology: "تكنولوجيا" };
const RELATED = ["أسعار النفط ترتفع مع تراجع المخزونات الأميركية", "الأمم المتحدة تدعو إلى هدنة إنسانية عاجلة"];

const rows = gunzipSync(readFileSync(corpus)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const key = (o) => createHash("sha1").update(o.id).digest("hex");
const picked = [];
for (const outlet of Object.keys(SLUG)) {
  const pool = rows
    .filter((o) => o.outlet === outlet && o.text.length >= 250 && o.text.length <= MAX_CHARS && o.text.includes("\n") && o.title && !o.text.includes(o.title))
    .sort((a, b) => key(a).localeCompare(key(b)));
  picked.push(...pool.slice(0, PER_OUTLET));
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphsOf = (o) => o.text.split("\n").map((l) => l.trim()).filter(Boolean);
const firstWords = (p) => p.split(/\s+/).slice(0, 5).join(" ");
const lastWords = (p) => p.split(/\s+/).slice(-5).join(" ");
const arDate = (iso) => {
  const d = new Date(iso);
  const months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** Scraped text, three house styles. */
function scraped(o, style) {
  const paras = paragraphsOf(o);
  const section = SECTION[o.category];
  const byline = o.author || SITE[o.outlet];
  const exp = { section, headline_contains: [o.title], byline, body_paragraphs: paras.length, body_first_words: firstWords(paras[0]), body_last_words: lastWords(paras.at(-1)) };
  let text;
  if (style === 0) {
    // The seed's shape: section, headline, "| byline", body, back-to-top, publisher.
    text = `${section}\n\n${o.title}\n\n| ${byline}\n\n${paras.join("\n")}\n\nزر الذهاب إلى الأعلى\n${SITE[o.outlet]}\n`;
    Object.assign(exp, { publisher: SITE[o.outlet], boilerplate_contains: ["زر الذهاب إلى الأعلى"] });
  } else if (style === 1) {
    // Breadcrumb, headline, date line, "كتب:" byline, body, related links, share row, copyright.
    text = `الرئيسية » أخبار » ${section}\n${o.title}\nنشر في: ${arDate(o.date)}\nكتب: ${byline}\n${paras.join("\n")}\nاقرأ أيضاً:\n${RELATED.join("\n")}\nشارك\nفيسبوك تويتر واتساب\n© 2018 ${SITE[o.outlet]}. جميع الحقوق محفوظة\n`;
    delete exp.section;
    Object.assign(exp, { boilerplate_contains: ["الرئيسية » أخبار", RELATED[0], "فيسبوك تويتر واتساب", "جميع الحقوق محفوظة"], dateline_contains: arDate(o.date) });
  } else {
    // Section and headline, byline under it, body, then "تابعونا" and the site's name.
    text = `${section}\n${o.title}\n${byline}\n\n${paras.join("\n\n")}\n\nتابعونا على تويتر وفيسبوك\n${SITE[o.outlet]}\n`;
    Object.assign(exp, { publisher: SITE[o.outlet], boilerplate_contains: ["تابعونا على تويتر"] });
    if (!o.author) exp.byline = SITE[o.outlet];
  }
  return { text, exp };
}

/** An HTML page with site chrome; JSON-LD NewsArticle when `jsonld`. */
function html(o, jsonld) {
  const paras = paragraphsOf(o);
  const section = SECTION[o.category];
  const site = SITE[o.outlet];
  const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: o.title, datePublished: o.date, articleSection: section, author: { "@type": "Person", name: o.author || site }, publisher: { "@type": "Organization", name: site } };
  const page = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(o.title)} | ${esc(site)}</title>
<meta property="og:title" content="${esc(o.title)}">
<meta property="og:site_name" content="${esc(site)}">
${jsonld ? `<script type="application/ld+json">${JSON.stringify(ld)}</script>` : `<meta name="pubdate" content="${o.date}">`}
</head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li><li><a href="/sport">رياضة</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav></header>
<main>
<article>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/news">${esc(section)}</a></div>
<h1>${esc(o.title)}</h1>
<div class="meta"><span class="author">${esc(o.author || site)}</span> <time datetime="${o.date}">${arDate(o.date)}</time></div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="content">
${paras.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</div>
<div class="related"><h3>اقرأ أيضاً</h3><ul>${RELATED.map((r) => `<li><a href="/x">${esc(r)}</a></li>`).join("")}</ul></div>
</article>
</main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/y">مباراة حاسمة في دوري الأبطال الليلة</a></li></ul></aside>
<footer><p>© 2018 ${esc(site)}. جميع الحقوق محفوظة</p><a href="#top">زر الذهاب إلى الأعلى</a></footer>
</body>
</html>
`;
  const exp = { headline_contains: [o.title], byline: o.author || site, publisher: site, body_paragraphs: paras.length, body_first_words: firstWords(paras[0]), body_last_words: lastWords(paras.at(-1)), not_in_body: [RELATED[0], "جميع الحقوق محفوظة", "الأكثر قراءة"], dct: o.date.slice(0, 10) };
  if (jsonld) exp.section = section;
  return { text: page, exp };
}

function write(slug, file, content, exp, about) {
  const dir = join(root, "test", "golden", slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  writeFileSync(join(dir, "expected.json"), JSON.stringify({ about, source: file, structure: { must: exp } }, null, 1) + "\n");
}

let n = 0;
for (const [i, o] of picked.entries()) {
  const slug = `ant-${SLUG[o.outlet]}-${i % PER_OUTLET + 1}`;
  const about = `ANT corpus v2.1, ${o.outlet}, ${o.id} (${o.date.slice(0, 10)}); laid out by scripts/golden/make-ant-cases.mjs`;
  const s = scraped(o, i % 3);
  write(`${slug}-text`, "source.txt", s.text, s.exp, about + " as scraped text");
  const h = html(o, i % 2 === 0);
  write(`${slug}-html${i % 2 === 0 ? "-jsonld" : ""}`, "source.html", h.text, h.exp, about + ` as an HTML page ${i % 2 === 0 ? "with" : "without"} JSON-LD`);
  n += 2;
  if (i === 0) {
    // The same scraped page saved as windows-1256, as older Arabic sites serve it.
    write(`${slug}-cp1256`, "source.txt", iconv.encode(s.text, "windows-1256"), { ...s.exp, encoding: "windows-1256" }, about + " as scraped text in windows-1256");
    n++;
  }
}
console.log(`wrote ${n} cases from ${picked.length} articles (${new Set(picked.map((o) => o.outlet)).size} outlets)`);
