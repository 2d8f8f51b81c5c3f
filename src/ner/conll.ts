/**
 * CoNLL reading: one token per line, optionally followed by TAB (or spaces) and a tag; a blank line
 * between sentences. Lines are kept as they came so a writer can echo them.
 */
export interface ConllSentence {
  /** The input lines of the sentence, as they came (without the line break). */
  lines: string[];
  tokens: string[];
  /** Gold tags where the input has them ("" for a line without one). */
  tags: string[];
}

/** Splits CoNLL text into sentences and the blank lines between them. */
export function parseConll(text: string): Array<ConllSentence | { blank: string }> {
  const out: Array<ConllSentence | { blank: string }> = [];
  let cur: ConllSentence | null = null;
  const lines = text.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") {
      if (cur) { out.push(cur); cur = null; }
      out.push({ blank: line });
      continue;
    }
    cur ??= { lines: [], tokens: [], tags: [] };
    const tab = line.indexOf("\t");
    let token: string, tag: string;
    if (tab >= 0) {
      token = line.slice(0, tab);
      const rest = line.slice(tab + 1).trim();
      tag = rest.split(/\s+/).pop() ?? "";
    } else {
      const parts = line.trim().split(/\s+/);
      token = parts[0]!;
      tag = parts.length > 1 ? parts[parts.length - 1]! : "";
    }
    cur.lines.push(line);
    cur.tokens.push(token);
    cur.tags.push(tag);
  }
  if (cur) out.push(cur);
  return out;
}

/** The sentences of a CoNLL text that carry gold tags, as token and tag arrays. */
export function readConllSentences(text: string): Array<{ tokens: string[]; tags: string[] }> {
  return parseConll(text).filter((s): s is ConllSentence => "tokens" in s).map((s) => ({ tokens: s.tokens, tags: s.tags }));
}
