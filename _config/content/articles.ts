/**
 * Stories: validation of one story against the contract (schema + the rules a
 * schema can't see: known section and authors, dates in order, a valid slug, photo
 * files), the production rules (drafts, scheduled stories), and the typed view of a
 * story that every layout, card, feed and JSON-LD block reads.
 */
import path from "node:path";
import type { DateTime } from "luxon";
import { formatClock, formatMoment, parseContentDate, sameDay, toDateTime } from "./dates.ts";
import { typeset } from "./typeset.ts";
import { lineOfKey, lineOfListItem, lineOfPath, readFrontMatter, YamlProblem, type FrontMatter } from "./frontmatter.ts";
import { correctionNotice, correctionProblems, correctionsView, kindLabel, kindOf, lastModified, showsAuthorBio, type CorrectionView } from "./trust/index.ts";
import { firstFigure, photoFileProblem, resolvePhoto, type StoryPhoto } from "./blocks.ts";
import { currentBuild } from "../util/index.ts";
import {
  articleSchema,
  ISO_DATE_PATTERN,
  ContentError,
  SLUG_PATTERN,
  zodProblems,
  type ArticleData,
  type AuthorData,
  type AuthorsData,
  type ImageData,
  type Kind,
  type Problem,
  type SectionsData,
  type SiteData,
  type SourceData,
} from "./schema.ts";
import { articlePath, authorPath, isReservedPath, sectionPath, topicPath, topicSlug } from "./urls.ts";
import { slug as slugOfText } from "./slug.ts";

import type { BuildInfo } from "../util/index.ts";
export type { BuildInfo };

export interface ValidationContext {
  site: SiteData;
  sections: SectionsData;
  authors: AuthorsData;
  inputDir: string;
  /** the build's now (ISO 8601): a correction may not be dated after it, nor a story more than a year after it */
  now?: string;
}

/** The earliest year a story date may have. */
export const EARLIEST_YEAR = 1900;

/** Validates a story's front matter; returns every problem, with file lines. */
export function validateFrontMatter(file: string, fm: unknown, fmLines: string[], ctx: ValidationContext): Problem[] {
  // a missing nested key (image.alt) is reported on its parent's line (image)
  const lineOf = (key: string): number | undefined => lineOfPath(fmLines, key) ?? (key.includes(".") ? lineOf(key.slice(0, key.lastIndexOf("."))) : undefined);
  const problems: Problem[] = [];
  const slug = path.basename(file).replace(/\.md$/, "");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({ file, key: "(file name)", message: `"${slug}" is not a slug: lowercase ASCII letters, digits and single hyphens` });
  } else if (isReservedPath(slug)) {
    problems.push({ file, key: "(file name)", message: `"${slug}" is a path the site uses itself; rename the file` });
  }
  if (fm === null || typeof fm !== "object" || Array.isArray(fm)) {
    problems.push({ file, line: 1, key: "(front matter)", message: "expected front matter between --- lines with title, description, date and section" });
    return problems;
  }
  const result = articleSchema.safeParse(fm, { reportInput: true });
  if (!result.success) problems.push(...zodProblems(file, result.error, lineOf));
  const data = fm as Partial<Record<keyof ArticleData, unknown>>;
  if (typeof data.section === "string" && SLUG_PATTERN.test(data.section) && !Object.hasOwn(ctx.sections, data.section)) {
    problems.push({ file, line: lineOf("section"), key: "section", message: `unknown section "${data.section}"; expected one of ${Object.keys(ctx.sections).join(", ")} (from _data/sections)` });
  }
  if (Array.isArray(data.authors)) {
    data.authors.forEach((a, i) => {
      if (typeof a === "string" && SLUG_PATTERN.test(a) && !Object.hasOwn(ctx.authors, a)) {
        problems.push({ file, line: lineOf("authors"), key: `authors.${i}`, message: `unknown author "${a}"; expected a slug from _data/authors` });
      }
    });
  }
  const dates: Partial<Record<"date" | "updated", DateTime>> = {};
  const now = ctx.now ? Date.parse(ctx.now) : Date.now();
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  for (const key of ["date", "updated"] as const) {
    const value = data[key];
    if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) continue; // the schema reports these
    const dt = parseContentDate(value, ctx.site.timezone);
    if (!dt) problems.push({ file, line: lineOf(key), key, message: `"${value}" is not a real calendar date` });
    else if (dt.year < EARLIEST_YEAR) problems.push({ file, line: lineOf(key), key, message: `${value} is before ${EARLIEST_YEAR}; expected the real date` });
    else if (dt.toMillis() > latest.getTime()) problems.push({ file, line: lineOf(key), key, message: `${value} is more than a year after now; expected the real date (a story can be scheduled up to a year ahead)` });
    else dates[key] = dt;
  }
  if (Array.isArray(data.tags)) problems.push(...tagProblems(file, data.tags, lineOf("tags")));
  if (dates.date && dates.updated && dates.updated < dates.date) {
    problems.push({ file, line: lineOf("updated"), key: "updated", message: `${v(dates.updated)} is before date ${v(dates.date)}; expected the same moment or later` });
  }
  problems.push(...correctionProblems(file, data.corrections, { date: dates.date, now: ctx.now, zone: ctx.site.timezone, lineOf: (i) => lineOfListItem(fmLines, "corrections", i) }));
  const image = data.image as Partial<ImageData> | undefined;
  if (image && typeof image === "object" && typeof image.src === "string") {
    const photo = photoFileProblem(image.src, file, ctx.inputDir);
    if ("problem" in photo) problems.push({ file, line: lineOf("image.src"), key: "image.src", message: photo.problem });
    if (ctx.site.requireCredits && !image.credit) problems.push({ file, line: lineOf("image"), key: "image.credit", message: "required (the site requires a credit on every photo)" });
  }
  return problems;
}

