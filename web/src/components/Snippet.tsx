/** A search snippet with its highlights (offsets into the record text), rendered as text nodes. */
export function Snippet(props: { snippet: { text: string; start: number; end: number; highlights: Array<[number, number]> } }) {
  const { text, start, highlights } = props.snippet;
  const parts = [];
  let pos = 0;
  const sorted = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [hs, he] of sorted) {
    const s = Math.max(pos, hs - start), e = Math.min(text.length, he - start);
    if (e <= s) continue;
    if (s > pos) parts.push(text.slice(pos, s));
    parts.push(<mark>{text.slice(s, e)}</mark>);
    pos = e;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return (
    <p class="snippet">
      {start > 0 ? "… " : ""}
      {parts}
      {" …"}
    </p>
  );
}
