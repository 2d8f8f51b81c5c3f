/**
 * JSON Lines: one article a line, `{id?, url?, outlet?, dct?, title?, text | html}`. A broken line
 * yields an error for that line only; the rest go on.
 */
import { RasdError } from "../errors.js";
import type { SourceInput } from "./index.js";

export interface JsonlLine {
  line: number;
  input?: SourceInput;
  error?: RasdError;
  /** The caller's own id for this line, echoed back in the output. */
  inputId?: string;
}

/** Parses one line of JSON Lines into a SourceInput (or an error for that line). */
export function parseJsonlLine(raw: string, line: number, uri?: string): JsonlLine {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch (e) {
    return { line, error: new RasdError("RASD_SOURCE_JSONL", `line ${line}: ${(e as Error).message}`) };
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    return { line, error: new RasdError("RASD_SOURCE_JSONL", `line ${line}: expected an object, found ${Array.isArray(obj) ? "an array" : typeof obj}`) };
  }
  const o = obj as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === "string" && (o[k] as string).length ? (o[k] as string) : undefined);
  const text = str("text");
  const html = str("html");
  if (!text && !html) return { line, error: new RasdError("RASD_SOURCE_JSONL", `line ${line}: expected a "text" or "html" string field`) };
  const dct = str("dct");
  const published = str("date") ?? str("published");
  const inputId = str("id");
  const input: SourceInput = {
    ...(html ? { html, kind: "html" as const } : { text: text!, kind: "jsonl" as const }),
    uri: str("url") ?? (uri ? `${uri}#${line}` : undefined),
    ...(dct ? { dct } : {}),
    meta: {
      ...(str("title") ? { title: str("title") } : {}),
      ...(str("outlet") ? { outlet: str("outlet"), publisher: str("outlet") } : {}),
      ...(str("category") ? { category: str("category") } : {}),
      ...(str("author") ? { author: str("author") } : {}),
      ...(str("url") ? { url: str("url") } : {}),
      ...(published ? { published } : {}),
    },
  };
  return { line, input, ...(inputId ? { inputId } : {}) };
}

/** Splits a JSON Lines text into parsed lines (blank lines skipped). */
export function* readJsonl(content: string, uri?: string): Generator<JsonlLine> {
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!l) continue;
    yield parseJsonlLine(l, i + 1, uri);
  }
}
