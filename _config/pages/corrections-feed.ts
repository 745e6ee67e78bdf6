/**
 * The corrections column's Atom feed (/corrections/feed.xml): one entry per
 * correction, newest first, each naming itself a Correction or a Clarification and
 * linking to the note at the foot of its story. Written by `atomFeed` like every feed.
 */
import { absoluteUrl, correctionsFeedPath, correctionsPath, homePath, isoDate } from "../content/index.ts";
import { escapeHtml } from "../markdown/index.ts";
import { correctionEntries, viewOf, type PageContext } from "../site/index.ts";
import { emptyFeedUpdated, FEED_LIMIT, syndicated, type Feed, type FeedItem } from "./feeds.ts";
import { logoUrl } from "./jsonld.ts";

export function correctionsFeed(ctx: PageContext): Feed {
  const { site } = ctx;
  const zone = site.timezone;
  const entries = correctionEntries(syndicated(ctx.collections.articles, ctx.build), site).slice(0, FEED_LIMIT);
  const items = entries.map(({ item, correction }): FeedItem => {
    const view = viewOf(item, ctx);
    const story = absoluteUrl(site, view.url);
    const url = `${story}#${correction.id}`;
    const date = isoDate(correction.date, zone);
    return {
      id: url,
      url,
      title: `${correction.label}: ${view.title}`,
      summary: correction.text,
      contentHtml: `<p><strong>${correction.label}</strong> (${escapeHtml(date.slice(0, 10))}): ${escapeHtml(correction.text)}</p><p><a href="${escapeHtml(story)}">${escapeHtml(view.title)}</a></p>`,
      published: date,
      updated: date,
      authors: [{ name: site.newsroom, url: absoluteUrl(site, homePath()) }],
      section: { slug: view.section.slug, name: view.section.name },
      tags: [],
      language: view.language,
    };
  });
  return {
    title: `${site.name}: corrections`,
    description: "Every correction and clarification, newest first.",
    language: site.language,
    feedUrl: absoluteUrl(site, correctionsFeedPath()),
    homeUrl: absoluteUrl(site, correctionsPath()),
    icon: logoUrl(site),
    updated: items[0]?.updated ?? emptyFeedUpdated(ctx),
    authors: [{ name: site.newsroom, url: absoluteUrl(site, homePath()) }],
    items,
  };
}
