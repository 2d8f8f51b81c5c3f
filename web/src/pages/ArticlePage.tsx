/** One article from the archive in the reading view. */
import { useEffect } from "preact/hooks";
import { api, type ApiRecord } from "../api";
import { useLoad } from "../useLoad";
import { ReadingView } from "../components/ReadingView";

export function ArticlePage(props: { id: string }) {
  const rec = useLoad<ApiRecord>(props.id, (signal) => api.article(props.id, signal));
  useEffect(() => {
    if (rec.state === "done") document.title = `${rec.value.structure.headline ?? rec.value.meta?.title ?? rec.value.id} — رصد`;
  }, [rec]);
  if (rec.state === "loading") return <p class="muted" aria-live="polite">جارٍ التحميل…</p>;
  if (rec.state === "error") return <p class="error" role="alert">{rec.status === 404 ? "لا يوجد مقال بهذا المعرّف." : rec.message}</p>;
  return <ReadingView record={rec.value} />;
}
