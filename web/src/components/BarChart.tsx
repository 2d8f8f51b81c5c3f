/**
 * A bar chart of counts over dates, drawn as SVG (no chart library, no inline styles). Days are
 * folded into months when there are too many to show; each bar is a button when onPick is given.
 */
import type { Digits } from "../prefs";
import { formatCount, shapeDigits } from "../digits";

import { foldDates, type DateCount } from "../foldDates";

export type { DateCount };

export function BarChart(props: { buckets: readonly DateCount[]; label: string; digits: Digits; onPick?: (date: string) => void }) {
  const data = foldDates(props.buckets);
  if (data.length === 0) return <p class="muted">لا بيانات زمنية.</p>;
  const max = Math.max(...data.map((d) => d.count), 1);
  const W = 600, H = 120, gap = 2;
  const bw = Math.max(2, (W - gap * data.length) / data.length);
  const first = data[0]!.date, last = data[data.length - 1]!.date;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H + 4}`} role="img" aria-label={`${props.label}: ${shapeDigits(first, props.digits)} – ${shapeDigits(last, props.digits)}`} preserveAspectRatio="none">
        {data.map((d, i) => {
          const h = d.count ? Math.max(1, (d.count / max) * H) : 0;
          // Time runs right to left, as the page reads.
          const x = W - (i + 1) * (bw + gap);
          const bar = (
            <rect x={x} y={H - h} width={bw} height={h} class="bar">
              <title>{`${shapeDigits(d.date, props.digits)}: ${formatCount(d.count, props.digits)}`}</title>
            </rect>
          );
          return props.onPick ? (
            <a
              href="#"
              aria-label={`${shapeDigits(d.date, props.digits)}: ${formatCount(d.count, props.digits)}`}
              onClick={(e) => {
                e.preventDefault();
                props.onPick!(d.date);
              }}
            >
              {bar}
            </a>
          ) : (
            bar
          );
        })}
      </svg>
      <figcaption>
        <span>{shapeDigits(first, props.digits)}</span>
        <span>{props.label}</span>
        <span>{shapeDigits(last, props.digits)}</span>
      </figcaption>
    </figure>
  );
}
