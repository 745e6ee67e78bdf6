/**
 * The only markdown-it instance (two, if the site turns raw HTML on) and its rules:
 * typographic quotes and dashes, heading ids, rel="noopener" on external links,
 * and the two blocks the contract needs without HTML:
 *
 *   ::: figure                          ::: related
 *   src: recruiters.placeholder.jpg     title: Another story's headline
 *   alt: What the photo shows           url: /world/another-story/
 *   caption: What happened, where       :::
 *   credit: AP Photo
 *   :::
 *
 * Markdown is never run through a template language (markdownTemplateEngine: false).
 */
import markdownIt from "markdown-it";
import type { Env, MarkdownIt, StateBlock, Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { ContentError, type Problem } from "../content/index.ts";
import { bodyLineOffset } from "../content/index.ts";
import { headingId } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import { isRemoteSrc, parseBlock, photoFileProblem, type ContentBlock } from "../content/index.ts";
import { isExternal, renderFigure, renderRelated, withPrefix } from "./blocks-html.ts";
import { isSponsored, storyEnvRules } from "./story-env.ts";

export { renderFigure, renderRelated } from "./blocks-html.ts";

/** What markdown-it gets as `env`: Eleventy passes the page's data. */
export interface MarkdownEnv {
  page?: { inputPath?: string };
  /** `check` mode: collect every block problem here instead of throwing at the first */
  problems?: Problem[];
  /** file line of the body's first line minus one (default: read from the file) */
  lineOffset?: number;
  site?: Pick<SiteData, "url" | "requireCredits">;
  eleventy?: { directories?: { input?: string } };
}


function fileOf(env: MarkdownEnv): string {
  return env.page?.inputPath?.replace(/^\.\//, "") ?? "(markdown)";
}

function blockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const open = /^:::[ \t]*([A-Za-z-]*)[ \t]*$/.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!open || !open[1]) return false;
  if (silent) return true;
  const lines: string[] = [];
  let next = startLine + 1;
  let closed = false;
  for (; next < endLine; next++) {
    const text = state.src.slice(state.bMarks[next]! + state.tShift[next]!, state.eMarks[next]);
    if (text.trim() === ":::") {
      closed = true;
      break;
    }
    lines.push(text);
  }
  const env = state.env as MarkdownEnv;
  const file = fileOf(env);
  const { block, problems } = parseBlock(open[1], lines, startLine, file);
  if (!closed) problems.push({ file, line: startLine + 1, key: `::: ${open[1]}`, message: 'block is never closed; expected a line with ":::"' });
  if (block?.kind === "figure" && !block.fields.credit && env.site?.requireCredits) {
    problems.push({ file, line: startLine + 1, key: "figure.credit", message: "required (the site requires a credit on every photo)" });
  }
  if (block?.kind === "figure" && env.page?.inputPath) {
    const photo = photoFileProblem(block.fields.src!, env.page.inputPath, env.eleventy?.directories?.input ?? "src");
    if ("problem" in photo) problems.push({ file, line: startLine + 1, key: "figure.src", message: photo.problem });
    else block.fields.url = photo.url; // the path prefix is added when rendering
  }
  if (problems.length) {
    const offset = env.lineOffset ?? (env.page?.inputPath ? bodyLineOffset(env.page.inputPath) : 0);
    const located = problems.map((p) => ({ ...p, line: p.line === undefined ? undefined : p.line + offset }));
    if (!env.problems) throw new ContentError(located);
    env.problems.push(...located);
    state.line = closed ? next + 1 : startLine + 1;
    return true;
  }
  const token = state.push(`newsroom_${block!.kind}`, "", 0);
  token.map = [startLine, next + 1];
  token.meta = { ...block! };
  token.block = true;
  state.line = next + 1;
  return true;
}

/** Reports (or throws) body problems with file lines, the way the block rule does. */
function report(env: MarkdownEnv, problems: Problem[]): void {
  const offset = env.lineOffset ?? (env.page?.inputPath ? bodyLineOffset(env.page.inputPath) : 0);
  const located = problems.map((p) => ({ ...p, line: p.line === undefined ? undefined : p.line + offset }));
  if (!env.problems) throw new ContentError(located);
  env.problems.push(...located);
}

/**
 * `![alt](https://…)`: a remote image is refused (the site's CSP allows images from the
 * site only, and a remote photo is neither checked nor processed): save it under src/
 * and use `::: figure`. A core rule, so check and build both see it with its line.
 */
function remoteImages(state: { tokens: Token[]; env: Env }): void {
  const env = state.env as MarkdownEnv;
  const problems: Problem[] = [];
  for (const block of state.tokens) {
    for (const child of block.type === "inline" ? (block.children ?? []) : []) {
      const src = String(child.attrGet("src") ?? "");
      if (child.type === "image" && isRemoteSrc(src)) {
        problems.push({ file: fileOf(env), line: (block.map?.[0] ?? 0) + 1, key: "(body) image", message: `"${src}" is a remote image; save the photo under src/ and show it with ::: figure` });
      }
    }
  }
  if (problems.length) report(env, problems);
}

const siteUrlOf = (env: Env | undefined) => (env as MarkdownEnv | undefined)?.site?.url;

export function createMarkdown(options: { html?: boolean } = {}): MarkdownIt {
  const md = markdownIt({ html: options.html ?? false, linkify: false, typographer: true });
  md.use(anchor, { slugify: headingId, tabIndex: false });
  md.block.ruler.before("fence", "newsroom_block", blockRule, { alt: ["paragraph"] });
  md.core.ruler.push("newsroom_remote_images", (state) => remoteImages(state));
  const fieldsOf = (token: Token) => (token.meta as unknown as ContentBlock).fields;
  md.renderer.rules.newsroom_figure = (tokens, i, _o, env) => renderFigure(fieldsOf(tokens[i]!), siteUrlOf(env));
  md.renderer.rules.newsroom_related = (tokens, i, _o, env) => renderRelated(fieldsOf(tokens[i]!), siteUrlOf(env), isSponsored(env));
  storyEnvRules(md);
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
  md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
    const token = tokens[i]!;
    const href = String(token.attrGet("href") ?? "");
    if (isExternal(href, siteUrlOf(env))) token.attrSet("rel", isSponsored(env) ? "sponsored noopener" : "noopener");
    else token.attrSet("href", withPrefix(href, siteUrlOf(env)));
    return defaultLinkOpen(tokens, i, opts, env, self);
  };
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, i, opts, env, self) => {
    const token = tokens[i]!;
    token.attrSet("src", withPrefix(String(token.attrGet("src") ?? ""), siteUrlOf(env)));
    return defaultImage(tokens, i, opts, env, self);
  };
  return md;
}

const plain = createMarkdown();
/** The parser `check` uses: the same rules, so build and check agree on every block. */
export const contentParser: MarkdownIt = plain;
const withHtml = createMarkdown({ html: true });

/** Renders a story body; raw HTML only when the site turns it on (`rawHtml: true`). */
export function renderMarkdown(source: string, env: MarkdownEnv & { site?: { rawHtml?: boolean } } = {}): string {
  return (env.site?.rawHtml ? withHtml : plain).render(source, env as Env);
}

/** Eleventy plugin: our markdown replaces Eleventy's own (which has html: true). */
export default function markdownPlugin(eleventyConfig: import("../eleventy/index.ts").EleventyConfig): void {
  eleventyConfig.setLibrary("md", { render: renderMarkdown });
}
