/**
 * Speakers and cues on sentences from the news (the blind4, passages and heldout quote sets):
 * each test pins one general behaviour, not one passage.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { quotesAnnotator } from "../../../src/annotate/05-quotes/index.js";
import type { Document, Entity, Quote } from "../../../src/types.js";

const doc = (text: string): Document => ({ id: "t", text, source: { kind: "text", encoding: "utf-8" }, meta: {}, dct: { value: null, origin: "none" }, warnings: [] });
const run = (text: string, entities: Entity[] = []): Quote[] => quotesAnnotator.run(doc(text), { entities });
const brief = (qs: Quote[]) => qs.map((q) => [q.kind, q.text, q.speaker?.text ?? null]);
/** An entity with one mention at the first occurrence of `name` in `text`. */
const ent = (text: string, name: string, type: Entity["type"], id = name): Entity => {
  const start = text.indexOf(name);
  assert.ok(start >= 0, name);
  return { id, type, name, mentions: [{ start, end: start + name.length, text: name }] };
};

test("speakers: words between commas after a complementizer are not an apposition", () => {
  const text = "أعلنت المحكمة العليا في السعودية، أن الأحد، سيكون غرة شهر ذي الحجة، وأشارت إلى أن الوقوف بعرفة سيكون الإثنين على أن يكون الثلاثاء هو أول أيام عيد الأضحى";
  const got = run(text, [ent(text, "السعودية", "LOC")]);
  assert.equal(got.length, 2);
  for (const q of got) assert.equal(q.speaker?.text, "المحكمة العليا");
});

test("speakers: a reporting verb inside a relative clause is not the cue", () => {
  const text = 'وقال ظريف في المقابلة التي نشرت الاثنين إنه "من أجل إبقاء الولايات المتحدة داخل الاتفاق حول النووي الإيراني، فإن الدول الأوروبية تبدي تطرفا".';
  const got = run(text, [ent(text, "ظريف", "PER")]);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.kind, "direct");
  assert.equal(got[0]!.cue?.text, "وقال");
  assert.equal(got[0]!.speaker?.text, "ظريف");
});

test("speakers: an apposition after a title with a prepositional tail names the person", () => {
  const text = "بدوره، قال الناطق الرسمي باسم تحالف دعم الشرعية في اليمن، العقيد تركي المالكي، خلال مؤتمر صحافي، إن تحرير مدينة الحديدة سيعود بفوائد كثيرة على اليمنيين.";
  const got = run(text, [ent(text, "اليمن", "LOC"), ent(text, "تركي المالكي", "PER")]);
  assert.deepEqual(brief(got), [["indirect", "تحرير مدينة الحديدة سيعود بفوائد كثيرة على اليمنيين", "تركي المالكي"]]);
});

test("speakers: a person's apposition may end at an adjunct (لمراسل …)", () => {
  const text = "وأكد الناطق باسم محكمة الاستئناف بالمنستير، فريد بن جحا لمراسل الجوهرة أف أم في المنستير، أن المتهم قد حكم عليه في الطور الابتدائي.";
  const got = run(text, [ent(text, "بالمنستير", "LOC"), ent(text, "فريد بن جحا", "PER")]);
  assert.equal(got[0]!.speaker?.text, "فريد بن جحا");
});

test("quotes: a quoted name after an organisation word is not speech", () => {
  const text = 'قالت لجنة "القضاء على التمييز العنصري" لحقوق الإنسان في الأمم المتحدة الجمعة إنها تلقت تقارير كثيرة موثوق بها عن احتجاز نحو مليون فرد.';
  const got = run(text, [ent(text, "الأمم المتحدة", "ORG")]);
  assert.deepEqual(got.map((q) => [q.kind, q.text]), [["indirect", "تلقت تقارير كثيرة موثوق بها عن احتجاز نحو مليون فرد"]]);
  assert.ok(got[0]!.speaker?.text.startsWith("لجنة"));
});

