/**
 * Reads a built site (default dist/) the way a crawler or feed reader would and
 * reports what it finds: every feed parsed by a real feed parser (feedsmith), every
 * sitemap by a real XML parser (fast-xml-parser), every JSON-LD block parsed.
 * Exits 1 on the first kind of problem it finds.
 *   npm run build && tsx scripts/validate-outputs.ts [dist]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { fileForPath, jsonRefs, xmlRefs, type Ref } from "../_config/build/index.ts";
import { loadSite } from "../_config/content/index.ts";

const dir = path.resolve(process.argv[2] ?? "dist");
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => f.split(path.sep).join("/"));
const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
const problems: string[] = [];
const wellFormed = (f: string, xml: string) => {
  const result = XMLValidator.validate(xml);
  if (result !== true) problems.push(`${f}: not well-formed XML: ${result.err.msg} (line ${result.err.line})`);
  return result === true;
};

for (const f of files.filter((f) => f === "feed.xml" || f.endsWith("/feed.xml"))) {
  const xml = read(f);
  if (!wellFormed(f, xml)) continue;
  const feed = parseAtomFeed(xml);
  const missing = (feed.entries ?? []).filter((e) => !e.id || !e.title || !e.updated || !e.authors?.length || !e.content);
  if (!feed.id || !feed.title || !feed.updated) problems.push(`${f}: feed id, title or updated missing`);
  if (missing.length) problems.push(`${f}: ${missing.length} entries lack id, title, updated, author or content`);
  console.log(`${f}: Atom, ${feed.entries?.length ?? 0} entries`);
}

const json = JSON.parse(read("feed.json"));
const jsonFeed = parseJsonFeed(json);
if (json.version !== "https://jsonfeed.org/version/1.1") problems.push("feed.json: not JSON Feed 1.1");
console.log(`feed.json: JSON Feed 1.1, ${jsonFeed.items?.length ?? 0} items`);

const parser = new XMLParser({ isArray: (name) => name === "url" });
for (const f of ["sitemap.xml", "news-sitemap.xml"]) {
  const xml = read(f);
  if (!wellFormed(f, xml)) continue;
  const urls = (parser.parse(xml).urlset?.url ?? []) as { loc: string }[];
  if (urls.length > 1000 && f === "news-sitemap.xml") problems.push(`${f}: more than 1,000 stories`);
  console.log(`${f}: ${urls.length} URLs`);
}

// Every URL on the site's origin in feeds, sitemaps and JSON-LD must be a file in dist/.
const siteUrl = new URL(process.env.SITE_URL ?? loadSite(path.resolve("_data")).url);
const prefix = siteUrl.pathname.endsWith("/") ? siteUrl.pathname : `${siteUrl.pathname}/`;
const refs: Ref[] = [];
for (const f of files.filter((f) => f.endsWith(".xml"))) refs.push(...xmlRefs(read(f), f, siteUrl.origin));
refs.push(...jsonRefs(read("feed.json"), "feed.json", siteUrl.origin, "JSON Feed").refs);

let blocks = 0;
for (const f of files.filter((f) => f.endsWith(".html"))) {
  for (const m of read(f).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    blocks++;
    refs.push(...jsonRefs(m[1]!, f, siteUrl.origin, "JSON-LD").refs);
    try {
      const doc = JSON.parse(m[1]!);
      if (doc["@context"] !== "https://schema.org" || !doc["@type"]) problems.push(`${f}: JSON-LD without @context or @type`);
    } catch (e) {
      problems.push(`${f}: JSON-LD does not parse: ${(e as Error).message}`);
    }
  }
}
console.log(`JSON-LD: ${blocks} blocks in ${files.filter((f) => f.endsWith(".html")).length} pages`);

const urls = new Set(refs.map((r) => r.url));
for (const url of urls) {
  const { pathname } = new URL(url);
  const file = pathname.startsWith(prefix) ? fileForPath(dir, `/${decodeURIComponent(pathname.slice(prefix.length))}`) : undefined;
  if (!file) problems.push(`${refs.find((r) => r.url === url)!.file}: ${url} is not a file in ${path.relative(process.cwd(), dir) || dir}`);
}
console.log(`Site URLs in feeds, sitemaps and JSON-LD: ${urls.size} distinct, ${urls.size - problems.filter((p) => p.includes(" is not a file in ")).length} resolve to a file`);

if (problems.length) {
  console.error(problems.join("\n"));
  process.exitCode = 1;
} else console.log("All feeds, sitemaps and JSON-LD blocks parse.");