/**
 * Two spellings of one tag: the same words, whatever the case and whether they are
 * joined by spaces or hyphens ("Middle East", "middle-east"). They are one topic; two
 * tags whose slugs meet otherwise ("C++" and "C#" are both /topics/c/) are an error.
 */
export const sameTag = (a: string, b: string) => a.toLowerCase().replace(/[\s-]+/g, " ").trim() === b.toLowerCase().replace(/[\s-]+/g, " ").trim();

/** A story's tags: each needs a topic slug, and two tags of one story never share one. */
function tagProblems(file: string, tags: unknown[], line: number | undefined): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, string>();
  tags.forEach((tag, i) => {
    if (typeof tag !== "string" || !tag.trim()) return; // the schema reports these
    const s = slugOfText(tag);
    if (!s) problems.push({ file, line, key: `tags.${i}`, message: `"${tag}" has no letters or digits, so it can have no topic page (/topics/<slug>/); expected a word` });
    else if (bySlug.has(s) && !sameTag(bySlug.get(s)!, tag)) problems.push({ file, line, key: `tags.${i}`, message: `"${tag}" and "${bySlug.get(s)}" would share one topic page (/topics/${s}/); use one spelling` });
    else bySlug.set(s, tag);
  });
  return problems;
}

/**
 * Across stories: two different tags with one topic slug would share one topic page,
 * titled by whichever came first (two spellings of one tag, `sameTag`, are fine). `check` and the build (the articles collection) both
 * run this on every story's tags.
 */
export function topicProblems(stories: { file: string; tags: unknown; line?: number }[]): Problem[] {
  const first = new Map<string, { tag: string; file: string }>();
  const problems: Problem[] = [];
  for (const story of [...stories].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!Array.isArray(story.tags)) continue;
    story.tags.forEach((tag, i) => {
      if (typeof tag !== "string") return;
      const s = slugOfText(tag);
      if (!s) return; // the story's own validation reports it
      const seen = first.get(s);
      if (!seen) first.set(s, { tag, file: story.file });
      else if (!sameTag(seen.tag, tag) && seen.file !== story.file) {
        problems.push({ file: story.file, line: story.line, key: `tags.${i}`, message: `"${tag}" and "${seen.tag}" (in ${seen.file}) would share one topic page (/topics/${s}/); use one spelling` });
      }
    });
  }
  return problems;
}

const v = (dt: DateTime) => dt.toISO({ suppressMilliseconds: true });

/** Reads and validates one story file: its front matter (or null) and every problem. */
export function checkArticleFile(file: string, ctx: ValidationContext): { fm?: FrontMatter; problems: Problem[] } {
  let fm: FrontMatter;
  try {
    fm = readFrontMatter(file);
  } catch (e) {
    if (e instanceof YamlProblem) return { problems: [{ file, line: e.line, key: e.key, message: e.message }] };
    throw e;
  }
  const problems = validateFrontMatter(file, fm.data, fm.lines, ctx);
  const draft = (fm.data as { draft?: unknown } | null)?.draft === true;
  if (fm.data && !draft && !fm.body.trim()) {
    problems.push({ file, line: fm.bodyOffset ? fm.bodyOffset + 1 : undefined, key: "(body)", message: "a public story needs body text after the front matter (only a draft may be empty)" });
  }
  return { fm, problems };
}

// Within one build a story is validated once: its computed view asks first (a view of
// invalid data would fail with a confusing error), then its data schema.
let checkedIn = 0;
const checked = new Map<string, ArticleData>();

/** Reads and validates one story file; throws a ContentError listing every problem. */
export function assertArticleFile(file: string, ctx: ValidationContext): ArticleData {
  const build = currentBuild(); // 0 outside a build: always checked afresh
  if (build !== checkedIn) {
    checked.clear();
    checkedIn = build;
  }
  const hit = build ? checked.get(file) : undefined;
  if (hit) return hit;
  const { fm, problems } = checkArticleFile(file, ctx);
  if (problems.length || !fm) throw new ContentError(problems);
  if (build) checked.set(file, fm.data as ArticleData);
  return fm.data as ArticleData;
}

/** Drafts and scheduled stories are left out of production builds. */
export function isPublic(data: Pick<ArticleData, "draft">, date: Date, build: BuildInfo): boolean {
  if (!build.production) return true;
  return !data.draft && date.getTime() <= Date.parse(build.now);
}

