/**
 * What a story's own data changes in its body, read from markdown-it's `env` (Eleventy
 * passes the page's data): a sponsored story's outgoing links carry rel="sponsored"
 * (https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links),
 * and a dateline opens the first paragraph in house style ("KYIV, Ukraine — …").
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import { kindOf, type ArticleData, type SectionsData } from "../content/index.ts";
import { escapeHtml } from "./escape.ts";

type StoryEnv = Partial<Pick<ArticleData, "kind" | "section" | "dateline">> & { sections?: SectionsData };

/** True when the page being rendered is sponsored content (its own kind, or its section's). */
export function isSponsored(env: Env | undefined): boolean {
  const data = env as StoryEnv | undefined;
  if (!data || typeof data.section !== "string") return data?.kind === "sponsored";
  return kindOf({ kind: data.kind, section: data.section }, data.sections ?? {}) === "sponsored";
}

/** "KYIV, Ukraine —": the dateline as it opens the first paragraph. */
export function datelineText(dateline: string): string {
  return `${dateline} —`;
}

function datelineRule(state: StateCore): void {
  const dateline = (state.env as StoryEnv | undefined)?.dateline;
  if (typeof dateline !== "string" || !dateline.trim()) return;
  const at = state.tokens.findIndex((t) => t.type === "paragraph_open" && t.level === 0);
  const inline: Token | undefined = at < 0 ? undefined : state.tokens[at + 1];
  if (!inline || inline.type !== "inline" || !inline.children) return;
  const token = new state.Token("newsroom_dateline", "", 0);
  token.content = dateline.trim();
  inline.children.unshift(token);
}

/** Adds the dateline rule and its renderer to a markdown-it instance. */
export function storyEnvRules(md: MarkdownIt): void {
  md.core.ruler.push("newsroom_dateline", datelineRule);
  md.renderer.rules.newsroom_dateline = (tokens, i) => `<span class="dateline">${escapeHtml(datelineText(tokens[i]!.content))}</span> `;
}
