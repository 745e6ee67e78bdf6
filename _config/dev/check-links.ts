/**
 * Whole-site rules for `check`: two stories must not share a URL, and a link from
 * one story to another (a markdown link or a `::: related` block, root-relative or
 * on the site's own host) must point at a story that exists and is published
 * whenever the linking story is.
 */
import type { Token } from "markdown-it";
import type { Problem, SiteData } from "../content/index.ts";
import { pathPrefix } from "../content/index.ts";

export interface StoryLink {
  href: string;
  line?: number;
  key: string;
}

export interface StoryEntry {
  file: string;
  /** `/<section>/<slug>/` */
  url: string;
  /** in a production build right now (not a draft, not scheduled) */
  published: boolean;
  draft: boolean;
  links: StoryLink[];
}

/** Links in a parsed body (markdown links and related blocks), with file lines. */
export function linksOf(tokens: Token[], bodyOffset: number): StoryLink[] {
  const links: StoryLink[] = [];
  const lineOf = (t: Token) => (t.map ? t.map[0] + bodyOffset + 1 : undefined);
  for (const token of tokens) {
    if (token.type === "newsroom_related") {
      const url = (token.meta as { fields: Record<string, string> }).fields.url;
      if (url) links.push({ href: url, line: lineOf(token), key: "related.url" });
    } else if (token.type === "inline") {
      for (const child of token.children ?? []) {
        const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
        if (href) links.push({ href, line: lineOf(token), key: "link" });
      }
    }
  }
  return links;
}

/** The story URL a link points at, if it points inside the site; else undefined. */
export function internalPath(href: string, site: Pick<SiteData, "url"> | undefined): string | undefined {
  let p: string;
  if (/^https?:\/\//i.test(href)) {
    if (!site?.url) return undefined;
    const url = new URL(href);
    if (url.host !== new URL(site.url).host) return undefined;
    p = url.pathname;
  } else if (href.startsWith("/") && !href.startsWith("//")) {
    p = href.replace(/[?#].*$/, "");
  } else {
    return undefined;
  }
  const prefix = site?.url ? pathPrefix({ url: site.url }) : "/";
  if (prefix !== "/" && p.startsWith(prefix)) p = `/${p.slice(prefix.length)}`;
  return p;
}

export function checkLinks(stories: StoryEntry[], site: SiteData | undefined, sections: Iterable<string>): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(sections);
  const byUrl = new Map<string, StoryEntry>();
  const bySlug = new Map<string, string[]>();
  for (const story of stories) {
    const first = byUrl.get(story.url);
    if (first) {
      problems.push({ file: story.file, key: "(url)", message: `${story.url} is also the URL of ${first.file}; rename one of the files or change its section` });
      continue;
    }
    byUrl.set(story.url, story);
    const slug = story.url.split("/")[2]!;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), story.url]);
  }
  for (const story of stories) {
    for (const link of story.links) {
      const p = internalPath(link.href, site);
      const m = p && /^\/([^/]+)\/([^/]+)\/?$/.exec(p);
      if (!m || !known.has(m[1]!) || m[2] === "page") continue;
      const url = `/${m[1]}/${m[2]}/`;
      const target = byUrl.get(url);
      if (!target) {
        const elsewhere = bySlug.get(m[2]!);
        const hint = elsewhere ? `; did you mean ${elsewhere.join(" or ")}?` : "";
        problems.push({ file: story.file, line: link.line, key: link.key, message: `${link.href} links to no story${hint}` });
      } else if (story.published && !target.published) {
        const what = target.draft ? "a draft" : "a scheduled story";
        problems.push({ file: story.file, line: link.line, key: link.key, message: `${link.href} links to ${what} (${target.file}) that is not published yet; the link would be broken` });
      }
    }
  }
  return problems;
}