export interface Link {
  name: string;
  url: string;
}

export interface ArticleView {
  url: string;
  /** the headline, typeset (curly quotes, dashes): plain text, as everything shows it */
  title: string;
  /** the dek, typeset like the title */
  description: string;
  published: DateTime;
  updated?: DateTime;
  /**
   * The dates as readers see them, in the site's zone and `dateStyle`: published with
   * its time when the story gives one ("Sept. 2, 2026, 9:14 a.m. EDT"); updated as a
   * time alone on the same day ("2:30 p.m. EDT"); the date alone for cards.
   */
  shown: { published: string; updated?: string; date: string };
  section: Link & { slug: string };
  authors: (AuthorData & { slug: string; url: string })[];
  /** "Jane Doe and John Roe", else the source's name, else the newsroom */
  byline: string;
  tags: (Link & { slug: string })[];
  image?: ImageData & { url: string };
  /** the photo that stands for the story in lists and when shared: the lead photo, else the first body figure */
  photo?: StoryPhoto;
  source?: SourceData;
  draft: boolean;
  scheduled: boolean;
  /** the kind of work (its own `kind`, else its section's, else news) */
  kind: Kind;
  /** what readers see: "Opinion", "Sponsored content"…; none for news */
  kindLabel?: string;
  /** opinion and analysis close with the author's role and bio */
  showsAuthorBio: boolean;
  /** where the reporting was done: "KYIV, Ukraine" */
  dateline?: string;
  /** the story's language when it is not the site's (BCP 47) */
  language?: string;
  /** oldest first */
  corrections: CorrectionView[];
  /** "This story was corrected on …" when it was */
  correctionNotice?: string;
  /** the latest of publication, `updated` and the corrections */
  modified: DateTime;
}

/**
 * The story's first body figure, for cards and share images. Its photo must be usable:
 * the view is made before the body is rendered (which reports the same problem).
 */
function usableFigure(inputPath: string, inputDir: string): StoryPhoto | undefined {
  const photo = firstFigure(inputPath, inputDir);
  const checked = photo && photoFileProblem(photo.src, inputPath, inputDir);
  if (checked && "problem" in checked) throw new ContentError([{ file: inputPath.replace(/^\.\//, ""), line: photo!.line, key: "figure.src", message: checked.problem }]);
  return photo;
}

/** The typed view of a story, from its (validated) data. */
export function articleView(
  data: ArticleData,
  page: { url: string; inputPath: string; date: Date },
  ctx: { site: SiteData; sections: SectionsData; authors: AuthorsData; build: BuildInfo; inputDir: string },
): ArticleView {
  const zone = ctx.site.timezone;
  const authors = (data.authors ?? []).flatMap((slug) => {
    const a = Object.hasOwn(ctx.authors, slug) ? ctx.authors[slug] : undefined;
    return a ? [{ ...a, slug, url: authorPath(slug) }] : [];
  });
  const names = authors.map((a) => a.name);
  const byline =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? data.source?.name ?? ctx.site.newsroom);
  const published = toDateTime(page.date, zone);
  const updated = data.updated ? toDateTime(data.updated, zone) : undefined;
  const corrections = correctionsView(data.corrections, zone, ctx.site.dateStyle);
  const kind = kindOf(data, ctx.sections);
  const style = ctx.site.dateStyle;
  // a date without a time (2022-10-04) is shown without one: midnight is not when it happened
  const hasTime = (value: unknown) => typeof value !== "string" || value.length > 10;
  const lead = data.image ? { ...data.image, ...resolvePhoto(data.image.src, page.inputPath, ctx.inputDir) } : undefined;
  return {
    url: page.url,
    title: typeset(data.title),
    description: typeset(data.description),
    published,
    updated,
    shown: {
      published: formatMoment(published, zone, style, hasTime(data.date)),
      updated: updated && (hasTime(data.updated) && sameDay(updated, published, zone) ? formatClock(updated, zone, style) : formatMoment(updated, zone, style, hasTime(data.updated))),
      date: formatMoment(published, zone, style, false),
    },
    section: { slug: data.section, name: (Object.hasOwn(ctx.sections, data.section) ? ctx.sections[data.section]?.title : undefined) ?? data.section, url: sectionPath(data.section) },
    authors,
    byline,
    tags: (data.tags ?? []).map((name) => ({ name, slug: topicSlug(name), url: topicPath(name) })),
    image: lead && { ...data.image!, url: lead.url },
    photo: lead ?? usableFigure(page.inputPath, ctx.inputDir),
    source: data.source,
    draft: data.draft === true,
    scheduled: published.toMillis() > Date.parse(ctx.build.now),
    kind,
    kindLabel: kindLabel(kind),
    showsAuthorBio: showsAuthorBio(kind),
    dateline: data.dateline,
    language: data.language && data.language !== ctx.site.language ? data.language : undefined,
    corrections,
    correctionNotice: correctionNotice(corrections),
    modified: lastModified(published, updated, corrections),
  };
}

export { articlePath };
