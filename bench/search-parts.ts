/**
 * `npx tsx bench/search-parts.ts <dist>`: Pagefind on a built site (read only), as the
 * build runs it (docs/performance.md, section 16): one index of every story
 * (`addDirectory`, as before the parts) vs the parts of `_config/build/search-parts.ts`
 * (a part per past year, per month of the newest year; `addHTMLFile`, one Pagefind
 * process). Writes the bundles under /tmp/scale-pf/ and prints wall times: the whole
 * archive, every part (a cold build), and one part (what a publish or an edit re-indexes).
 */
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readSearchablePages } from "../_config/build/search.ts";
import { assignParts, pageUrl, type SearchPart } from "../_config/build/search-parts.ts";

const dist = path.resolve(process.argv[2]!);
const out = "/tmp/scale-pf";
rmSync(out, { recursive: true, force: true });
const pagefind = await import("pagefind");
const t = async (label: string, fn: () => Promise<unknown>): Promise<number> => {
  const s = performance.now();
  await fn();
  const seconds = (performance.now() - s) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return seconds;
};
const pages = await readSearchablePages(dist);
const parts = assignParts(pages);
console.log(`${pages.length} searchable pages, ${parts.length} parts: ${parts.map((p) => `${p.name} (${p.pages.length})`).join(", ")}`);
const indexPart = async (part: SearchPart, to: string) => {
  const { index } = await pagefind.createIndex({});
  for (const p of part.pages) await index!.addHTMLFile({ url: pageUrl(p.file), content: await readFile(path.join(dist, p.file), "utf8") });
  await index!.writeFiles({ outputPath: to });
  await index!.deleteIndex();
};
await t(`single index, addDirectory (${pages.length} pages)`, async () => {
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dist });
  await index!.writeFiles({ outputPath: `${out}/single` });
});
await pagefind.close();
await t(`every part, one after the other, one Pagefind process (a cold build)`, async () => {
  for (const part of parts) await indexPart(part, `${out}/parts/${part.name}`);
  await pagefind.close();
});
const newest = parts[0]!;
const year = parts.find((p) => /^\d{4}$/.test(p.name)) ?? newest;
await t(`one part: the newest month, ${newest.name} (${newest.pages.length} pages; start-up included)`, async () => {
  await indexPart(newest, `${out}/one/${newest.name}`);
  await pagefind.close();
});
await t(`one part: a past year, ${year.name} (${year.pages.length} pages; start-up included)`, async () => {
  await indexPart(year, `${out}/one/${year.name}`);
  await pagefind.close();
});
