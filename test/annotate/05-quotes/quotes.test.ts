import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { quotesAnnotator } from "../../../src/annotate/05-quotes/index.js";
import { sharedPath } from "../../../src/resources.js";
import type { Document, Entity, Quote } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const run = (text: string, entities: Entity[] = []): Quote[] => quotesAnnotator.run(doc(text), { entities });
const brief = (qs: Quote[]) => qs.map((q) => [q.kind, q.text, q.speaker?.text ?? null]);

test("quotes: direct quotes after a cue's colon, with the marks left out of the span", () => {
  const text = "وقال الرئيس: «لن نسمح بذلك أبداً».";
  const got = run(text);
  assert.deepEqual(brief(got), [["direct", "لن نسمح بذلك أبداً", "الرئيس"]]);
  for (const q of got) assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(got[0]!.cue!.text, "وقال");
});

test("quotes: a quote that opens after the colon without a mark and closes with »", () => {
  const got = run("وكتب ترامب في تغريدة على حسابه في «تويتر»: عندما أصبحت رئيساً كان الوضع سيئاً. القضاء على دولة الخلافة وشيك».");
  assert.deepEqual(brief(got), [["direct", "عندما أصبحت رئيساً كان الوضع سيئاً. القضاء على دولة الخلافة وشيك", "ترامب"]]);
});

test("quotes: indirect speech in any person and tense, with clitics and a preposition before أن", () => {
  const cases: Array<[string, string, string]> = [
    ["وأكدت الوزارة أن الهجوم لن يمر دون رد.", "الهجوم لن يمر دون رد", "الوزارة"],
    ["ويقول الخبراء إن الأسعار سترتفع هذا العام.", "الأسعار سترتفع هذا العام", "الخبراء"],
    ["وأشار الوزير إلى أن المفاوضات ستستأنف قريباً.", "المفاوضات ستستأنف قريباً", "الوزير"],
    ["وشدد وزير الخارجية الأميركي، مايك بومبيو، يوم 10 كانون الثاني، على أن الانسحاب لا يعني التخلي عن الحلفاء.", "الانسحاب لا يعني التخلي عن الحلفاء", "مايك بومبيو"],
    ["وحذر المرصد من أن القتال سيتسع.", "القتال سيتسع", "المرصد"],
  ];
  for (const [text, quote, speaker] of cases) assert.deepEqual(brief(run(text)), [["indirect", quote, speaker]], text);
});

test("quotes: a participle continues the speaker; a quote ends before the next cue", () => {
  const got = run("وقال الوزير إن الوضع مستقر، مضيفاً أن القوات ستبقى في مواقعها.");
  assert.deepEqual(brief(got), [["indirect", "الوضع مستقر", "الوزير"], ["indirect", "القوات ستبقى في مواقعها", "الوزير"]]);
});

test("quotes: نقلت وكالة … عن مصدر … قوله إن: the source speaks, the agency relays", () => {
  const got = run("ونقلت وكالة رويترز عن مصدر دبلوماسي قوله إن المحادثات تعثرت.");
  assert.equal(got.length, 1);
  assert.equal(got[0]!.text, "المحادثات تعثرت");
  assert.equal(got[0]!.speaker!.text, "مصدر دبلوماسي");
  assert.equal(got[0]!.channel!.text, "وكالة رويترز");
});

test("quotes: 'البيان' speaks for the body that issued it; 'وقال:' takes the sentence's subject", () => {
  const got = run("وجاء في بيان الخارجية الأميركية: «الولايات المتحدة ملتزمة بأمن المنطقة». وتابع البيان: «سنواصل العمل مع الشركاء».\nواستقال الموفد الأميركي، بريت مكغورك، في كانون الأول احتجاجاً، وقال: «لا خطة لما سوف يلي».");
  assert.deepEqual(got.map((q) => q.speaker?.text), ["الخارجية الأميركية", "الخارجية الأميركية", "بريت مكغورك"]);
});

test("quotes: scare quotes and names are not speech; a quoted phrase inside indirect speech is partial", () => {
  assert.deepEqual(run("اجتماع لوزراء خارجية «التحالف الدولي» ضد تنظيم «داعش» في واشنطن."), []);
  assert.deepEqual(run("تخلي واشنطن عما سماه «جهودها في محاربة داعش» في سورية."), []);
  const got = run("وقال المتحدث إن الحكومة تحاول «علمنة الدين وقطع جذوره» في البلاد.");
  assert.deepEqual(brief(got), [["indirect", "الحكومة تحاول «علمنة الدين وقطع جذوره» في البلاد", "المتحدث"], ["partial", "علمنة الدين وقطع جذوره", "المتحدث"]]);
});

