/**
 * The "Follow" page (/follow/): the feeds a reader can subscribe to, as the page lists
 * them: the whole site in Atom and JSON Feed, then one Atom feed per section.
 */
import { absoluteUrl, feedPath, jsonFeedPath, sectionFeedPath, sectionPath, type SectionsData, type SiteData } from "../content/index.ts";

export interface FollowFeed {
  /** "All stories", or the section's title */
  name: string;
  /** what the feed carries, in a sentence */
  description: string;
  /** the address to paste into a feed reader (absolute) */
  url: string;
  format: "Atom" | "JSON Feed";
  /** the section's front, for section feeds */
  front?: string;
}

/** Every feed of the site, the site-wide ones first, then each section's in `_data/sections` order. */
export function followFeeds(site: SiteData, sections: SectionsData): FollowFeed[] {
  return [
    { name: "All stories", description: `Every story ${site.name} publishes, newest first.`, url: absoluteUrl(site, feedPath()), format: "Atom" },
    { name: "All stories", description: "The same stories, for readers and apps that prefer JSON Feed.", url: absoluteUrl(site, jsonFeedPath()), format: "JSON Feed" },
    ...Object.entries(sections).map(([slug, s]): FollowFeed => ({ name: s.title, description: s.description, url: absoluteUrl(site, sectionFeedPath(slug)), format: "Atom", front: sectionPath(slug) })),
  ];
}
