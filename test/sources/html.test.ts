/**
 * HTML pages as Arabic news sites serve them: the article comes out, the chrome (menus, share rows,
 * related links, footers) stays out, and the page's own metadata is read.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { extractHtml } from "../../src/sources/html.js";
import { loadDocument } from "../../src/sources/index.js";
import { RasdError } from "../../src/errors.js";

const P = [
  "أعلنت وزارة الخارجية اليوم أن وفداً رسمياً سيزور موسكو الأسبوع المقبل لبحث التعاون الاقتصادي بين البلدين.",
  "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات الثنائية وتوسيع التبادل التجاري.",
  "وأضاف أن الجانبين سيوقعان عدداً من الاتفاقيات في مجالات الطاقة والنقل والتعليم خلال الزيارة.",
];
const CHROME = ["الرئيسية", "الأكثر قراءة", "جميع الحقوق محفوظة", "سعر الذهب اليوم في الأسواق"];

function page(head: string, extraBody = "") {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav></header>
<main><article>
<h1>وفد سوري إلى موسكو الأسبوع المقبل</h1>
<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>
${P.map((p) => `<p>${p}</p>`).join("\n")}
${extraBody}
<div class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/x">سعر الذهب اليوم في الأسواق</a></li></ul></div>
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a>مباراة حاسمة الليلة</a></li></ul></aside>
<footer><p>© 2019 الوطن. جميع الحقوق محفوظة</p></footer></body></html>`;
}

test("JSON-LD NewsArticle: headline, datePublished, articleSection, author and publisher", () => {
  const ld = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage", name: "x" }, { "@type": "NewsArticle", headline: "وفد سوري إلى موسكو الأسبوع المقبل", datePublished: "2019-01-31T10:00:00+03:00", articleSection: ["سياسة"], author: [{ "@type": "Person", name: "أحمد العلي" }], publisher: { "@type": "Organization", name: "الوطن" } }] };
  const ex = extractHtml(page(`<title>وفد سوري إلى موسكو الأسبوع المقبل | الوطن</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`));
  assert.equal(ex.meta.title, "وفد سوري إلى موسكو الأسبوع المقبل");
  assert.equal(ex.meta.published, "2019-01-31T10:00:00+03:00");
  assert.equal(ex.meta.section, "سياسة");
  assert.equal(ex.meta.author, "أحمد العلي");
  assert.equal(ex.meta.publisher, "الوطن");
  assert.equal(ex.meta.lang, "ar");
  assert.equal(ex.text, ["وفد سوري إلى موسكو الأسبوع المقبل", "", ...P].join("\n"));
  assert.deepEqual(ex.layout.paragraphs!.map((p) => p.text), P);
  for (const c of CHROME) assert.ok(!ex.text.includes(c), `chrome '${c}' left in the text`);
});

test("no JSON-LD: OpenGraph, <time datetime> and a site suffix stripped from <title>", () => {
  const ex = extractHtml(page(`<title>وفد سوري إلى موسكو الأسبوع المقبل - الوطن</title><meta property="og:site_name" content="الوطن"><meta property="article:section" content="سياسة">`, `<time datetime="2019-01-31T08:00:00Z">31 يناير</time>`));
  assert.equal(ex.meta.title, "وفد سوري إلى موسكو الأسبوع المقبل");
  assert.equal(ex.meta.publisher, "الوطن");
  assert.equal(ex.meta.section, "سياسة");
  assert.equal(ex.meta.published, "2019-01-31T08:00:00Z");
  for (const c of CHROME) assert.ok(!ex.text.includes(c), `chrome '${c}' left in the text`);
});

test("a pubdate meta tag in compact form gives the publication date", () => {
  const doc = loadDocument({ html: page(`<title>خبر</title><meta name="pubdate" content="20190131">`) });
  assert.deepEqual(doc.dct, { value: "2019-01-31", origin: "metadata" });
});

test("a page without an article container falls back to its paragraphs", () => {
  const html = `<html><body><div id="m"><a>الرئيسية</a></div><div class="c"><p>${P[0]}</p><p>${P[1]}</p></div><footer><p>جميع الحقوق محفوظة</p></footer></body></html>`;
  const ex = extractHtml(html);
  assert.ok(ex.text.includes(P[0]!) && ex.text.includes(P[1]!));
  assert.ok(!ex.text.includes("جميع الحقوق محفوظة"));
});

test("a page with no article text is refused with RASD_SOURCE_NO_ARTICLE", () => {
  assert.throws(() => extractHtml(`<html><body><nav><a>الرئيسية</a></nav><script>x()</script></body></html>`, "menu.html"), (e: unknown) => e instanceof RasdError && e.code === "RASD_SOURCE_NO_ARTICLE");
});
