/**
 * The index pages, computed once per build from the public stories (the `articles`
 * collection, so a production list can never hold a draft or a scheduled story):
 * section fronts, topic pages, author pages and the monthly archive, each cut into
 * pages of `site.pageSize`; and the topics, authors and archive indexes.
 * Pages paginate over these collections with size 1 (src/<type>.11ty.tsx).
 */
import { formatDate, monthKey } from "../content/index.ts";
import type { ArticleItem, IndexEntry, Indexes } from "./types.ts";
export type { IndexEntry, Indexes } from "./types.ts";
import type { CollectionApi, EleventyConfig } from "../eleventy/index.ts";
import { loadDataFile, loadSite } from "../content/index.ts";
import { paginate, type ListingPage } from "./listing.ts";
import { listingKey, reusePlan } from "./reuse.ts";
import { correctionEntries, correctionPages } from "./corrections.ts";
import { frontOrder, splitFront, storySections } from "./front.ts";
import { assertFront, type FrontData } from "../content/index.ts";
import type { AuthorData, AuthorsData, SectionsData, SiteData } from "../content/index.ts";
import { archivePath, authorPath, sectionPath, topicPath, topicSlug } from "../content/index.ts";

export interface IndexInput {
  site: Pick<SiteData, "pageSize" | "timezone" | "language">;
  sections: SectionsData;
  authors: AuthorsData;
  /** _data/front (already checked against the stories); none: every front newest first */
  front?: FrontData;
}

/** Groups stories (kept newest first) under keys, in first-seen order. */
function groupBy(items: ArticleItem[], keysOf: (item: ArticleItem) => string[]): Map<string, ArticleItem[]> {
  const groups = new Map<string, ArticleItem[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const list = groups.get(key) ?? [];
      list.push(item);
      groups.set(key, list);
    }
  }
  return groups;
}

/** A topic's name: the spelling most stories use; on a tie, the newest story's. */
function topicNames(items: ArticleItem[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const item of items) {
    for (const tag of new Set(item.data.tags ?? [])) {
      const forms = counts.get(topicSlug(tag)) ?? new Map<string, number>();
      forms.set(tag, (forms.get(tag) ?? 0) + 1);
      counts.set(topicSlug(tag), forms);
    }
  }
  const names = new Map<string, string>();
  for (const [slug, forms] of counts) {
    let best = "";
    for (const [name, n] of forms) if (!best || n > forms.get(best)!) best = name;
    names.set(slug, best);
  }
  return names;
}

