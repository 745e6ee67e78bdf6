/**
 * `npx tsx bench/search-parts.ts <dist>`: Pagefind on a built site, one index of every
 * story vs one index per archive year (docs/performance.md, section 16). Writes the
 * bundles under /tmp/scale-pf/ and prints the wall time of each.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
const dist = process.argv[2]!;
const out = "/tmp/scale-pf";
rmSync(out, { recursive: true, force: true });
const pagefind = await import("pagefind");
const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".html"))
  .map((e) => path.join(e.parentPath, e.name))
  .map((file) => ({ file, html: readFileSync(file, "utf8") }))
  .filter((p) => p.html.includes("data-pagefind-body"));
const byYear = new Map<string, typeof pages>();
for (const p of pages) {
  const year = /article:published_time" content="(\d{4})/.exec(p.html)?.[1] ?? /datetime="(\d{4})/.exec(p.html)?.[1] ?? "none";
  byYear.set(year, [...(byYear.get(year) ?? []), p]);
}
const t = async (label: string, fn: () => Promise<unknown>) => {
  const s = performance.now();
  await fn();
  console.log(`${label}: ${((performance.now() - s) / 1000).toFixed(2)} s`);
};
await t(`single index, addDirectory (${pages.length} pages)`, async () => {
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dist });
  await index!.writeFiles({ outputPath: `${out}/single` });
});
await pagefind.close();
for (const [year, part] of [...byYear].sort()) {
  await t(`part ${year} (${part.length} pages), addHTMLFile`, async () => {
    const { index } = await pagefind.createIndex({});
    for (const p of part) await index!.addHTMLFile({ url: "/" + path.relative(dist, p.file).replace(/index\.html$/, ""), content: p.html });
    await index!.writeFiles({ outputPath: `${out}/part-${year}` });
  });
  await pagefind.close();
}
