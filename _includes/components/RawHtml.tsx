/**
 * The ONLY place that injects an HTML string into a page: the rendered markdown body,
 * which markdown-it has already escaped (raw HTML off unless the site turns it on).
 * (JsonLd.tsx writes JSON, not HTML, into its script element, and only through
 * `jsonForScript`, which makes `</script>` impossible.)
 */
export function RawHtml({ html, className }: { html: string; className?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