test("quotes: 'وأضاف في تصريحات لإحدى الصحف \"…\"' is a direct quote, not a governed phrase", () => {
  const text = 'وقال مانشيني إنه ضحية لحملة إعلامية استهدفته. وأضاف في تصريحات لاحدى الصحف "لو كنت عنصريا، كنت سأعلنها".';
  const got = run(text, [ent(text, "مانشيني", "PER")]);
  assert.deepEqual(brief(got), [["indirect", "ضحية لحملة إعلامية استهدفته", "مانشيني"], ["direct", "لو كنت عنصريا، كنت سأعلنها", "مانشيني"]]);
});

test("quotes: 'كما أقر به' attributes the last أن-clause before it; أقر before marks approves a text", () => {
  const text = 'ويستعد "أسود الأطلس" لمواجهة البرتغال في المباراة الثانية ضمن منافسات مجموعتهم المقررة الأربعاء المقبل، وأن الخسارة لا تزال مؤثرة فيهم، كما أقر به لاعب الوسط فيصل فجر لفرانس 24.';
  const got = run(text, [ent(text, "البرتغال", "LOC"), ent(text, "فيصل فجر", "PER")]);
  assert.deepEqual(brief(got), [["indirect", "الخسارة لا تزال مؤثرة فيهم", "فيصل فجر"]]);
  const approve = 'وأفادت المحكمة بأنها أقرت "خطة لنقل ملكية الشركة الى شركة إديك مع بدء التنفيذ" الأربعاء.';
  assert.ok(run(approve).every((q) => q.kind !== "direct"));
});

test("speakers: a person the tagger misses, announced by a title, speaks for the verbs with no subject", () => {
  const text = 'في هذه الحلقة تتحدث الأستاذة الجامعية التونسية آمال قرامي عن كتابها "النساء والإرهاب...دراسة جندرية". وترى أن أسباب انخراط نساء في التنظيمات المتشددة "معقدة ومركبة"، ويجب النظر إليها من زوايا متعددة. وتقول: "نحن إزاء فتيات يمارسن حق الاختيار ولسن بالضرورة تابعات أو خانعات للرجال".';
  const got = run(text).filter((q) => q.kind !== "partial");
  assert.equal(got.length, 2);
  for (const q of got) assert.equal(q.speaker?.text, "آمال قرامي");
});

test("speakers: an organisation addressed by a preposition is not the subject; a bare title is", () => {
  const text = 'جاء ذلك في تصريح أدلى به السفير السعودي لوكالة الأنباء الروسية، تاس، حيث قال: "فيما يتعلق بمنظومة S-400، فإن نقاشات مفصلة لا تزال مستمرة بين الجانبين".';
  const got = run(text, [ent(text, "تاس", "ORG")]);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.speaker?.text, "السفير السعودي");
});

test("quotes: the typo 'وقالي' is still قال", () => {
  const text = "وقالي الوزير إن المفاوضات ستستأنف قريبا.";
  assert.deepEqual(brief(run(text)), [["indirect", "المفاوضات ستستأنف قريبا", "الوزير"]]);
});

test("speakers: a first-person verb inside someone's words is still that speaker's", () => {
  const text = "وقال الدولي الألماني عن زميله: كيفن لاعب رائع. وفي بعض الأحيان لا ينظر حتى باتجاهي ويمرر الكرة. ولهذا أقول دائما إنه عندما تكون الكرة مع كيفن أتوقع حدوث شيء ما.";
  const got = run(text);
  const last = got.find((q) => q.cue?.text === "أقول");
  assert.ok(last);
  assert.equal(last.speaker?.text, "الدولي الألماني");
});

test("quotes: 'ليرد الرئيس بأنه \"…\"' reports the reply", () => {
  const text = 'وكانت المعارضة التركية قد طرحت سؤالا على أردوغان عبر وسائل الإعلام، عما إذا كان مستعدا للرحيل في حال طلب منه الشعب ذلك؟ ليرد الرئيس بأنه "سيفعل في حال قال الشعب تمام"، وهي بمعنى "كفى".';
  const got = run(text, [ent(text, "أردوغان", "PER")]);
  assert.deepEqual(brief(got), [["direct", "سيفعل في حال قال الشعب تمام", "الرئيس"]]);
});
