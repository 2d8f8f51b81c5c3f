/**
 * The RTL reading view: the record's text with its annotations laid over it, built from offsets only.
 * Every piece of article text is a text node; nothing from the record is ever parsed as HTML.
 *
 * 1. Split the text into blocks (headline, paragraphs, page chrome) from the structure.
 * 2. Lay the marks of the layers switched on over each block (annotationTree) and render the tree.
 * 3. One floating tooltip, filled on hover or keyboard focus from the annotation a mark points to.
 * 4. Beside the text: the layer switches, the entities by type and the events.
 */
import { useMemo, useRef, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { annotationTree, LAYERS, type Layer, type TreeNode } from "../annotationTree";
import { recordBlocks, recordMarks } from "../recordMarks";
import type { ApiRecord } from "../api";
import { entityHref, Link } from "../router";
import { setPrefs, usePrefs, type Digits } from "../prefs";
import { formatCount, shapeDigits } from "../digits";
import { DCT_ORIGIN_LABEL, FRAMING_LABEL, LAYER_LABEL, QUOTE_KIND_LABEL, TIME_TYPE_LABEL, TYPE_LABEL, TYPE_PLURAL, partLabel } from "../labels";

interface Tip {
  lines: Array<{ text: string; ltr?: boolean; strong?: boolean }>;
  top: number;
  right: number;
}

const TIP_ID = "rasd-tip";

function speakerName(rec: ApiRecord, q: ApiRecord["quotes"][number]): string | undefined {
  if (!q.speaker) return undefined;
  const ent = q.speaker.entity ? rec.entities.find((e) => e.id === q.speaker!.entity) : undefined;
  return ent?.name ?? q.speaker.text;
}

const entityName = (rec: ApiRecord, id: string | undefined) => (id ? rec.entities.find((e) => e.id === id)?.name ?? id : undefined);

/** What the tooltip says about one annotation. */
function tipLines(rec: ApiRecord, layer: Layer, ref: number, digits: Digits): Tip["lines"] {
  switch (layer) {
    case "entity": {
      const e = rec.entities[ref]!;
      return [
        { text: e.name, strong: true },
        ...(e.en ? [{ text: e.en, ltr: true }] : []),
        { text: `${TYPE_LABEL[e.type] ?? e.type} · ${formatCount(e.mentions.length, digits)} ذكر` },
        ...(e.kb ? [{ text: e.kb, ltr: true }] : []),
      ];
    }
    case "time": {
      const t = rec.times[ref]!;
      const lines: Tip["lines"] = [{ text: shapeDigits(t.value, digits), ltr: true, strong: true }, { text: TIME_TYPE_LABEL[t.type] ?? t.type }];
      if (t.stated?.length) lines.push({ text: `مذكور في النص: ${t.stated.map(partLabel).join("، ")}` });
      if (t.implied?.length) lines.push({ text: `مستنتج من تاريخ النشر: ${t.implied.map(partLabel).join("، ")}` });
      return lines;
    }
    case "quote": {
      const q = rec.quotes[ref]!;
      const who = speakerName(rec, q);
      return [
        { text: QUOTE_KIND_LABEL[q.kind] ?? q.kind, strong: true },
        { text: `المتحدث: ${who ?? "غير محدد"}` },
        ...(q.cue ? [{ text: `فعل القول: ${q.cue.text}` }] : []),
      ];
    }
    case "framing": {
      const f = rec.framing[ref]!;
      return [{ text: "تأطير", strong: true }, { text: FRAMING_LABEL[f.kind] ?? f.kind }];
    }
    case "event": {
      const ev = rec.events[ref]!;
      return [
        { text: ev.label, strong: true },
        { text: `CAMEO ${ev.cameo}`, ltr: true },
        ...(ev.actor ? [{ text: `الفاعل: ${entityName(rec, ev.actor)}` }] : []),
        ...(ev.target ? [{ text: `المستهدف: ${entityName(rec, ev.target)}` }] : []),
      ];
    }
    case "quantity": {
      const q = rec.quantities[ref]!;
      return [{ text: shapeDigits(String(q.value), digits), strong: true }, ...(q.unit ? [{ text: q.unit }] : []), ...(q.object ? [{ text: q.object }] : [])];
    }
  }
}

function MarkElement(props: { rec: ApiRecord; node: Extract<TreeNode, { kind: "mark" }>; children: ComponentChildren }) {
  const { rec, node, children } = props;
  const { layer, ref } = node.mark;
  const common = { "data-layer": layer, "data-ref": String(ref), "aria-describedby": TIP_ID };
  switch (layer) {
    case "entity": {
      const e = rec.entities[ref]!;
      const cls = `mark ent ent-${e.type}`;
      return e.key ? (
        <Link href={entityHref(e.key)} class={cls} data-type={e.type} {...common}>
          {children}
        </Link>
      ) : (
        <span class={cls} data-type={e.type} tabIndex={0} {...common}>
          {children}
        </span>
      );
    }
    case "time": {
      const t = rec.times[ref]!;
      return (
        <span class={`mark time${t.implied?.length ? " time-implied" : ""}`} data-value={t.value} tabIndex={0} {...common}>
          {children}
        </span>
      );
    }
    case "quote": {
      const q = rec.quotes[ref]!;
      const who = node.first ? speakerName(rec, q) : undefined;
      return (
        <span class={`mark quote quote-${q.kind}`} data-speaker={who} tabIndex={node.first ? 0 : undefined} {...common}>
          {children}
        </span>
      );
    }
    case "framing":
      return (
        <span class={`mark frame frame-${rec.framing[ref]!.kind}`} tabIndex={0} {...common}>
          {children}
        </span>
      );
    case "event":
      return (
        <span class="mark event" id={node.first ? `ev-${ref}` : undefined} tabIndex={0} {...common}>
          {children}
        </span>
      );
    case "quantity":
      return (
        <span class="mark qty" tabIndex={0} {...common}>
          {children}
        </span>
      );
  }
}

function renderNodes(rec: ApiRecord, nodes: TreeNode[]): ComponentChildren {
  return nodes.map((n) =>
    n.kind === "text" ? (
      rec.text.slice(n.start, n.end)
    ) : (
      <MarkElement key={`${n.mark.layer}${n.mark.ref}@${n.start}`} rec={rec} node={n}>
        {renderNodes(rec, n.children)}
      </MarkElement>
    ),
  );
}

export function ReadingView(props: { record: ApiRecord; source?: ComponentChildren }) {
  const rec = props.record;
  const prefs = usePrefs();
  const layers = useMemo(() => new Set(prefs.layers), [prefs.layers]);
  const blocks = useMemo(() => recordBlocks(rec), [rec]);
  const marks = useMemo(() => recordMarks(rec, layers), [rec, layers]);
  const [tip, setTip] = useState<Tip | null>(null);
  const host = useRef<HTMLDivElement>(null);

  const show = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.("[data-layer]") as HTMLElement | null;
    if (!el || !host.current?.contains(el)) return setTip(null);
    const layer = el.dataset.layer as Layer;
    const ref = Number(el.dataset.ref);
    const r = el.getBoundingClientRect();
    setTip({
      lines: tipLines(rec, layer, ref, prefs.digits),
      top: r.bottom + window.scrollY + 6,
      right: Math.max(4, document.documentElement.clientWidth - r.right - window.scrollX),
    });
  };
  const hide = () => setTip(null);

  const headline = blocks.filter((b) => b.kind === "headline");
  const body = blocks.filter((b) => b.kind === "paragraph");
  const chrome = blocks.filter((b) => b.kind === "chrome");
  // The annotated text is rebuilt only when the record or the layers change, not on every tooltip.
  const rendered = useMemo(() => new Map(blocks.map((b) => [b, renderNodes(rec, annotationTree(b.start, b.end, marks))])), [rec, blocks, marks]);
  const renderBlock = (b: (typeof blocks)[number]) => rendered.get(b);
  const st = rec.structure;
  const meta = [st.section, st.publisher ?? rec.meta?.outlet, st.byline, st.dateline].filter(Boolean) as string[];
  const byType = (["PER", "ORG", "LOC", "MISC"] as const).map((t) => ({ t, list: rec.entities.filter((e) => e.type === t) })).filter((g) => g.list.length);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") hide();
  };

  return (
    <div class="reading-layout">
      <article
        class="reading"
        dir="rtl"
        lang="ar"
        ref={host}
        onMouseOver={(e) => show(e.target)}
        onMouseLeave={hide}
        onFocusIn={(e) => show(e.target)}
        onFocusOut={hide}
        onKeyDown={onKey}
        aria-label="نص المقال"
      >
        <header class="reading-meta">
          {meta.map((m) => (
            <span>{m}</span>
          ))}
          <span class="dct">
            تاريخ النشر: {rec.dct.value ? <bdi dir="ltr">{shapeDigits(rec.dct.value, prefs.digits)}</bdi> : "—"} ({DCT_ORIGIN_LABEL[rec.dct.origin] ?? rec.dct.origin})
          </span>
        </header>
        {headline.length ? (
          <h1 class="headline">
            {headline.map((b, i) => (
              <span class="headline-part">
                {i > 0 ? " … " : ""}
                {renderBlock(b)}
              </span>
            ))}
          </h1>
        ) : rec.structure.headline ? (
          <h1 class="headline">{rec.structure.headline}</h1>
        ) : null}
        <div class="body">
          {body.map((b) => (
            <p data-start={b.start}>{renderBlock(b)}</p>
          ))}
        </div>
        {chrome.length ? (
          <details class="chrome">
            <summary>عناصر الصفحة المستبعدة ({formatCount(chrome.length, prefs.digits)})</summary>
            {chrome.map((b) => (
              <p>{rec.text.slice(b.start, b.end)}</p>
            ))}
          </details>
        ) : null}
        {rec.warnings?.length ? (
          <ul class="warnings" aria-label="تنبيهات">
            {rec.warnings.map((w) => (
              <li>
                <code dir="ltr">{w.code}</code> {w.message}
              </li>
            ))}
          </ul>
        ) : null}
        {props.source}
      </article>
      <aside class="reading-side" aria-label="طبقات التحليل">
        <fieldset class="layers">
          <legend>الطبقات</legend>
          {LAYERS.map((l) => (
            <label class={`layer-toggle layer-${l}`}>
              <input
                type="checkbox"
                name={`layer-${l}`}
                checked={layers.has(l)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setPrefs({ layers: LAYERS.filter((x) => (x === l ? on : layers.has(x))) });
                }}
              />
              {LAYER_LABEL[l]}
            </label>
          ))}
        </fieldset>
        <section aria-labelledby="side-entities">
          <h2 id="side-entities">الكيانات</h2>
          {byType.length === 0 ? <p class="muted">لم يُعثر على كيانات.</p> : null}
          {byType.map((g) => (
            <div class="entity-group">
              <h3>{TYPE_PLURAL[g.t]}</h3>
              <ul class="chips">
                {g.list.map((e) => (
                  <li>
                    {e.key ? (
                      <Link class={`chip ent-${e.type}`} href={entityHref(e.key)}>
                        {e.name} <small>{formatCount(e.mentions.length, prefs.digits)}</small>
                      </Link>
                    ) : (
                      <span class={`chip ent-${e.type}`}>{e.name}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
        <section aria-labelledby="side-events">
          <h2 id="side-events">الأحداث</h2>
          {rec.events.length === 0 ? <p class="muted">لا أحداث.</p> : null}
          <ol class="events">
            {rec.events.map((ev, i) => (
              <li>
                <strong>{ev.label}</strong> <code dir="ltr">{ev.cameo}</code>
                <div class="event-trigger">«{ev.trigger.text}»</div>
                {ev.actor || ev.target ? (
                  <div>
                    {ev.actor ? entityName(rec, ev.actor) : "؟"} ← {ev.target ? entityName(rec, ev.target) : "؟"}
                  </div>
                ) : null}
                {ev.when !== undefined && rec.times[ev.when] ? (
                  <div class="event-when">
                    <bdi dir="ltr">{shapeDigits(rec.times[ev.when]!.value, prefs.digits)}</bdi>
                  </div>
                ) : null}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    const el = document.getElementById(`ev-${i}`);
                    if (el) el.focus();
                    else setPrefs({ layers: [...new Set([...prefs.layers, "event" as Layer])] });
                  }}
                >
                  في النص
                </button>
              </li>
            ))}
          </ol>
        </section>
      </aside>
      {tip ? (
        <div id={TIP_ID} role="tooltip" class="tip" style={{ top: `${tip.top}px`, right: `${tip.right}px` }}>
          {tip.lines.map((l) => (
            <div class={l.strong ? "tip-strong" : undefined} dir={l.ltr ? "ltr" : undefined}>
              {l.text}
            </div>
          ))}
        </div>
      ) : (
        <div id={TIP_ID} role="tooltip" class="tip" hidden />
      )}
    </div>
  );
}
