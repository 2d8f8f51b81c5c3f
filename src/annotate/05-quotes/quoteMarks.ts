/**
 * Pairs quotation marks inside one paragraph: «…», “…” and "…" (a straight quote toggles). Each
 * kind keeps its own stack, so every mark costs O(1) and 10,000 stray « cost nothing more than
 * 10,000 words. An opening mark left open for more than MAX_SPAN tokens stops waiting.
 */
import type { Token } from "../../text/tokenize.js";

export interface MarkPair {
  /** Token indices of the opening and closing marks. */
  open: number;
  close: number;
}

export interface Marks {
  /** Outermost pairs, in text order. */
  pairs: MarkPair[];
  /** Closing marks with no opening mark (the quote opened after a colon without one). */
  strayClosers: number[];
}

const MAX_SPAN = 800;

/** The answer for the many paragraphs without a quotation mark (shared: callers only read it). */
const NONE: Marks = { pairs: [], strayClosers: [] };

export function pairQuoteMarks(tokens: readonly Token[], from: number, to: number): Marks {
  let any = false;
  for (let i = from; i < to && !any; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" || t.kind === "symbol") any = t.text === "«" || t.text === "»" || t.text === "“" || t.text === "”" || t.text === '"';
  }
  if (!any) return NONE;
  const guillemets: number[] = [];
  const curly: number[] = [];
  const straight: number[] = [];
  const all: MarkPair[] = [];
  const strayClosers: number[] = [];
  const close = (stack: number[], i: number) => {
    // Openers older than MAX_SPAN tokens no longer wait: all below the top are older still.
    if (stack.length && i - stack[stack.length - 1]! > MAX_SPAN) stack.length = 0;
    const o = stack.pop();
    if (o === undefined) strayClosers.push(i);
    else all.push({ open: o, close: i });
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== "punct" && t.kind !== "symbol") continue;
    switch (t.text) {
      case "«":
        if (guillemets.length > MAX_SPAN) guillemets.splice(0, MAX_SPAN / 2); // amortised O(1)
        guillemets.push(i);
        break;
      case "»":
        close(guillemets, i);
        break;
      case "“":
        if (curly.length > MAX_SPAN) curly.splice(0, MAX_SPAN / 2);
        curly.push(i);
        break;
      case "”":
        close(curly, i);
        break;
      case '"': {
        // A straight quote opens when it leans on the word after it and closes when it leans on the
        // word before it ("مثل "لواء الثورة" أو"); one that leans both ways opens after a lone
        // proclitic, drawn out with a tatweel or not ("و"حسم"", "لـ"سكاي نيوز""), and closes otherwise;
        // a free-standing one toggles.
        const prev = tokens[i - 1], next = tokens[i + 1];
        const left = !!prev && prev.end === t.start && i > from;
        const right = !!next && next.start === t.end && i + 1 < to && next.kind !== "punct";
        let opens: boolean;
        if (left && right) opens = /^[وفبلك]ـ*$/.test(prev!.text) && !(tokens[i - 2] && tokens[i - 2]!.end === prev!.start && tokens[i - 2]!.kind !== "punct");
        else if (right) opens = true;
        else if (left) opens = false;
        else opens = straight.length === 0;
        if (opens) {
          if (straight.length > MAX_SPAN) straight.splice(0, MAX_SPAN / 2);
          straight.push(i);
        } else close(straight, i);
        break;
      }
    }
  }
  all.sort((a, b) => a.open - b.open);
  const pairs: MarkPair[] = [];
  let end = -1;
  for (const p of all) {
    if (p.open > end) {
      pairs.push(p);
      end = p.close;
    }
  }
  return { pairs, strayClosers };
}
