/**
 * 01-structure on hand-laid pages: the layouts Arabic news arrives in, and the lines that must not be
 * mistaken for chrome, bylines or datelines.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadDocument, type SourceInput } from "../../../src/sources/index.js";
import { annotateStructure } from "../../../src/annotate/01-structure/index.js";
import { BylineParser } from "../../../src/annotate/01-structure/BylineParser.js";
import type { Structure } from "../../../src/types.js";

const P1 = "أعلنت وزارة الخارجية اليوم أن وفداً رسمياً سيزور موسكو الأسبوع المقبل لبحث التعاون الاقتصادي بين البلدين.";
const P2 = "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات الثنائية وتوسيع التبادل التجاري.";

function structure(text: string, extra: Partial<SourceInput> = {}): Structure {
  return annotateStructure(loadDocument({ text, ...extra }));
}
const texts = (spans: Array<{ text: string }>) => spans.map((s) => s.text);

function assertSpans(text: string, st: Structure) {
  for (const s of [...st.paragraphs, ...st.boilerplate, ...(st.headlineSpans ?? []), st.sectionSpan, st.bylineSpan, st.datelineSpan, st.publisherSpan]) {
    if (s) assert.equal(text.slice(s.start, s.end), s.text);
  }
}

test("section, headline, '| agency', body, back-to-top and publisher (the seed's layout)", () => {
  const text = `سياسة\n\nوفد سوري إلى موسكو الأسبوع المقبل\n\n| وكالات\n\n${P1}\n${P2}\n\nزر الذهاب إلى الأعلى\nصحيفة الوطن\n`;
  const st = structure(text);
  assertSpans(text, st);
  assert.equal(st.section, "سياسة");
  assert.equal(st.headline, "وفد سوري إلى موسكو الأسبوع المقبل");
  assert.equal(st.byline, "وكالات");
  assert.equal(st.publisher, "صحيفة الوطن");
  assert.deepEqual(texts(st.paragraphs), [P1, P2]);
  assert.deepEqual(texts(st.boilerplate), ["زر الذهاب إلى الأعلى"]);
});

test("a two-part headline on one line is joined by ' … ' with one span per part", () => {
  const text = `وفد سوري إلى موسكو … الخارجية: الزيارة لتعزيز العلاقات\n\n${P1}\n`;
  const st = structure(text);
  assert.equal(st.headline, "وفد سوري إلى موسكو … الخارجية: الزيارة لتعزيز العلاقات");
  assert.deepEqual(texts(st.headlineSpans!), ["وفد سوري إلى موسكو", "الخارجية: الزيارة لتعزيز العلاقات"]);
  assert.deepEqual(texts(st.paragraphs), [P1]);
});

test("a headline over two lines (kicker and title) gives two parts", () => {
  const st = structure(`بعد أشهر من القطيعة\nوفد سوري إلى موسكو الأسبوع المقبل\nدمشق - سانا\n${P1}\n`);
  assert.equal(st.headline, "بعد أشهر من القطيعة … وفد سوري إلى موسكو الأسبوع المقبل");
  assert.equal(st.section, undefined);
  assert.equal(st.byline, "دمشق - سانا");
  assert.equal(st.dateline, "دمشق");
});

test("byline forms: كتب:، بقلم، place - reporter, agency in brackets at the end", () => {
  const cases: Array<[string, string, string | undefined]> = [
    [`وفد سوري إلى موسكو\nكتب: أحمد العلي\n${P1}\n`, "أحمد العلي", undefined],
    [`وفد سوري إلى موسكو\nبقلم سمير عطا الله\n${P1}\n`, "سمير عطا الله", undefined],
    [`وفد سوري إلى موسكو\nالقاهرة - أحمد الريدي\n${P1}\n`, "القاهرة - أحمد الريدي", "القاهرة"],
    [`وفد سوري إلى موسكو\nالعربية.نت - إسلام سيف\n${P1}\n`, "العربية.نت - إسلام سيف", undefined],
    [`وفد سوري إلى موسكو\n\n${P1}\n${P2}\n(أ ف ب)\n`, "أ ف ب", undefined],
    [`وفد سوري إلى موسكو\n\n${P1}\nفرانس24/ أ ف ب\n`, "فرانس24/ أ ف ب", undefined],
  ];
  for (const [text, byline, dateline] of cases) {
    const st = structure(text);
    assertSpans(text, st);
    assert.equal(st.byline, byline, text);
    assert.equal(st.dateline, dateline, text);
    assert.equal(st.paragraphs[0]!.text, P1, text);
  }
});

test("a reporter's bare name under a headline is the byline; under a section line it is the headline", () => {
  let st = structure(`الشرق الأوسط\nما المنتظر من مؤتمر سيدر لدعم لبنان؟\nوسيم الأحمر\n\n${P1}\n`);
  assert.equal(st.section, "الشرق الأوسط");
  assert.equal(st.headline, "ما المنتظر من مؤتمر سيدر لدعم لبنان؟");
  assert.equal(st.byline, "وسيم الأحمر");
  st = structure(`سياسة\nوفد إلى موسكو\n${P1}\n`);
  assert.equal(st.section, "سياسة");
  assert.equal(st.headline, "وفد إلى موسكو");
  assert.equal(st.byline, undefined);
});

test("a lead dateline opening the first paragraph: place and agency", () => {
  const cnn = "دبي، الإمارات العربية المتحدة (CNN)— أعلنت وزارة الداخلية السعودية، مساء الخميس، مقتل ثلاثة رجال أمن.";
  let st = structure(`${cnn}\n${P2}\n`);
  assert.equal(st.dateline, "دبي، الإمارات العربية المتحدة");
  assert.equal(st.byline, "CNN");
  assert.equal(st.paragraphs[0]!.text, cnn, "the paragraph keeps its lead");
  st = structure(`وفد إلى موسكو\n\nدمشق - سانا: أعلنت وزارة الخارجية أن وفداً سيزور موسكو.\n`);
  assert.equal(st.dateline, "دمشق");
  assert.equal(st.byline, "سانا");
});

test("chrome: breadcrumb, date line, related links, share row, copyright, hashtags, dividers", () => {
  const text = [
    "الرئيسية » أخبار » سياسة",
    "وفد سوري إلى موسكو الأسبوع المقبل",
    "نشر في: 31 يناير 2019 - 10:30",
    P1,
    "اقرأ أيضاً:",
    "أسعار النفط ترتفع مع تراجع المخزونات",
    "الأمم المتحدة تدعو إلى هدنة",
    P2,
    "----------------------",
    "شارك",
    "فيسبوك تويتر واتساب",
    "#سوريا #روسيا",
    "© 2019 جميع الحقوق محفوظة",
  ].join("\n");
  const st = structure(text);
  assertSpans(text, st);
  assert.equal(st.headline, "وفد سوري إلى موسكو الأسبوع المقبل");
  assert.equal(st.dateline, "نشر في: 31 يناير 2019 - 10:30");
  assert.deepEqual(texts(st.paragraphs), [P1, P2]);
  assert.deepEqual(texts(st.boilerplate), ["الرئيسية » أخبار » سياسة", "اقرأ أيضاً:", "أسعار النفط ترتفع مع تراجع المخزونات", "الأمم المتحدة تدعو إلى هدنة", "----------------------", "شارك", "فيسبوك تويتر واتساب", "#سوريا #روسيا", "© 2019 جميع الحقوق محفوظة"]);
});

test("chrome written in presentation forms or with other hamza and diacritics is still chrome", () => {
  const st = structure(`وفد سوري إلى موسكو\n\n${P1}\nﺯﺭ ﺍﻟﺬﻫﺎﺏ ﺇﻟﻰ ﺍﻷﻋﻠﻰ\nإقرأ ايضاً\n`);
  assert.deepEqual(texts(st.boilerplate), ["ﺯﺭ ﺍﻟﺬﻫﺎﺏ ﺇﻟﻰ ﺍﻷﻋﻠﻰ", "إقرأ ايضاً"]);
  assert.deepEqual(texts(st.paragraphs), [P1]);
});

test("negative cases: article lines that look like chrome, bylines or dates are body", () => {
  const lines = [
    "اقرأ حتى تفهم ما الذي تحذفه وما يعنيه ذلك، ثم اضغط على رابط الحذف في أسفل الصفحة.",
    "• هاتف نوكيا 8 سيروكو • هاتف نوكيا 7 بلاس • هاتف نوكيا 6 الجديد",
    "وشارك في الاجتماع وزراء خارجية عشر دول عربية وأوروبية.",
    "معتز التلا - ممثل سوري",
  ];
  const text = `وفد سوري إلى موسكو\n\n${P1}\n${lines.join("\n")}\n${P2}\n`;
  const st = structure(text);
  assert.deepEqual(texts(st.paragraphs), [P1, ...lines, P2]);
  assert.deepEqual(st.boilerplate, []);
  assert.equal(st.byline, undefined);
  // A headline that mentions a date is a headline, not a dateline.
  const h = structure(`ترامب يزور الصين في 5 نوفمبر المقبل\n\n${P1}\n`);
  assert.equal(h.headline, "ترامب يزور الصين في 5 نوفمبر المقبل");
  assert.equal(h.dateline, undefined);
});

test("a body with no header: no headline, every line a paragraph", () => {
  const st = structure(`${P1}\n${P2}\n`);
  assert.equal(st.headline, undefined);
  assert.equal(st.section, undefined);
  assert.deepEqual(texts(st.paragraphs), [P1, P2]);
});

test("what the source knows: a JSON Lines title is the headline, its author the byline, its outlet the publisher", () => {
  const doc = loadDocument({ text: `${P1}\n${P2}`, kind: "jsonl", meta: { title: "وفد سوري إلى موسكو", author: "القاهرة - أحمد الريدي", outlet: "العربية.نت", publisher: "العربية.نت" } });
  const st = annotateStructure(doc);
  assert.equal(st.headline, "وفد سوري إلى موسكو");
  assert.deepEqual(texts(st.headlineSpans!), ["وفد سوري إلى موسكو"]);
  assert.equal(st.byline, "القاهرة - أحمد الريدي");
  assert.equal(st.bylineSpan, undefined, "the byline is not in the text");
  assert.equal(st.dateline, "القاهرة");
  assert.equal(st.publisher, "العربية.نت");
  assert.deepEqual(texts(st.paragraphs), [P1, P2]);
});

test("hostile input: a 1 MB line and 20,000 short lines are handled in one pass", () => {
  const big = "كلمة ".repeat(200_000) + "\n" + "- ".repeat(100_000) + "\n" + "(" + "أ".repeat(100_000);
  const st = structure(big);
  assert.equal(st.paragraphs.length + st.boilerplate.length + (st.headlineSpans?.length ?? 0) >= 2, true);
  const many = Array.from({ length: 20_000 }, (_, i) => (i % 3 ? "شارك" : `سطر رقم ${i} من نص طويل جداً.`)).join("\n");
  const st2 = structure(many);
  assert.equal(st2.boilerplate.length + st2.paragraphs.length + (st2.headlineSpans?.length ?? 0), 20_000);
});

test("dateline places: real towns whose names are also words, not the city list's mistranslations", () => {
  const parser = new BylineParser();
  // Yemen's Ibb, Iraq's Hillah, Iran's Qom and Mashhad, Turkey's Bursa: also "father", "suit", "stand
  // up", "scene", "stock exchange", but the knowledge base's lists name them as places.
  for (const place of ["إب", "الحلة", "قم", "مشهد", "بورصة", "جدة", "دمشق", "دبي، الإمارات العربية المتحدة"]) assert.ok(parser.isPlace(place), place);
  // The city list gives Caen as "كان" (was), Male as "ذكر" (mentioned), Dutse as "جبل" (mountain),
  // and first names for George Town and Vladimir: none of them opens a dateline.
  for (const word of ["كان", "ذكر", "جبل", "جورج", "فلاديمير", "معرفة", "نادي بارنسلي"]) assert.ok(!parser.isPlace(word), word);
  const st = structure(`كان - أعلنت وزارة الخارجية أن وفداً سيزور موسكو.\n${P2}\n`);
  assert.equal(st.dateline, undefined);
});
