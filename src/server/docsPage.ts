/**
 * The API's docs page: the OpenAPI description rendered as plain HTML on the server (no docs UI from a
 * CDN, no script). Every value is escaped.
 */
import type { openApiDocument } from "./openApiDocument.js";

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface Param { name: string; in: string; required: boolean; schema: Record<string, unknown>; description?: string }
interface Operation { summary?: string; description?: string; parameters?: Param[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, { description: string }> }

function schemaText(s: Record<string, unknown>): string {
  const parts: string[] = [String(s.type ?? "")];
  if (s.enum) parts.push(`one of ${(s.enum as unknown[]).join(" | ")}`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.filter(Boolean).join(", ");
}

export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}${p.required ? ", required" : ""}</td><td>${esc(schemaText(p.schema))}</td><td>${esc(p.description ?? "")}</td></tr>`)
        .join("");
      const body = op.requestBody ? `<p>Body: ${Object.keys(op.requestBody.content).map((c) => `<code>${esc(c)}</code>`).join(", ")}</p>` : "";
      const responses = Object.entries(op.responses).map(([s, r]) => `<li><code>${esc(s)}</code> ${esc(r.description)}</li>`).join("");
      ops.push(`<section id="${esc(method + path.replace(/[^a-z]/gi, "-"))}">
<h2><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${esc(op.summary ?? "")}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
${params ? `<table><thead><tr><th>parameter</th><th>in</th><th>schema</th><th>meaning</th></tr></thead><tbody>${params}</tbody></table>` : ""}
${body}<ul>${responses}</ul></section>`);
    }
  }
  const errors = doc["x-error-codes"].map((e) => `<tr><td><code>${esc(e.code)}</code></td><td>${esc(e.status)}</td><td>${esc(e.message)}</td></tr>`).join("");
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). The desk: <a href="/">/</a>.</p>
${ops.join("\n")}
<section id="errors"><h2>Error codes</h2><table><thead><tr><th>code</th><th>HTTP status</th><th>meaning</th></tr></thead><tbody>${errors}</tbody></table></section>
</main></body></html>`;
}

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c1c1c;background:#fafaf7}
main{max-width:60rem;margin-inline:auto;padding:1rem}
section{border-block-start:1px solid #ddd;padding-block:.5rem}
.method{display:inline-block;min-width:3.5rem;padding-inline:.4rem;background:#234;color:#fff;border-radius:3px;font-size:.8em}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:start;vertical-align:top}
code{font-family:ui-monospace,monospace}`;
