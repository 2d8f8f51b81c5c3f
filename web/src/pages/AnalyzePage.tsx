/**
 * Paste an article or drop an HTML file and see it analysed at once, in the same reading view. Nothing
 * is stored. A dropped page's original HTML can be looked at, sanitised by DOMPurify first.
 */
import { useState } from "preact/hooks";
import DOMPurify from "dompurify";
import { api, ApiError, saveToken, savedToken, type ApiRecord } from "../api";
import { ReadingView } from "../components/ReadingView";

const MAX_FILE = 2 * 1024 * 1024;

/** The page as sanitised markup: no script, no handlers, no forms, no remote loads beyond the CSP. */
function SanitisedHtml(props: { html: string }) {
  const frag = DOMPurify.sanitize(props.html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ["style", "form", "input", "button", "iframe", "object", "embed", "link", "meta", "base"],
    FORBID_ATTR: ["style"],
  });
  return (
    <div
      class="original-html"
      dir="auto"
      ref={(el) => {
        if (el) el.replaceChildren(frag.cloneNode(true));
      }}
    />
  );
}

export function AnalyzePage() {
  const [text, setText] = useState("");
  const [html, setHtml] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [dct, setDct] = useState("");
  const [token, setToken] = useState(savedToken());
  const [needToken, setNeedToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [record, setRecord] = useState<ApiRecord | null>(null);
  const [dragging, setDragging] = useState(false);

  const run = async (body: { text?: string; html?: string }) => {
    setBusy(true);
    setError("");
    try {
      const rec = await api.analyze({ ...body, ...(dct ? { dct } : {}) }, token);
      setRecord(rec);
      setNeedToken(false);
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 401) setNeedToken(true);
      setError(err.message);
      setRecord(null);
    } finally {
      setBusy(false);
    }
  };

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE) return setError("الملف أكبر من ٢ ميغابايت.");
    const content = await file.text();
    const isHtml = /\.x?html?$/i.test(file.name) || file.type.includes("html") || /^\s*<(!doctype|html)/i.test(content);
    setFileName(file.name);
    if (isHtml) {
      setHtml(content);
      setText("");
      void run({ html: content });
    } else {
      setHtml(null);
      setText(content);
      void run({ text: content });
    }
  };

  return (
    <div class="analyze-page">
      <h1>تحليل مقال</h1>
      <form
        class="analyze-form"
        onSubmit={(e) => {
          e.preventDefault();
          setHtml(null);
          setFileName("");
          if (text.trim()) void run({ text });
          else setError("الصق نص مقال أولاً.");
        }}
      >
        <label for="article-text">نص المقال</label>
        <textarea
          id="article-text"
          name="text"
          rows={10}
          dir="auto"
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          placeholder="الصق هنا نص مقال كما نُشر…"
        />
        <div
          class={`drop-zone${dragging ? " dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void takeFile(e.dataTransfer?.files[0]);
          }}
        >
          <label for="article-file">أو أفلت ملف HTML أو نصاً هنا، أو اختر ملفاً:</label>
          <input id="article-file" type="file" accept=".html,.htm,.xhtml,.txt,text/html,text/plain" onChange={(e) => void takeFile((e.currentTarget as HTMLInputElement).files?.[0])} />
          {fileName ? <span class="muted"> {fileName}</span> : null}
        </div>
        <div class="analyze-row">
          <label for="dct">تاريخ النشر (اختياري)</label>
          <input id="dct" type="date" value={dct} onInput={(e) => setDct((e.currentTarget as HTMLInputElement).value)} />
          {needToken ? (
            <>
              <label for="token">رمز الخادم</label>
              <input
                id="token"
                type="password"
                value={token}
                autoComplete="off"
                onInput={(e) => {
                  const v = (e.currentTarget as HTMLInputElement).value;
                  setToken(v);
                  saveToken(v);
                }}
              />
            </>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? "جارٍ التحليل…" : "حلّل"}
          </button>
        </div>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {record ? (
        <ReadingView
          record={record}
          source={
            html !== null ? (
              <details class="original">
                <summary>الصفحة الأصلية (بعد التعقيم)</summary>
                <SanitisedHtml html={html} />
              </details>
            ) : undefined
          }
        />
      ) : null}
    </div>
  );
}
