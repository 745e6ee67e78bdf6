/**
 * Collections: the public stories newest first, and the typed views layouts use.
 * Drafts and scheduled stories are in no list of a production build.
 */
import { isPublic, articleView, ContentError, type Problem, lineOfKey, readFrontMatter, topicProblems, type ArticleView, type BuildInfo } from "../content/index.ts";
import type { CollectionApi, CollectionItem, EleventyConfig } from "../eleventy/index.ts";
import { currentBuild, resolveBuild, setBuilding } from "../util/index.ts";
import { addIndexCollections } from "./indexes.ts";
import { addPagesCollection } from "./pages.ts";
import { reusePlan } from "./reuse.ts";
import type { ArticleData, AuthorsData, SectionsData, SiteData } from "../content/index.ts";

export type { ArticleItem, PageContext } from "./types.ts";
import type { ArticleItem, PageContext } from "./types.ts";

export function byNewest<T extends { date: Date }>(a: T, b: T): number {
  return b.date.getTime() - a.date.getTime() || String((a as { url?: unknown }).url).localeCompare(String((b as { url?: unknown }).url));
}

export function publicArticles(items: ArticleItem[], build: BuildInfo): ArticleItem[] {
  return items.filter((item) => item.url !== false && isPublic(item.data, item.date, build)).sort(byNewest);
}

/** Whether a template is a story: a `.md` file below `<input>articles/` (the `articles` glob; no dot-folders). */
export function isArticlePath(inputPath: string, inputDir: string): boolean {
  const rel = inputPath.replace(/^\.\//, "");
  const dir = `${inputDir.replace(/^\.\//, "").replace(/\/?$/, "/")}articles/`;
  return rel.startsWith(dir) && rel.endsWith(".md") && !rel.slice(dir.length).split("/").some((s) => s.startsWith("."));
}

// A story is a card on a dozen list pages (its section, topics, authors, month, the
// home page) and an item in up to three feeds: during an Eleventy build its view is
// made once. Global data (site, sections, staff, build) cannot change within a build,
// and pages do not all see the same objects (paginated pages get proxies), so an entry
// is keyed by the story's data and lives for one build (eleventy.before starts the next).
interface ViewEntry {
  build: number;
  url: unknown;
  inputPath: string;
  date: number;
  view: ArticleView;
}
const views = new WeakMap<object, ViewEntry>();

/** The typed view of a collection item: the one computed for its page (articles.11tydata.ts), else made here. */
export function viewOf(item: ArticleItem, ctx: PageContext): ArticleView {
  const computed = (item.data as { article?: ArticleView }).article;
  if (computed) return computed;
  const build = currentBuild(); // 0 outside an Eleventy build: nothing is remembered then
  const hit = build ? views.get(item.data) : undefined;
  if (hit && hit.build === build && hit.url === item.url && hit.inputPath === item.inputPath && hit.date === item.date.getTime()) return hit.view;
  const view = articleView(item.data, { url: item.url as string, inputPath: item.inputPath, date: item.date }, { ...ctx, authors: ctx.staff, inputDir: ctx.eleventy.directories.input });
  if (build) views.set(item.data, { build, url: item.url, inputPath: item.inputPath, date: item.date.getTime(), view });
  return view;
}

/**
 * Rules across stories, worded as `npm run check` words them (check-links.ts, articles.ts):
 * two stories with one URL, and two tags that would share one topic page.
 */
function assertStories(items: ArticleItem[]): void {
  const file = (item: ArticleItem) => item.inputPath.replace(/^\.\//, "");
  const sorted = [...items].sort((a, b) => file(a).localeCompare(file(b)));
  const byUrl = new Map<string, string>();
  const problems: Problem[] = [];
  for (const item of sorted) {
    if (typeof item.url !== "string") continue;
    const first = byUrl.get(item.url);
    if (first) problems.push({ file: file(item), key: "(url)", message: `${item.url} is also the URL of ${first}; rename one of the files or change its section` });
    else byUrl.set(item.url, file(item));
  }
  const topics = topicProblems(sorted.map((item) => ({ file: file(item), tags: item.data.tags })));
  problems.push(...topics.map((p) => ({ ...p, line: lineOfKey(readFrontMatter(p.file).lines, "tags") })));
  if (problems.length) throw new ContentError(problems);
}

/**
 * Every story, drafts too: the ones Eleventy read and, in an incremental production
 * build, the ones it reuses from the last build (reuse.ts) without reading them.
 */
function allStories(api: CollectionApi, inputDir: string): ArticleItem[] {
  const read = api.getFilteredByGlob(`${inputDir}articles/**/*.md`) as ArticleItem[];
  const plan = reusePlan();
  if (!plan) return read;
  plan.seen(read);
  return plan.stubs.length ? [...read, ...plan.stubs] : read;
}

export { resolveBuild };

export default function collectionsPlugin(eleventyConfig: EleventyConfig, options: { production?: boolean; now?: string } = {}): void {
  const build = resolveBuild(options);
  eleventyConfig.addGlobalData("build", build);
  // Per-build memos (story views, first figures) start afresh with each build.
  eleventyConfig.on("eleventy.before", () => setBuilding(true));
  eleventyConfig.on("eleventy.after", () => setBuilding(false));
  // One filtered, sorted list per collections pass, shared by `articles` and the indexes.
  const lists = new WeakMap<CollectionApi, ArticleItem[]>();
  const articlesOf = (api: CollectionApi) => {
    let list = lists.get(api);
    if (!list) {
      const all = allStories(api, eleventyConfig.directories.input);
      assertStories(all);
      list = publicArticles(all, build);
      lists.set(api, list);
    }
    return list;
  };
  eleventyConfig.addCollection("articles", articlesOf);
  // Section fronts, topics, authors and the archive: from the same public stories.
  addIndexCollections(eleventyConfig, articlesOf, allStories);
  // The newsroom's pages (about, policies), and the check of `_data/site` `policies`.
  addPagesCollection(eleventyConfig);
}
