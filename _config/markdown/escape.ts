/**
 * Escaping for the few places that build markup as strings (markdown-it render
 * rules, XML). Layouts never need these: TSX escapes text by itself.
 */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a <script type="application/ld+json"> element (and the JSON Feed): `<`, `>`,
 * `&` and the line separators become \u escapes, so no content can end the element,
 * open a comment, or be sniffed as markup. The result is still plain, valid JSON.
 */
export function jsonForScript(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
