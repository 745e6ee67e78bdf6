/**
 * Writes one corpus as three sites under .bench/n<N>/:
 *  - newsroom/: the project's layout (src/articles/<year>/<slug>.md + _data/), with the
 *    project's templates, .eleventy.ts, tsconfig, package.json and scripts/ linked in
 *    (like the test fixtures), so package.json's `build` script run there is exactly
 *    `npm run build` on this content;
 *  - stock/: the same markdown for bare Eleventy: one .njk layout, a one-list home page,
 *    `markdownTemplateEngine: false`, nothing else;
 *  - hugo/: the same files as Hugo content (content/<section>/<slug>.md) with single,
 *    list, terms and home templates; Hugo's default RSS and sitemap.
 */
import { cp, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { linkProject, ROOT } from "../test/helpers/site.ts";
import { authorsYaml, type Corpus } from "./corpus.ts";

export interface Sites {
  newsroom: string;
  stock: string;
  hugo: string;
}

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function writeAll(dir: string, files: [string, string][]): Promise<void> {
  const dirs = new Set(files.map(([f]) => path.dirname(path.join(dir, f))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // A few at a time: thousands of small writes, without exhausting file handles.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(([f, text]) => writeFile(path.join(dir, f), text)));
  }
}

export async function writeNewsroom(dir: string, corpus: Corpus): Promise<void> {
  // The project's _data: YAML copied, code (*.ts, *.js) linked so its imports resolve.
  await mkdir(path.join(dir, "_data"), { recursive: true });
  for (const entry of await readdir(path.join(ROOT, "_data"))) {
    // The project's edited front lists the project's stories, not the corpus': the bench
    // site's fronts are newest first (the contract's default without _data/front).
    if (/^front\.(ya?ml|json)$/.test(entry)) continue;
    const [from, to] = [path.join(ROOT, "_data", entry), path.join(dir, "_data", entry)];
    if (/\.(c|m)?[jt]sx?$/.test(entry)) await symlink(from, to);
    else await cp(from, to, { recursive: true });
  }
  await writeFile(path.join(dir, "_data/authors.yaml"), `# Bench authors (generated)\n${authorsYaml(corpus.authors)}`);
  await writeAll(path.join(dir, "src"), corpus.stories.map((s) => [s.path, s.text]));
  await linkProject(dir);
  // The newsroom's own pages (about, policies): \`_data/site\` \`policies\` link to them.
  await cp(path.join(ROOT, "src/pages"), path.join(dir, "src/pages"), { recursive: true, force: false, errorOnExist: false });
  // The project files `npm run build` reads from its working folder.
  for (const file of [".eleventy.ts", "tsconfig.json", "package.json", "scripts"]) await symlink(path.join(ROOT, file), path.join(dir, file));
}

const STOCK_CONFIG = `// Stock Eleventy: markdown through one layout, nothing else.
export default function () {}
export const config = {
  dir: { input: "src", output: "dist", includes: "../_includes" },
  templateFormats: ["md", "njk"],
  markdownTemplateEngine: false,
};
`;

const STOCK_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title><meta name="description" content="{{ description }}"></head>
<body><main><h1>{{ title }}</h1><p>{{ description }}</p>{{ content | safe }}</main></body></html>
`;

// The home page lists the newest stories, so an edit must reach it (--incremental
// rebuilds it because it imports the collection).
const STOCK_HOME = `---
permalink: /
eleventyImport:
  collections: ["all"]
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Home</title></head>
<body><ul>
{%- for post in collections.all | reverse %}{% if loop.index <= 21 and post.url != "/" %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>{% endif %}{% endfor %}
</ul></body></html>
`;

export async function writeStock(dir: string, corpus: Corpus): Promise<void> {
  await put(path.join(dir, "eleventy.config.mjs"), STOCK_CONFIG);
  await put(path.join(dir, "_includes/story.njk"), STOCK_LAYOUT);
  await put(path.join(dir, "src/articles/articles.json"), JSON.stringify({ layout: "story.njk" }));
  await put(path.join(dir, "src/index.njk"), STOCK_HOME);
  await writeAll(path.join(dir, "src"), corpus.stories.map((s) => [s.path, s.text]));
}

const HUGO_CONFIG = `baseURL = "https://newsroom.example.org/"
languageCode = "en-us"
title = "Hugo bench"
paginate = 20
[taxonomies]
  tag = "tags"
  author = "authors"
`;

const HUGO_HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>`;
const HUGO_FOOT = `</main></body></html>\n`;
const HUGO_LAYOUTS: Record<string, string> = {
  "index.html": `${HUGO_HEAD}<ul>{{ range first 20 site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>${HUGO_FOOT}`,
  "_default/single.html": `${HUGO_HEAD}<h1>{{ .Title }}</h1><p>{{ .Description }}</p>{{ .Content }}${HUGO_FOOT}`,
  "_default/list.html": `${HUGO_HEAD}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>${HUGO_FOOT}`,
  "_default/terms.html": `${HUGO_HEAD}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>${HUGO_FOOT}`,
};

export async function writeHugo(dir: string, corpus: Corpus): Promise<void> {
  await put(path.join(dir, "config.toml"), HUGO_CONFIG);
  for (const [file, text] of Object.entries(HUGO_LAYOUTS)) await put(path.join(dir, "layouts", file), text);
  await writeAll(path.join(dir, "content"), corpus.stories.map((s) => [`${s.section}/${s.slug}.md`, s.text]));
}

export async function writeSites(base: string, corpus: Corpus, withHugo: boolean): Promise<Sites> {
  await rm(base, { recursive: true, force: true });
  const sites = { newsroom: path.join(base, "newsroom"), stock: path.join(base, "stock"), hugo: path.join(base, "hugo") };
  await writeNewsroom(sites.newsroom, corpus);
  await writeStock(sites.stock, corpus);
  if (withHugo) await writeHugo(sites.hugo, corpus);
  return sites;
}

/** Where each tool writes a story's page and the home page. */
export function outputPaths(sites: Sites, story: { path: string; section: string; slug: string }) {
  return {
    newsroom: { page: path.join(sites.newsroom, ".cache/dev-site", story.section, story.slug, "index.html"), home: path.join(sites.newsroom, ".cache/dev-site/index.html"), source: path.join(sites.newsroom, "src", story.path) },
    stock: { page: path.join(sites.stock, "dist", story.path.replace(/\.md$/, ""), "index.html"), home: path.join(sites.stock, "dist/index.html"), source: path.join(sites.stock, "src", story.path) },
    hugo: { page: path.join(sites.hugo, "public", story.section, story.slug, "index.html"), home: path.join(sites.hugo, "public/index.html"), source: path.join(sites.hugo, "content", story.section, `${story.slug}.md`) },
  };
}
