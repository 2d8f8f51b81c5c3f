/** An entity across the archive: its names, mentions over time, quotes, co-mentioned entities, outlets. */
import { useEffect } from "preact/hooks";
import { api, type EntityProfile } from "../api";
import { useLoad } from "../useLoad";
import { articleHref, entityHref, Link, navigate, searchHref } from "../router";
import { usePrefs } from "../prefs";
import { formatCount, shapeDigits } from "../digits";
import { BarChart } from "../components/BarChart";
import { QUOTE_KIND_LABEL, TYPE_LABEL } from "../labels";
import { filterTerm } from "./SearchPage";

export function EntityPage(props: { entityKey: string }) {
  const prefs = usePrefs();
  const res = useLoad<EntityProfile>(props.entityKey, (signal) => api.entity(props.entityKey, signal));
  useEffect(() => {
    if (res.state === "done") document.title = `${res.value.name} — رصد`;
  }, [res]);
  if (res.state === "loading") return <p class="muted" aria-live="polite">جارٍ التحميل…</p>;
  if (res.state === "error") return <p class="error" role="alert">{res.status === 404 ? "لا يوجد كيان بهذا المفتاح في الأرشيف." : res.message}</p>;
  const e = res.value;
  const q = filterTerm("entity", e.id);
  return (
    <div class="entity-page">
      <header class="entity-head">
        <h1>
          <span class={`dot ent-${e.type}`} aria-hidden="true" /> {e.name}
        </h1>
        {e.en ? (
          <p class="en" dir="ltr" lang="en">
            {e.en}
          </p>
        ) : null}
        <p class="muted">
          {TYPE_LABEL[e.type] ?? e.type} · {formatCount(e.articles, prefs.digits)} مقالاً · {formatCount(e.mentions, prefs.digits)} ذكراً ·{" "}
          <Link href={searchHref(q)}>المقالات</Link>
        </p>
        {e.names.length > 1 ? <p>أسماء أخرى: {e.names.filter((n) => n !== e.name).join("، ")}</p> : null}
      </header>
      <section aria-labelledby="ent-time">
        <h2 id="ent-time">الذكر عبر الزمن</h2>
        <BarChart buckets={e.timeline} label="عدد المقالات" digits={prefs.digits} onPick={(d) => navigate(searchHref(`${q} date:${d}`))} />
      </section>
      <div class="entity-cols">
        <section aria-labelledby="ent-quotes">
          <h2 id="ent-quotes">اقتباسات</h2>
          {e.quotes.length === 0 ? <p class="muted">لا اقتباسات منسوبة.</p> : null}
          <ul class="quotes">
            {e.quotes.map((qu) => (
              <li>
                <blockquote>{qu.text}</blockquote>
                <small>
                  {QUOTE_KIND_LABEL[qu.kind] ?? qu.kind}
                  {qu.dct ? (
                    <>
                      {" · "}
                      <bdi dir="ltr">{shapeDigits(qu.dct, prefs.digits)}</bdi>
                    </>
                  ) : null}{" "}
                  · <Link href={articleHref(qu.article)}>المقال</Link>
                </small>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="ent-co">
          <h2 id="ent-co">يُذكر معه</h2>
          <ul class="chips">
            {e.coMentioned.map((c) => (
              <li>
                <Link class={`chip ent-${c.type}`} href={entityHref(c.id)}>
                  {c.name} <small>{formatCount(c.articles, prefs.digits)}</small>
                </Link>
              </li>
            ))}
          </ul>
          <h2>المنافذ</h2>
          <ul class="facet-list">
            {e.outlets.map((o) => (
              <li>
                <Link href={searchHref(`${q} ${filterTerm("outlet", o.value)}`)}>{o.value}</Link> <small>{formatCount(o.count, prefs.digits)}</small>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
