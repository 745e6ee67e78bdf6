/**
 * `_data/front.yaml`: what leads the home page and, optionally, each section front.
 *
 *   home:                       # the home page; the first is the lead story
 *     - /world/surrender-hotline/
 *     - /science/quietest-hours/
 *   sections:                   # optional, per section front (same shape)
 *     world:
 *       - /world/surrender-hotline/
 *
 * Every entry is a story's path. The schema checks the shape; `frontProblems` checks
 * the entries against the stories (a path no story has is an error naming
 * `_data/front` and the entry). `npm run check` and the build share both.
 * The file is optional: without it every front is newest first.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, slugSchema, zodProblems, type Problem, type SectionsData } from "./schema.ts";
import { parseYaml } from "./frontmatter.ts";

/** `/<section>/<slug>/`, as a story's URL reads (no path prefix, no host). */
export const STORY_PATH_PATTERN = /^\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
const storyPathSchema = z.string().regex(STORY_PATH_PATTERN, { message: "a story path like /world/story-slug/" });
const frontListSchema = z.array(storyPathSchema).max(50);

export const frontSchema = z.strictObject({
  home: frontListSchema.optional(),
  sections: z.record(slugSchema, frontListSchema).optional(),
});

export type FrontData = z.infer<typeof frontSchema>;

export const FRONT_FILE = "front.yaml";

/** What the stories are, as the front's rules need them: path → its section (every story, drafts too). */
export type StorySections = Map<string, string>;

/** 1-based line of `entry` in the file, searched from the line of `after` (a key) on. */
function lineOf(lines: string[], entry: string, after?: string): number | undefined {
  let from = 0;
  if (after) {
    const at = lines.findIndex((l) => new RegExp(`^\\s*${after}\\s*:`).test(l));
    if (at >= 0) from = at;
  }
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(entry)) return i + 1;
  return undefined;
}

/**
 * Every problem of a (schema-valid) front against the stories and sections: a path no
 * story has, a section that does not exist, a story listed on another section's front,
 * a story listed twice. A listed draft or scheduled story is not a problem: the front
 * leaves it out until it is public.
 */
export function frontProblems(front: FrontData, stories: StorySections, sections: SectionsData, file: string, source = ""): Problem[] {
  const lines = source.split(/\r?\n/);
  const problems: Problem[] = [];
  const checkList = (list: string[], key: string, section?: string) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      const at = { file, line: lineOf(lines, entry, section ?? (key === "home" ? "home" : undefined)), key: `${key}.${i}` };
      const storySection = stories.get(entry);
      if (storySection === undefined) problems.push({ ...at, message: `no story has the path "${entry}"; expected the path of a story in src/articles/ (/<section>/<slug>/)` });
      else if (section && storySection !== section) problems.push({ ...at, message: `"${entry}" is a story of section ${storySection}, not ${section}` });
      if (seen.has(entry)) problems.push({ ...at, message: `"${entry}" is listed twice` });
      seen.add(entry);
    });
  };
  checkList(front.home ?? [], "home");
  for (const [slug, list] of Object.entries(front.sections ?? {})) {
    if (!(slug in sections)) {
      problems.push({ file, line: lineOf(lines, `${slug}:`, "sections"), key: `sections.${slug}`, message: `unknown section "${slug}"; expected one of ${Object.keys(sections).join(", ")} (from _data/sections)` });
      continue;
    }
    checkList(list, `sections.${slug}`, slug);
  }
  return problems;
}

/** Parses and validates the front file's text (what Eleventy's data loader and `check` both call). */
export function parseFront(source: string, file: string): FrontData {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    const line = (e as { mark?: { line?: number } }).mark?.line;
    throw new ContentError([{ file, line: line === undefined ? undefined : line + 1, key: "(yaml)", message: `malformed YAML: ${(e as { reason?: string }).reason ?? (e as Error).message}` }]);
  }
  const result = frontSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const lines = source.split(/\r?\n/);
    const lineOfKey = (key: string) => {
      const parts = key.split(".");
      const last = parts.at(-1)!;
      // a list entry (home.2) is found by its position under its key
      if (/^\d+$/.test(last)) {
        const start = lineOf(lines, `${parts.at(-2)}:`);
        if (start === undefined) return undefined;
        const items = lines.map((l, i) => [l, i + 1] as const).filter(([l, n]) => n > start && /^\s*-\s/.test(l));
        return items[Number(last)]?.[1];
      }
      return lineOf(lines, `${last}:`);
    };
    throw new ContentError(zodProblems(file, result.error, lineOfKey));
  }
  return result.data;
}

/** The front file of a data folder: its data (empty without the file), its text and its name. */
export function readFront(dataDir: string): { front: FrontData; source: string; file: string } {
  const abs = path.join(dataDir, FRONT_FILE);
  const file = path.relative(process.cwd(), abs) || abs;
  if (!existsSync(abs)) return { front: {}, source: "", file };
  const source = readFileSync(abs, "utf8");
  return { front: parseFront(source, file), source, file };
}

/** Reads the front and checks it against the stories; throws a ContentError listing every problem. */
export function assertFront(dataDir: string, stories: StorySections, sections: SectionsData): FrontData {
  const { front, source, file } = readFront(dataDir);
  const problems = frontProblems(front, stories, sections, file, source);
  if (problems.length) throw new ContentError(problems);
  return front;
}
