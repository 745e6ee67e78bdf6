/**
 * `npm run check`: every content rule the build enforces, without running Eleventy
 * or writing anything. It reuses the build's own validation (validateFrontMatter,
 * the markdown block rule, the _data schemas), so a story that passes check builds,
 * and adds what only a whole-site view can see: duplicate URLs and links between
 * stories. Every problem is collected; nothing stops at the first.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Env } from "markdown-it";
import { checkArticleFile, contentFileProblems, frontProblems, lineOfKey as lineOf, readFront, topicProblems, type StorySections, type ValidationContext } from "../content/index.ts";
import { parseDataFile } from "../content/index.ts";
import { parseContentDate } from "../content/index.ts";
import { lineOfKey, readFrontMatter } from "../content/index.ts";
import { contentParser, type MarkdownEnv } from "../markdown/index.ts";
import { checkLinks, linksOf, type StoryEntry } from "./check-links.ts";
import { ContentError, type AuthorsData, type Problem, type SectionsData, type SiteData } from "../content/index.ts";
import { articlePath, checkPageFile, pageFiles, pagePathOf, scanPhotos } from "../content/index.ts";
import { cacheDirFor } from "../photos/index.ts";
import { assertPolicies } from "../site/index.ts";

export interface CheckOptions {
  /** content folder (default `<site>/src`) */
  input: string;
  /** data folder (default `<site>/_data`) */
  data: string;
  /** ISO "now": which stories are published (default: the clock) */
  now?: string;
}

export interface CheckResult {
  problems: Problem[];
  /** stories checked */
  stories: number;
}

/** A site folder (holding src/ and _data/) → check options. */
export function siteFolders(site: string): CheckOptions {
  return { input: path.join(site, "src"), data: path.join(site, "_data") };
}

/** Story files, the same set the `articles` collection globs: src/articles/**\/*.md. */
export function storyFiles(input: string): string[] {
  const dir = path.join(input, "articles");
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads one `_data` file through the build's own parser; problems instead of throws. */
function loadData<T>(file: string, problems: Problem[]): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    problems.push({ file: rel(file), key: "(file)", message: "missing" });
    return undefined;
  }
  try {
    return parseDataFile(text, file) as T;
  } catch (e) {
    if (e instanceof ContentError) problems.push(...e.problems);
    else throw e;
    return undefined;
  }
}

/** Accepts any key: stands in for a broken _data file so its own problems are not repeated per story. */
const anything = <T extends object>() =>
  new Proxy({} as T, { has: () => true, getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, writable: true, value: undefined }) });

const rel = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * `npm run check` in full: the photo scan first (hash and decode every photo, cached in
 * `.cache/images/photos.json` like the build's), so a photo that can't be decoded is a
 * problem here too, then every rule of `checkSite`.
 */
export async function checkSiteWithPhotos(options: CheckOptions): Promise<CheckResult> {
  await scanPhotos(options.input, cacheDirFor(options.input));
  return checkSite(options);
}

/** `_data/front`: its shape, and every entry against the stories (drafts and scheduled ones count: they get there). */
function checkFront(dataDir: string, stories: StoryEntry[], sections: SectionsData | undefined): Problem[] {
  let read: ReturnType<typeof readFront>;
  try {
    read = readFront(dataDir);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  const paths: StorySections = new Map();
  for (const s of stories) paths.set(s.url, s.url.split("/")[1]!);
  return frontProblems(read.front, paths, sections ?? anything<SectionsData>(), read.file, read.source);
}

export function checkSite(options: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const site = loadData<SiteData>(path.join(options.data, "site.yaml"), problems);
  const sections = loadData<SectionsData>(path.join(options.data, "sections.yaml"), problems);
  const authors = loadData<AuthorsData>(path.join(options.data, "authors.yaml"), problems);
  const ctx: ValidationContext = {
    site: site ?? ({ timezone: "UTC" } as SiteData),
    sections: sections ?? anything<SectionsData>(),
    authors: authors ?? anything<AuthorsData>(),
    inputDir: options.input,
    now: options.now ?? DateTime.utc().toISO()!,
  };
  const now = DateTime.fromISO(ctx.now!);
  const stories: StoryEntry[] = [];
  const tags: { file: string; tags: unknown; line?: number }[] = [];
  problems.push(...contentFileProblems(options.input));
  const files = storyFiles(options.input);
  for (const abs of files) {
    const file = rel(abs);
    const { fm, problems: found } = checkArticleFile(file, ctx);
    problems.push(...found);
    if (!fm) continue;
    const data = (fm.data ?? {}) as Record<string, unknown>;
    const env: MarkdownEnv = { page: { inputPath: file }, site: ctx.site, eleventy: { directories: { input: options.input } }, problems: [], lineOffset: fm.bodyOffset };
    const tokens = contentParser.parse(fm.body, env as Env);
    problems.push(...env.problems!);
    tags.push({ file, tags: data.tags, line: lineOf(fm.lines, "tags") });
    const draft = data.draft === true;
    if (!draft && typeof data.description === "string" && /^TODO\b/.test(data.description)) {
      problems.push({ file, line: lineOfKey(fm.lines, "description"), key: "description", message: "still the placeholder from `npm run new`; write the dek before publishing" });
    }
    const slug = path.basename(file, ".md");
    if (typeof data.section !== "string" || !Object.hasOwn(ctx.sections, data.section)) continue;
    const date = typeof data.date === "string" ? parseContentDate(data.date, ctx.site.timezone) : undefined;
    stories.push({
      file,
      url: articlePath(data.section, slug),
      published: !draft && (!date || date <= now),
      draft,
      links: linksOf(tokens, fm.bodyOffset),
    });
  }
  problems.push(...topicProblems(tags));
  problems.push(...checkLinks(stories, site, sections ? Object.keys(sections) : []));
  problems.push(...checkFront(options.data, stories, sections));
  // Pages (src/pages/): their front matter and paths; then the site's policies name them.
  const pages = pageFiles(options.input);
  for (const abs of pages) {
    const file = rel(abs);
    problems.push(...checkPageFile(file, { sections: ctx.sections, inputDir: options.input }).problems);
    // a page's body has the same ::: blocks as a story's, checked the same way
    let fm;
    try {
      fm = readFrontMatter(file);
    } catch {
      continue; // checkPageFile reported it
    }
    const env: MarkdownEnv = { page: { inputPath: file }, site: ctx.site, eleventy: { directories: { input: options.input } }, problems: [], lineOffset: fm.bodyOffset };
    contentParser.parse(fm.body, env as Env);
    problems.push(...env.problems!);
  }
  if (site) {
    try {
      assertPolicies(site, pages.map((f) => pagePathOf(f, options.input)), options.data);
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, stories: files.length };
}
