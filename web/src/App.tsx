/** The desk's frame: a header with navigation and the digit preference, and the page the URL names. */
import { Link, useRoute } from "./router";
import { setPrefs, usePrefs } from "./prefs";
import { SearchPage } from "./pages/SearchPage";
import { ArticlePage } from "./pages/ArticlePage";
import { EntityPage } from "./pages/EntityPage";
import { AnalyzePage } from "./pages/AnalyzePage";

export function App() {
  const route = useRoute();
  const prefs = usePrefs();
  return (
    <>
      <a class="skip-link" href="#main">
        تخطَّ إلى المحتوى
      </a>
      <header class="top">
        <Link href="/" class="brand" aria-label="رصد — الصفحة الرئيسية">
          رصد
        </Link>
        <nav aria-label="الأقسام">
          <Link href="/" aria-current={route.page === "search" ? "page" : undefined}>
            البحث
          </Link>
          <Link href="/analyze" aria-current={route.page === "analyze" ? "page" : undefined}>
            تحليل مقال
          </Link>
          <a href="/api/docs">واجهة البرمجة</a>
        </nav>
        <label class="digits-pref">
          الأرقام
          <select value={prefs.digits} onChange={(e) => setPrefs({ digits: (e.currentTarget as HTMLSelectElement).value === "arab" ? "arab" : "latn" })}>
            <option value="latn">0123</option>
            <option value="arab">٠١٢٣</option>
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1} data-page={route.page}>
        {route.page === "search" ? <SearchPage params={route.params} /> : null}
        {route.page === "article" ? <ArticlePage id={route.id} /> : null}
        {route.page === "entity" ? <EntityPage entityKey={route.key} /> : null}
        {route.page === "analyze" ? <AnalyzePage /> : null}
        {route.page === "missing" ? (
          <p class="error" role="alert">
            لا توجد صفحة بهذا العنوان. <Link href="/">العودة إلى البحث</Link>
          </p>
        ) : null}
      </main>
    </>
  );
}