test("quotes: the speaker is linked to the entity whose mention it overlaps", () => {
  const text = "وقال ترامب إن الحرب انتهت.";
  const e: Entity = { id: "e1", type: "PER", name: "دونالد ترامب", mentions: [{ start: 5, end: 10, text: "ترامب" }] };
  const got = run(text, [e]);
  assert.equal(got[0]!.speaker!.entity, "e1");
});

test("quotes: a date between commas after the subject is no apposition", () => {
  const text = "أعلنت الشرطة الباكستانية، الأحد، أنها قتلت ستة مسلحين في مدينة لاهور.";
  const at = text.indexOf("الأحد");
  const got = quotesAnnotator.run(doc(text), { entities: [], times: [{ start: at, end: at + 5, text: "الأحد", type: "DATE", value: "2018-05-27" }] });
  assert.deepEqual(brief(got), [["indirect", "قتلت ستة مسلحين في مدينة لاهور", "الشرطة الباكستانية"]]);
});

test("quotes: a subject before its verb past a relative clause; the last speaker after a topic phrase", () => {
  assert.deepEqual(brief(run("وقال الجندي إنه سيطلق النار، لكن العسكري الذي كان بجواره قال إنه لن يصيبه.")), [
    ["indirect", "سيطلق النار", "الجندي"],
    ["indirect", "لن يصيبه", "العسكري"],
  ]);
  const e: Entity = { id: "e1", type: "PER", name: "آل اسحاق", mentions: [{ start: 6, end: 14, text: "آل اسحاق" }] };
  const got = run("وأوضح آل اسحاق إن الدولار لن يستخدم. وحول التبادل بين ايران والعراق، قال إن التعامل بالدولار ألغي.", [e]);
  assert.deepEqual(brief(got).map((q) => q[2]), ["آل اسحاق", "آل اسحاق"]);
});

test("quotes: إمام is a speaker, أمام an adjunct; a name quoted after لـ is no quote", () => {
  assert.deepEqual(brief(run("وقال إمام المنطقة إن السكان لن يغادروا.")), [["indirect", "السكان لن يغادروا", "إمام المنطقة"]]);
  assert.deepEqual(brief(run('وأفادت مصادر محلية لـ"سكاي نيوز عربية" بأن الاشتباكات تجددت في المدينة.')), [["indirect", "الاشتباكات تجددت في المدينة", "مصادر محلية"]]);
});

test("quotes: 'كما' before a verb with an object is 'also', not an attribution; اتهم … بأن reports speech", () => {
  const text = 'اتهم رئيس السلطة الفلسطينية محمود عباس، الأربعاء، حركة "حماس" بأنها لا تريد المصالحة، كما أكد رفضه لما يوصف بصفقة القرن لتحقيق السلام في المنطقة.';
  const at = text.indexOf("محمود عباس");
  const e: Entity = { id: "e1", type: "PER", name: "محمود عباس", mentions: [{ start: at, end: at + 10, text: "محمود عباس" }] };
  assert.deepEqual(brief(run(text, [e])), [["indirect", "لا تريد المصالحة", "محمود عباس"]]);
});

test("quotes: editorial formulas are nobody's speech", () => {
  assert.deepEqual(run("يذكر أن الحكومة كانت قد رفعت الأسعار."), []);
});

test("quotes: 10,000 unmatched « and a 1 MB line of reporting verbs are read through (timed in npm run bench)", () => {
  const marks = "« ".repeat(10000) + "وقال: «لا خطة»";
  assert.deepEqual(brief(run(marks)).at(-1), ["direct", "لا خطة", null]);
  const line = "وقال إن وأكد أن وأضاف: مشيراً إلى أن نقلت وكالة عن مصدر قوله إن ".repeat(16000);
  assert.ok(line.length > 1_000_000);
  const got = run(line);
  assert.ok(got.length > 1000);
});

const SEED = sharedPath("seed/article.txt");
test("quotes: the seed article's quotes", { skip: existsSync(SEED) ? false : "needs ../shared" }, () => {
  const got = run(readFileSync(SEED, "utf8"));
  const starts = got.map((q) => q.text.slice(0, 18));
  for (const s of ["عندما أصبحت رئيساً", "الولايات المتحدة مص", "بعد هزيمة تنظيم داعش", "لا خطة لما سوف يلي", "الانسحاب من سورية لا", "داعش سيمثل تهديداً"]) {
    assert.ok(starts.some((x) => s.startsWith(x.slice(0, 12)) || x.startsWith(s.slice(0, 12))), s);
  }
  assert.ok(!got.some((q) => ["التحالف الدولي", "دولة الخلافة", "تويتر", "التحالف"].includes(q.text)));
});
