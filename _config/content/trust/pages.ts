/**
 * Pages that are not stories (`src/pages/**\/*.md`: about, ethics, corrections policy,
 * contact…): their front matter (pageSchema), their path, and the paths they may not
 * take (a section's, a story's, one the site uses itself). And the site's policies
 * (`_data/site` `policies`), each of which must name one of these pages.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { lineOfKey, readFrontMatter, YamlProblem } from "../frontmatter.ts";
import { ContentError, pageSchema, POLICY_KEYS, RESERVED_SECTION_SLUGS, zodProblems, type PageData, type Problem, type SectionsData, type SiteData } from "../schema.ts";
import { articlePath, pagePath } from "../urls.ts";

/** First path segments a page may not take besides the sections (Pagefind writes /pagefind/). */
/** The site's own first path segments (one list: urls.ts RESERVED_PATHS). */
export const RESERVED_PAGE_SEGMENTS = RESERVED_SECTION_SLUGS;

export interface PageContextForCheck {
  sections: SectionsData;
  /** the content folder (holding pages/ and articles/) */
  inputDir: string;
}

/** The site path of a page file (any path below `<input>/pages/`). */
export function pagePathOf(file: string, inputDir: string): string {
  const rel = path.relative(path.join(inputDir, "pages"), file).split(path.sep).join("/");
  return pagePath(rel);
}

/** A story file whose URL is `urlPath`, if any (the slug is its file name, the section its front matter's). */
function storyAt(urlPath: string, inputDir: string): string | undefined {
  const [section, slug, ...rest] = urlPath.split("/").filter(Boolean);
  if (!section || !slug || rest.length) return undefined;
  let entries;
  try {
    entries = readdirSync(path.join(inputDir, "articles"), { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries) {
    if (!e.isFile() || e.name !== `${slug}.md`) continue;
    const file = path.join(e.parentPath, e.name);
    try {
      const data = readFrontMatter(file).data as { section?: unknown } | null;
      if (data?.section === section && articlePath(section, slug) === urlPath) return file;
    } catch {
      // its own check reports it
    }
  }
  return undefined;
}

/** Every problem of one page file: its front matter, its body, and a path that is taken. */
export function checkPageFile(file: string, ctx: PageContextForCheck): { data?: PageData; problems: Problem[] } {
  let fm;
  try {
    fm = readFrontMatter(file);
  } catch (e) {
    if (e instanceof YamlProblem) return { problems: [{ file, line: e.line, key: e.key, message: e.message }] };
    throw e;
  }
  const problems: Problem[] = [];
  const lineOf = (key: string) => lineOfKey(fm.lines, key);
  if (fm.data === null || typeof fm.data !== "object" || Array.isArray(fm.data)) {
    problems.push({ file, line: 1, key: "(front matter)", message: "expected front matter between --- lines with title and description" });
  } else {
    const result = pageSchema.safeParse(fm.data, { reportInput: true });
    if (!result.success) problems.push(...zodProblems(file, result.error, lineOf));
  }
  if (!fm.body.trim()) problems.push({ file, line: fm.bodyOffset ? fm.bodyOffset + 1 : undefined, key: "(body)", message: "a page needs body text after the front matter" });
  const urlPath = pagePathOf(file, ctx.inputDir);
  const first = urlPath.split("/").filter(Boolean)[0];
  const taken = (message: string) => problems.push({ file, key: "(path)", message: `${urlPath} ${message}; move or rename the page` });
  if (!first) taken("is the home page's path");
  else if (Object.hasOwn(ctx.sections, first)) {
    const story = storyAt(urlPath, ctx.inputDir);
    if (story) taken(`is the path of the story ${path.relative(process.cwd(), story)}`);
    else taken(`is inside the section "${first}" (_data/sections: /${first}/ and its stories' paths are the section's)`);
  } else if ((RESERVED_PAGE_SEGMENTS as readonly string[]).includes(first)) {
    taken(`is inside /${first}/, a path the site uses itself (${RESERVED_PAGE_SEGMENTS.map((s) => `/${s}/`).join(", ")})`);
  }
  return { data: problems.length ? undefined : (fm.data as PageData), problems };
}

/** Reads and validates one page file; throws a ContentError listing every problem. */
export function assertPageFile(file: string, ctx: PageContextForCheck): PageData {
  const { data, problems } = checkPageFile(file, ctx);
  if (problems.length || !data) throw new ContentError(problems);
  return data;
}

/** A policy in `_data/site` whose path no page has: names the data file, the key and the path. */
export function policyProblems(site: Pick<SiteData, "policies">, pagePaths: Iterable<string>, dataFile = "_data/site.yaml"): Problem[] {
  const have = new Set(pagePaths);
  const problems: Problem[] = [];
  for (const key of POLICY_KEYS) {
    const target = site.policies?.[key];
    if (target && !have.has(target)) {
      const known = [...have].sort();
      problems.push({
        file: dataFile,
        key: `policies.${key}`,
        message: `${target} is no page of the site; expected the path of a page in src/pages/ (${known.length ? known.join(", ") : "there are none"})`,
      });
    }
  }
  return problems;
}

/** Page files: src/pages/**\/*.md (no dot-folders). */
export function pageFiles(inputDir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(inputDir, "pages"), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md") && !path.relative(inputDir, e.parentPath).split(path.sep).some((s) => s.startsWith(".")))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