/** Every list of the site from the public stories (newest first). Pure. */
export function buildIndexes(articles: ArticleItem[], { site, sections, authors, front = {} }: IndexInput): Indexes {
  const size = site.pageSize;
  const zone = site.timezone;
  const bySection = groupBy(articles, (a) => [a.data.section]);
  // A section front: its _data/front list first, then newest first; page 1 is laid out as a front.
  const sectionPages = Object.entries(sections).flatMap(([slug, s]) => {
    const pages = paginate({ type: "section", key: slug, title: s.title, description: s.description }, frontOrder(front.sections?.[slug] ?? [], bySection.get(slug) ?? []), size, (p) => sectionPath(slug, p));
    pages[0]!.front = splitFront(pages[0]!.items);
    return pages;
  });

  const names = topicNames(articles);
  const byTopic = groupBy(articles, (a) => (a.data.tags ?? []).map(topicSlug));
  const topicsIndex = [...byTopic].map(([slug, list]) => ({ key: slug, name: names.get(slug)!, url: topicPath(slug), count: list.length }));
  topicsIndex.sort((a, b) => a.name.localeCompare(b.name, site.language, { sensitivity: "base" }) || a.key.localeCompare(b.key));
  const topicPages = topicsIndex.flatMap((t) =>
    paginate({ type: "topic", key: t.key, title: t.name, description: `Stories about ${t.name}.` }, byTopic.get(t.key)!, size, (p) => topicPath(t.key, p)),
  );

  const byAuthor = groupBy(articles, (a) => a.data.authors ?? []);
  const authorsIndex = Object.entries(authors).map(([slug, author]) => ({ key: slug, name: author.name, url: authorPath(slug), count: byAuthor.get(slug)?.length ?? 0, author }));
  const authorPages = authorsIndex.flatMap(({ key, author }) =>
    paginate({ type: "author", key, title: author.name, description: `${author.role}. ${author.bio}` }, byAuthor.get(key) ?? [], size, (p) => authorPath(key, p), { author }),
  );

  const byMonth = groupBy(articles, (a) => [monthKey(a.date, zone)]);
  const months = [...byMonth].sort(([a], [b]) => b.localeCompare(a));
  const archivePages = months.flatMap(([month, list]) => {
    const title = formatDate(list[0]!.date, zone, "month");
    return paginate({ type: "archive", key: month, title, description: `Stories published in ${title}.` }, list, size, (p) => archivePath(month, p));
  });
  const archiveIndex: Indexes["archiveIndex"] = [];
  for (const [month, list] of months) {
    const year = month.slice(0, 4);
    if (archiveIndex.at(-1)?.year !== year) archiveIndex.push({ year, months: [] });
    archiveIndex.at(-1)!.months.push({ key: month, name: formatDate(list[0]!.date, zone, "month"), url: archivePath(month), count: list.length });
  }
  const corrections = correctionPages(correctionEntries(articles, site), site);
  return { sectionPages, topicPages, authorPages, archivePages, correctionPages: corrections, topicsIndex, authorsIndex, archiveIndex };
}

/**
 * Registers every list as a collection. They are computed once per collections pass
 * (memoised on Eleventy's collection API object) from the same public stories as `articles`.
 */
export function addIndexCollections(eleventyConfig: EleventyConfig, articlesOf: (api: CollectionApi) => ArticleItem[], allStories: (api: CollectionApi, inputDir: string) => ArticleItem[]): void {
  const memo = new WeakMap<CollectionApi, Indexes>();
  const indexesOf = (api: CollectionApi): Indexes => {
    let indexes = memo.get(api);
    if (!indexes) {
      const dir = eleventyConfig.directories.data;
      const sections = loadDataFile(dir, "sections") as SectionsData;
      const lists = { site: loadSite(dir), sections, authors: loadDataFile(dir, "authors") as AuthorsData };
      // A story pass (reuse.ts) renders some stories and no list: the lists, and the rules
      // across all stories, are the last pass's.
      if (reusePlan()?.storyPass) indexes = buildIndexes([], lists);
      else {
        // Every story, drafts too: a front may list one before it is public, but never a path no story has.
        const stories = storySections(allStories(api, eleventyConfig.directories.input));
        indexes = buildIndexes(articlesOf(api), { ...lists, front: assertFront(dir, stories, sections) });
      }
      memo.set(api, indexes);
    }
    return indexes;
  };
  const names: (keyof Indexes)[] = ["sectionPages", "topicPages", "authorPages", "archivePages", "correctionPages", "topicsIndex", "authorsIndex", "archiveIndex"];
  for (const name of names) eleventyConfig.addCollection(name, (api) => indexesOf(api)[name]);
  // The list pages to render: all of them, or, with a reuse plan (an incremental
  // production build), those whose key changed or whose last file cannot be reused.
  const listings = ["sectionPages", "topicPages", "authorPages", "archivePages"] as const;
  for (const name of listings) {
    eleventyConfig.addCollection(`${name}ToRender`, (api) => {
      const plan = reusePlan();
      const pages = indexesOf(api)[name];
      if (!plan) return pages;
      return pages.filter((page) => {
        const key = listingKey(page, plan);
        return key === undefined || plan.listing(page.url, key);
      });
    });
  }
}

export { listingTemplate, listingTitle, paginate, storyCount, type ListingPage, type ListingType } from "./listing.ts";
