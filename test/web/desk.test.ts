/**
 * The desk in a real browser (Debian's chromium through playwright-core) over the demo archive:
 * search, the RTL reading view with its layers and tooltips, script payloads shown as text, the
 * analyse page, keyboard access, and screenshots at 1280 and 360 px kept in test-artifacts/.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, ROOT, skipBrowser, startDesk, type DeskServer } from "./deskServer.js";

let desk: DeskServer;
const opts = { skip: skipBrowser, timeout: 60_000 };

before(async () => {
  if (!skipBrowser) desk = await startDesk();
});
after(async () => {
  if (desk) await desk.close();
});

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await desk.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(desk.url + path);
  await page.waitForSelector("#app[data-ready]");
  return { page, errors };
}

const tipText = (page: Page) => page.locator("#rasd-tip").innerText();

test("search «ترامب» finds the seed; its link opens the article page", opts, async () => {
  const { page, errors } = await open("/");
  await page.getByLabel("ابحث في الأرشيف").fill("ترامب");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?q=/);
  await page.locator(".hit").first().waitFor();
  assert.ok((await page.locator(".hit mark").count()) > 0, "snippets carry highlights");
  assert.ok((await page.locator(".chart rect").count()) > 0, "a date histogram");
  // The seed is among the hits: on the first page or, ranking aside, a later one.
  const link = page.locator(".hit h3 a", { hasText: "اجتماع لوزراء خارجية" });
  for (let i = 0; i < 5 && (await link.count()) === 0; i++) {
    const next = page.locator(".pager a", { hasText: "التالي" });
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForURL(new RegExp(`offset=${(i + 1) * 20}`));
    await page.locator(".hit").first().waitFor();
  }
  await link.waitFor({ timeout: 5000 });
  await link.click();
  await page.waitForURL(new RegExp(`/article/${desk.seed.id}$`));
  await page.locator("article.reading .headline").waitFor();
  assert.match(await page.locator("article.reading .headline").innerText(), /دولة الخلافة/);
  assert.equal(await page.locator("article.reading").getAttribute("dir"), "rtl");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the seed: Donald Trump is a person, with his English name on hover", opts, async () => {
  const { page } = await open(`/article/${desk.seed.id}`);
  const trump = page.locator("article.reading .ent-PER", { hasText: "ترامب" }).first();
  await trump.waitFor({ timeout: 5000 });
  assert.equal(await trump.getAttribute("data-type"), "PER");
  await trump.hover();
  const tip = await tipText(page);
  assert.match(tip, /Donald Trump/);
  assert.match(tip, /شخص/);
  assert.match(await trump.getAttribute("href") ?? "", /^\/entity\//);
  await page.close();
});

test("entity page: following Trump from the article shows his names, mentions over time, outlets", opts, async () => {
  const { page, errors } = await open(`/article/${desk.seed.id}`);
  const trump = page.locator("article.reading .ent-PER", { hasText: "ترامب" }).first();
  await trump.waitFor({ timeout: 5000 });
  await trump.click();
  await page.waitForURL(/\/entity\//);
  await page.locator(".entity-head h1").waitFor();
  assert.match(await page.locator(".entity-head h1").innerText(), /ترامب/);
  assert.match(await page.locator(".entity-head .en").innerText(), /Donald Trump/);
  assert.ok((await page.locator(".chart rect").count()) > 0, "a chart of mentions over time");
  assert.ok((await page.locator(".facet-list li").count()) > 0, "the outlets that mention him");
  assert.deepEqual(errors, []);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "entity-1280.png") });
  await page.close();
});

test("the seed: «أمس الأول» is underlined as a time resolving to 2019-01-29, with what was inferred", opts, async () => {
  const { page } = await open(`/article/${desk.seed.id}`);
  const t = page.locator("article.reading .time", { hasText: "أمس الأول" }).first();
  await t.waitFor({ timeout: 5000 });
  assert.equal(await t.getAttribute("data-value"), "2019-01-29");
  await t.hover();
  const tip = await tipText(page);
  assert.match(tip, /2019-01-29/);
  const time = desk.seed.times.find((x) => x.text.includes("أمس الأول"))!;
  if (time.implied?.length) assert.match(tip, /مستنتج من تاريخ النشر/);
  // Keyboard: the same tooltip on focus.
  await page.mouse.move(0, 0);
  await t.focus();
  assert.match(await tipText(page), /2019-01-29/);
  await page.close();
});

test("layers switch on and off; digits follow the reader's choice, the article text never changes", opts, async () => {
  const { page } = await open(`/article/${desk.seed.id}`);
  await page.locator("article.reading .body p").first().waitFor();
  const bodyText = await page.locator("article.reading .body").innerText();
  const times = await page.locator("article.reading .time").count();
  assert.ok(times > 0, "the seed has times");
  await page.getByLabel("الأزمنة").uncheck();
  assert.equal(await page.locator("article.reading .time").count(), 0);
  assert.equal(await page.locator("article.reading .body").innerText(), bodyText, "switching a layer keeps the text");
  await page.getByLabel("الأزمنة").check();
  assert.equal(await page.locator("article.reading .time").count(), times);
  if (desk.seed.quotes.some((q) => q.speaker)) assert.ok((await page.locator("article.reading .quote[data-speaker]").count()) > 0, "quotes carry a speaker badge");

  assert.match(await page.locator(".reading-meta .dct").innerText(), /2019-01-31/);
  await page.getByLabel("الأرقام").selectOption("arab");
  assert.match(await page.locator(".reading-meta .dct").innerText(), /٢٠١٩-٠١-٣١/);
  assert.equal(await page.locator("article.reading .body").innerText(), bodyText, "the article's own digits are untouched");
  await page.getByLabel("الأرقام").selectOption("latn");
  await page.close();
});

test("script and onerror payloads in an article are shown as text and run nothing", opts, async () => {
  const { page, errors } = await open(`/article/${desk.xss.id}`);
  const body = page.locator("article.reading .body");
  await body.waitFor();
  const text = await body.innerText();
  assert.match(text, /<script>window\.__xss = "script";document\.title = "pwned"<\/script>/);
  assert.match(text, /<img src=x onerror="window\.__xss = 'img'">/);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
  assert.notEqual(await page.title(), "pwned");
  assert.equal(await page.locator("article.reading script, article.reading img").count(), 0);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

test("analyse page: pasted text and a dropped HTML page are read at once; the page's HTML is sanitised", opts, async () => {
  const { page, errors } = await open("/analyze");
  const seed = readFileSync(join(ROOT, "samples", "seed", "article.txt"), "utf8");
  await page.getByLabel("نص المقال").fill(seed);
  await page.getByLabel("تاريخ النشر (اختياري)").fill("2019-01-31");
  await page.getByRole("button", { name: "حلّل" }).click();
  await page.locator("article.reading .headline").waitFor();
  assert.match(await page.locator("article.reading .headline").innerText(), /دولة الخلافة/);
  assert.ok((await page.locator("article.reading .time").count()) > 0);

  const html = `<!doctype html><html lang="ar"><head><title>خبر</title><script>window.__xss="head"</script></head><body><article><h1>بومبيو يستضيف اجتماع التحالف</h1>
<p>أعلنت الخارجية الأميركية أن وزير الخارجية مايك بومبيو سيستضيف اجتماعاً للتحالف الدولي في واشنطن الأسبوع المقبل.</p>
<p>وقال بومبيو إن الولايات المتحدة ملتزمة القضاء على فلول التنظيم. <img src="x" onerror="window.__xss='img'"><a href="javascript:window.__xss='a'">رابط</a></p></article></body></html>`;
  await page.locator("#article-file").setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.locator("article.reading .body", { hasText: "ملتزمة القضاء" }).waitFor();
  await page.locator("details.original summary").click();
  const original = page.locator(".original-html");
  await original.waitFor();
  assert.match(await original.innerText(), /ملتزمة القضاء/);
  assert.equal(await original.locator("script").count(), 0);
  assert.equal(await original.locator("[onerror]").count(), 0);
  assert.equal(await original.locator('a[href^="javascript"]').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
  // Chromium reports the page's inline handlers as CSP violations when DOMPurify parses the page
  // (in an inert document): the CSP refusing them is expected; anything else is not.
  assert.deepEqual(errors.filter((e) => !/violates the following Content Security Policy directive 'script-src 'self''/.test(e)), []);
  await page.close();
});

test("keyboard and names: every control has an accessible name; Tab reaches the annotations", opts, async () => {
  const { page } = await open(`/article/${desk.seed.id}`);
  await page.locator("article.reading .body p").first().waitFor();
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button, a[href]")]
      .filter((el) => {
        const e = el as HTMLInputElement;
        const label = e.labels?.length ? [...e.labels].map((l) => l.textContent).join("") : "";
        return !(label.trim() || e.getAttribute("aria-label") || e.textContent?.trim() || e.getAttribute("title"));
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => !!document.activeElement?.closest("article.reading [data-layer]"));
  }
  assert.ok(reached, "Tab reaches an annotation in the text");
  assert.ok(!(await page.locator("#rasd-tip").isHidden()), "focus shows its tooltip");
  await page.close();
});

test("screenshots of the seed's article page at 1280 px and 360 px; no sideways scrolling on a phone", opts, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [1280, 360]) {
    const { page } = await open(`/article/${desk.seed.id}`, width);
    await page.locator("article.reading .body p").first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("article.reading .body")!).fontFamily.includes("Noto Naskh Arabic")), true);
    assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', "ترامب")), "the shipped font is loaded");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at ${width}px`);
    await page.screenshot({ path: join(ARTIFACTS, `article-${width}.png`), fullPage: width === 360 ? false : false });
    await page.close();
  }
});
