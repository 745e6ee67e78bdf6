/**
 * The fronts: the home page and each section front as an editor laid them out in
 * `_data/front.yaml` (the content room reads and checks it): the listed stories first,
 * in their order (the first is the lead), then every other public story newest first,
 * none twice. A listed draft or scheduled story is not public, so it is simply not
 * there until a build runs after it is. Pure functions; collections.ts registers them.
 */
import { articlePath, type StorySections } from "../content/index.ts";
import type { ArticleItem, Front, PageContext } from "./types.ts";

export type { Front } from "./types.ts";

/** How many stories sit in the row under the lead (one row of three on a desktop). */
export const TOP_STORIES = 3;

/** The listed stories that are public, in their listed order, then the rest (already newest first). */
export function frontOrder(listed: readonly string[], stories: ArticleItem[]): ArticleItem[] {
  const byUrl = new Map(stories.map((s) => [s.url, s]));
  const first = [...new Set(listed)].flatMap((url) => byUrl.get(url) ?? []);
  const taken = new Set(first);
  return [...first, ...stories.filter((s) => !taken.has(s))];
}

/** Cuts an ordered list into lead, top row and stream. */
export function splitFront(items: ArticleItem[]): Front {
  return { lead: items[0], top: items.slice(1, 1 + TOP_STORIES), stream: items.slice(1 + TOP_STORIES) };
}

/**
 * The home page's front: at most `pageSize` stories, but never fewer than the editors
 * listed (a story they put on the front is on it).
 */
export function homeFront(listed: readonly string[], stories: ArticleItem[], pageSize: number): Front {
  const ordered = frontOrder(listed, stories);
  const shown = new Set(listed);
  const pinned = ordered.filter((s) => shown.has(s.url as string)).length;
  return splitFront(ordered.slice(0, Math.max(pageSize, pinned)));
}

/**
 * The home page's front from its page data: `collections.articles` and `_data/front`
 * (checked against the stories in the collections pass, indexes.ts). Read from the page
 * data, so the dev server's fast path, which hands the home page a fresh `articles`,
 * lays out the new front at once.
 */
export function homeFrontOf(ctx: Pick<PageContext, "collections" | "front" | "site">): Front {
  return homeFront(ctx.front?.home ?? [], ctx.collections.articles, ctx.site.pageSize);
}

const slugOf = (inputPath: string) => inputPath.replace(/^.*\//, "").replace(/\.md$/, "");

/**
 * Every story's path and section, drafts and scheduled stories included (a front may
 * list a story before it is public), from the story files' data.
 */
export function storySections(items: ArticleItem[]): StorySections {
  const map: StorySections = new Map();
  for (const item of items) {
    if (typeof item.data.section === "string") map.set(articlePath(item.data.section, slugOf(item.inputPath)), item.data.section);
  }
  return map;
}
