/**
 * The search page: a query box in the archive's query language, facets that add filters to the
 * query, results with highlighted snippets, a date histogram, and paging. The URL holds the state.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type SearchResult, type StoreStats } from "../api";
import { useLoad } from "../useLoad";
import { articleHref, entityHref, Link, navigate } from "../router";
import { usePrefs } from "../prefs";
import { formatCount, shapeDigits } from "../digits";
import { BarChart } from "../components/BarChart";
import { Snippet } from "../components/Snippet";
import { TYPE_LABEL } from "../labels";

const PAGE = 20;

/** A filter term for the query language: quoted when the value has spaces or quotes. */
export function filterTerm(field: string, value: string): string {
  return /[\s"]/.test(value) ? `${field}:"${value.replace(/"/g, "")}"` : `${field}:${value}`;
}

function withFilter(q: string, term: string): string {
  return q.includes(term) ? q : `${q.trim()} ${term}`.trim();
}

function href(q: string, sort: string, offset: number): string {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  if (sort !== "relevance") p.set("sort", sort);
  if (offset) p.set("offset", String(offset));
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

export function SearchPage(props: { params: URLSearchParams }) {
  const q = props.params.get("q") ?? "";
  const sort = props.params.get("sort") === "date" ? "date" : "relevance";
  const offset = Math.max(0, Number(props.params.get("offset")) || 0);
  const prefs = usePrefs();
  const [draft, setDraft] = useState(q);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(q), [q]);
  useEffect(() => {
    document.title = q ? `${q} — رصد` : "رصد — البحث في الأرشيف";
  }, [q]);

  const result = useLoad<SearchResult>(q ? `${q}\u0000${sort}\u0000${offset}` : null, (signal) => api.search(q, { sort, offset, limit: PAGE }, signal));
  const stats = useLoad<StoreStats>(q ? null : "stats", (signal) => api.stats(signal));

  const go = (nq: string, nsort = sort, noff = 0) => navigate(href(nq, nsort, noff));

  return (
    <div class="search-page">
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(draft.trim());
        }}
      >
        <label for="q" class="visually-hidden">
          ابحث في الأرشيف
        </label>
        <input
          id="q"
          ref={box}
          type="search"
          name="q"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          placeholder='مثلاً: ترامب سورية، "التحالف الدولي"، outlet:"BBC Arabic"'
          autoComplete="off"
          maxLength={1000}
        />
        <label for="sort" class="visually-hidden">
          الترتيب
        </label>
        <select id="sort" value={sort} onChange={(e) => go(q, (e.currentTarget as HTMLSelectElement).value)}>
          <option value="relevance">الأكثر صلة</option>
          <option value="date">الأحدث</option>
        </select>
        <button type="submit">بحث</button>
      </form>
      <details class="query-help">
        <summary>لغة الاستعلام</summary>
        <ul dir="auto">
          <li>كلمات: <code>ترامب سورية</code> — كل الكلمات، بأي سابقة (وترامب، لترامب)</li>
          <li>عبارة: <code>"التحالف الدولي"</code>، استبعاد: <code>-داعش</code></li>
          <li>
            مرشحات: <code dir="ltr">entity:ترامب</code> <code dir="ltr">type:PER</code> <code dir="ltr">speaker:بومبيو</code> <code dir="ltr">outlet:"BBC Arabic"</code>{" "}
            <code dir="ltr">section:sport</code> <code dir="ltr">date:2018-03..2018-05</code> <code dir="ltr">event:2019-01</code>
          </li>
        </ul>
      </details>

      {!q && stats.state === "done" ? (
        <section class="stats" aria-label="محتوى الأرشيف">
          <p>
            في الأرشيف {formatCount(stats.value.articles, prefs.digits)} مقالاً، و{formatCount(stats.value.entities, prefs.digits)} كياناً، و
            {formatCount(stats.value.quotes, prefs.digits)} اقتباساً
            {stats.value.firstDate ? (
              <>
                {" "}
                من <bdi dir="ltr">{shapeDigits(stats.value.firstDate, prefs.digits)}</bdi> إلى <bdi dir="ltr">{shapeDigits(stats.value.lastDate ?? "", prefs.digits)}</bdi>
              </>
            ) : null}
            .
          </p>
          <ul class="chips">
            {stats.value.outlets.map((o) => (
              <li>
                <Link class="chip" href={href(filterTerm("outlet", o.value), "date", 0)}>
                  {o.value} <small>{formatCount(o.count, prefs.digits)}</small>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!q && stats.state === "error" ? <p class="error" role="alert">{stats.message}</p> : null}

      {q && result.state === "loading" ? <p class="muted" aria-live="polite">جارٍ البحث…</p> : null}
      {q && result.state === "error" ? <p class="error" role="alert">{result.message}</p> : null}
      {q && result.state === "done" ? (
        <div class="results-layout">
          <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" aria-live="polite">
              {formatCount(result.value.total, prefs.digits)} نتيجة
            </h2>
            {result.value.warnings?.length ? <p class="muted">{result.value.warnings.join(" · ")}</p> : null}
            <ol class="hits">
              {result.value.hits.map((h) => (
                <li class="hit">
                  <h3>
                    <Link href={articleHref(h.id)}>{h.headline || h.snippets[0]?.text.slice(0, 80) || h.id}</Link>
                  </h3>
                  <div class="hit-meta">
                    {h.outlet ? <span>{h.outlet}</span> : null}
                    {h.section ? <span>{h.section}</span> : null}
                    {h.dct ? <bdi dir="ltr">{shapeDigits(h.dct, prefs.digits)}</bdi> : null}
                    {h.duplicateOf ? <span class="badge">نسخة مكررة</span> : null}
                  </div>
                  {h.snippets.slice(0, 2).map((s) => (
                    <Snippet snippet={s} />
                  ))}
                </li>
              ))}
            </ol>
            <nav class="pager" aria-label="الصفحات">
              {offset > 0 ? <Link href={href(q, sort, Math.max(0, offset - PAGE))}>السابق</Link> : null}
              {offset + PAGE < result.value.total ? <Link href={href(q, sort, offset + PAGE)}>التالي</Link> : null}
            </nav>
          </section>
          {result.value.facets ? (
            <aside class="facets" aria-label="المرشحات">
              <section>
                <h2>التوزيع الزمني</h2>
                <BarChart buckets={result.value.facets.dates} label="المقالات حسب التاريخ" digits={prefs.digits} onPick={(d) => go(withFilter(q, `date:${d}`))} />
              </section>
              <FacetList title="المنافذ" items={result.value.facets.outlets} digits={prefs.digits} pick={(v) => go(withFilter(q, filterTerm("outlet", v)))} />
              <FacetList title="الأقسام" items={result.value.facets.sections} digits={prefs.digits} pick={(v) => go(withFilter(q, filterTerm("section", v)))} />
              <section>
                <h2>الكيانات</h2>
                <ul class="facet-list">
                  {result.value.facets.entities.map((e) => (
                    <li>
                      <button type="button" class="link-button" onClick={() => go(withFilter(q, filterTerm("entity", e.id)))} aria-label={`تصفية حسب ${e.name}`}>
                        <span class={`dot ent-${e.type}`} aria-hidden="true" />
                        {e.name}
                      </button>{" "}
                      <small>
                        {TYPE_LABEL[e.type]} · {formatCount(e.count, prefs.digits)}
                      </small>{" "}
                      <Link href={entityHref(e.id)} aria-label={`صفحة ${e.name}`}>
                        ↖
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            </aside>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function FacetList(props: { title: string; items: Array<{ value: string; count: number }>; digits: "latn" | "arab"; pick: (v: string) => void }) {
  if (!props.items.length) return null;
  return (
    <section>
      <h2>{props.title}</h2>
      <ul class="facet-list">
        {props.items.map((o) => (
          <li>
            <button type="button" class="link-button" onClick={() => props.pick(o.value)}>
              {o.value}
            </button>{" "}
            <small>{formatCount(o.count, props.digits)}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
