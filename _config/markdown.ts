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
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { escapeHtml } from "./escape.ts";
import { ContentError, type Problem } from "./schema.ts";
import { bodyLineOffset } from "./frontmatter.ts";
import { photoProblem } from "./photo-files.ts";
import { href, slugifyText } from "./urls.ts";
import type { ImageData, SiteData } from "./schema.ts";

export const BLOCK_KINDS = {
  figure: { keys: ["src", "alt", "caption", "credit"], required: ["src", "alt", "caption"] },
  related: { keys: ["title", "url"], required: ["title", "url"] },
} as const;
export type BlockKind = keyof typeof BLOCK_KINDS;

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

export interface ContentBlock {
  kind: BlockKind;
  /** 0-based line in the body where the block starts */
  line: number;
  fields: Record<string, string>;
}

/** Parses the lines of a `:::` block into fields, collecting every problem. */
export function parseBlock(kind: string, lines: string[], line: number, file: string): { block?: ContentBlock; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (offset: number) => line + offset + 1;
  if (!(kind in BLOCK_KINDS)) {
    return { problems: [{ file, line: at(0), key: `::: ${kind}`, message: `unknown block; expected one of ${Object.keys(BLOCK_KINDS).join(", ")}` }] };
  }
  const spec = BLOCK_KINDS[kind as BlockKind];
  const fields: Record<string, string> = {};
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    const m = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/.exec(text);
    if (!m) {
      problems.push({ file, line: at(i + 1), key: kind, message: `expected "key: value", got "${text.trim()}"` });
    } else if (!(spec.keys as readonly string[]).includes(m[1]!)) {
      problems.push({ file, line: at(i + 1), key: `${kind}.${m[1]}`, message: `unknown key; expected one of ${spec.keys.join(", ")}` });
    } else if (!m[2]) {
      problems.push({ file, line: at(i + 1), key: `${kind}.${m[1]}`, message: "expected a value" });
    } else {
      fields[m[1]!] = m[2];
    }
  });
  for (const key of spec.required) {
    if (!fields[key]) problems.push({ file, line: at(0), key: `${kind}.${key}`, message: "required" });
  }
  if (kind === "related" && fields.url && !/^(https?:\/\/|\/)/.test(fields.url)) {
    problems.push({ file, line: at(0), key: "related.url", message: "expected an absolute http(s) URL or a site path starting with /" });
  }
  return { block: problems.length ? undefined : { kind: kind as BlockKind, line, fields }, problems };
}

/** Resolves a photo path: relative to the story's file, or from `src/` when it starts with "/". */
export function resolvePhoto(src: string, inputPath: string, inputDir: string): { file: string; url: string } {
  const file = src.startsWith("/") ? path.join(inputDir, src) : path.join(path.dirname(inputPath), src);
  const rel = path.relative(inputDir, file).split(path.sep).join("/");
  return { file, url: `/${rel}` };
}

export type StoryPhoto = ImageData & { url: string; file: string };
const figureCache = new Map<string, { mtimeMs: number; photo: StoryPhoto | undefined }>();

/** A story's first body figure (for cards and share images when it has no lead photo). */
export function firstFigure(inputPath: string, inputDir: string): StoryPhoto | undefined {
  if (!existsSync(inputPath)) return undefined;
  const mtimeMs = statSync(inputPath).mtimeMs;
  const hit = figureCache.get(inputPath);
  if (hit?.mtimeMs === mtimeMs) return hit.photo;
  const lines = readFileSync(inputPath, "utf8").split(/\r?\n/).slice(bodyLineOffset(inputPath));
  const start = lines.findIndex((l) => /^:::[ \t]*figure[ \t]*$/.test(l.trim()));
  const end = lines.findIndex((l, i) => i > start && l.trim() === ":::");
  let photo: StoryPhoto | undefined;
  if (start >= 0 && end > start) {
    const { block } = parseBlock("figure", lines.slice(start + 1, end), start, inputPath);
    const f = block?.fields;
    if (f?.src && f.alt) photo = { src: f.src, alt: f.alt, caption: f.caption, credit: f.credit, ...resolvePhoto(f.src, inputPath, inputDir) };
  }
  figureCache.set(inputPath, { mtimeMs, photo });
  return photo;
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
    const photo = resolvePhoto(block.fields.src!, env.page.inputPath, env.eleventy?.directories?.input ?? "src");
    const unreadable = existsSync(photo.file) ? photoProblem(photo.file) : `photo file not found: ${photo.file}`;
    if (unreadable) problems.push({ file, line: startLine + 1, key: "figure.src", message: unreadable });
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

/** One external link rule: rel="noopener" for links that leave the site. */
function isExternal(href: string, siteUrl: string | undefined): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return !siteUrl || new URL(href).host !== new URL(siteUrl).host;
  } catch {
    return true;
  }
}

/** A site path ("/world/x/") gets the path prefix, like every link layouts write. */
function withPrefix(url: string, siteUrl: string | undefined): string {
  return siteUrl && url.startsWith("/") && !url.startsWith("//") ? href({ url: siteUrl }, url) : url;
}

export function renderFigure(fields: Record<string, string>, siteUrl?: string): string {
  const caption = fields.caption ? `<span class="figure__caption">${escapeHtml(fields.caption)}</span>` : "";
  const credit = fields.credit ? ` <span class="figure__credit">${escapeHtml(fields.credit)}</span>` : "";
  return (
    `<figure class="figure"><img src="${escapeHtml(withPrefix(fields.url ?? fields.src ?? "", siteUrl))}" alt="${escapeHtml(fields.alt ?? "")}">` +
    (caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : "") +
    `</figure>\n`
  );
}

export function renderRelated(fields: Record<string, string>, siteUrl?: string): string {
  const href = withPrefix(fields.url ?? "", siteUrl);
  const rel = isExternal(href, siteUrl) ? ' rel="noopener"' : "";
  return (
    // An <aside> is a landmark: each needs its own accessible name (html-validate unique-landmark).
    `<aside class="related" aria-label="Related: ${escapeHtml(fields.title ?? "")}"><p class="related__label">Related</p>` +
    `<p class="related__title"><a href="${escapeHtml(href)}"${rel}>${escapeHtml(fields.title ?? "")}</a></p></aside>\n`
  );
}

const siteUrlOf = (env: Env | undefined) => (env as MarkdownEnv | undefined)?.site?.url;

export function createMarkdown(options: { html?: boolean } = {}): MarkdownIt {
  const md = markdownIt({ html: options.html ?? false, linkify: false, typographer: true });
  md.use(anchor, { slugify: slugifyText, tabIndex: false });
  md.block.ruler.before("fence", "newsroom_block", blockRule, { alt: ["paragraph"] });
  const fieldsOf = (token: Token) => (token.meta as unknown as ContentBlock).fields;
  md.renderer.rules.newsroom_figure = (tokens, i, _o, env) => renderFigure(fieldsOf(tokens[i]!), siteUrlOf(env));
  md.renderer.rules.newsroom_related = (tokens, i, _o, env) => renderRelated(fieldsOf(tokens[i]!), siteUrlOf(env));
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
  md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
    const token = tokens[i]!;
    const href = String(token.attrGet("href") ?? "");
    if (isExternal(href, siteUrlOf(env))) token.attrSet("rel", "noopener");
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
export default function markdownPlugin(eleventyConfig: import("./eleventy-types.ts").EleventyConfig): void {
  eleventyConfig.setLibrary("md", { render: renderMarkdown });
}
