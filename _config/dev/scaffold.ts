/**
 * `npm run new`: a new story file with valid front matter, as a draft. The slug
 * comes from the headline, the date is now in the site's time zone, and the dek is
 * a TODO placeholder that `check` accepts in a draft and rejects once published.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { storyFiles } from "./check.ts";
import { parseDataFile } from "../content/index.ts";
import { readFrontMatter } from "../content/index.ts";
import { articleSchema, SLUG_PATTERN, type AuthorsData, type SectionsData, type SiteData } from "../content/index.ts";
import { slugForLanguage } from "../content/index.ts";

export interface NewStoryOptions {
  /** content folder (`src`) */
  input: string;
  /** data folder (`_data`) */
  data: string;
  title: string;
  section: string;
  authors?: string[];
  /** override the slug made from the headline */
  slug?: string;
  /** the story's language (BCP 47, e.g. uk); default the site's. It picks the headline's romanization for the slug */
  language?: string;
  /** "now" (ISO); default: the clock */
  now?: string;
}

/** A mistake in the command's arguments: the message says what to type instead. */
export class UsageError extends Error {}

const load = <T>(dir: string, name: string) => {
  const file = path.join(dir, `${name}.yaml`);
  return parseDataFile(readFileSync(file, "utf8"), file) as T;
};

/** A YAML scalar that stays a string whatever the headline holds (JSON strings are YAML). */
const yamlString = (s: string) => JSON.stringify(s);

export function storySource(o: { title: string; section: string; date: string; authors: string[]; language?: string }): string {
  return [
    "---",
    `title: ${yamlString(o.title)}`,
    `description: ${yamlString("TODO: the dek, one plain sentence under the headline")}`,
    `date: ${o.date}`,
    `section: ${o.section}`,
    ...(o.authors.length ? [`authors: [${o.authors.join(", ")}]`] : []),
    ...(o.language ? [`language: ${o.language}`] : []),
    "draft: true",
    "---",
    "Write the story here.",
    "",
  ].join("\n");
}

/** Writes the new story and returns its path; never overwrites. */
export function newStory(o: NewStoryOptions): string {
  const title = o.title.trim().replace(/\s+/g, " ");
  if (!title) throw new UsageError('a headline is required: npm run new -- --section world "Headline here"');
  const site = load<SiteData>(o.data, "site");
  const sections = load<SectionsData>(o.data, "sections");
  const staff = load<AuthorsData>(o.data, "authors");
  if (!Object.hasOwn(sections, o.section)) {
    throw new UsageError(`unknown section "${o.section}"; expected one of ${Object.keys(sections).join(", ")} (from _data/sections)`);
  }
  const authors = o.authors ?? [];
  for (const a of authors) {
    if (!(a in staff)) throw new UsageError(`unknown author "${a}"; expected one of ${Object.keys(staff).join(", ")} (from _data/authors)`);
  }
  const language = o.language ?? site.language;
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language)) throw new UsageError(`--language "${language}" is not a BCP 47 language tag like uk or en-GB`);
  const slug = o.slug ?? (slugForLanguage(title, language) || "section").slice(0, 80).replace(/-+$/, "");
  if (!SLUG_PATTERN.test(slug) || slug === "section") throw new UsageError(`cannot make a slug from "${title}"; pass one with --slug`);
  const now = (o.now ? DateTime.fromISO(o.now) : DateTime.now()).setZone(site.timezone).startOf("second");
  const file = path.join(o.input, "articles", now.toFormat("yyyy"), `${slug}.md`);
  if (existsSync(file)) throw new UsageError(`${file} already exists; choose another headline or --slug`);
  for (const other of storyFiles(o.input)) {
    if (path.basename(other) !== `${slug}.md`) continue;
    const data = readFrontMatter(other).data as { section?: unknown } | null;
    if (data?.section === o.section) throw new UsageError(`${other} already has the URL /${o.section}/${slug}/; choose another headline or --slug`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const date = now.toISO({ suppressMilliseconds: true, includeOffset: true })!;
  // The story names its language when it is not the site's, once the contract has the key.
  const declared = language !== site.language && "language" in articleSchema.shape ? language : undefined;
  writeFileSync(file, storySource({ title, section: o.section, date, authors, language: declared }), { flag: "wx" });
  return file;
}
