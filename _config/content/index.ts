/**
 * The content room's door. The content contract: zod schemas and their types, the front-matter reader, story validation and views, site data, slugs, dates, URLs, the ::: block syntax and the photo library.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import dataPlugin from "./data.ts";
import datesPlugin from "./dates.ts";
import { CONTENT_TEMPLATE_IGNORES, contentFileProblems } from "./photo-files.ts";
import { ContentError } from "./schema.ts";

export * from "./articles.ts";
export * from "./blocks.ts";
export * from "./data.ts";
export * from "./dates.ts";
export * from "./front.ts";
export * from "./frontmatter.ts";
export * from "./photo-files.ts";
export * from "./schema.ts";
export * from "./slug.ts";
export * from "./topics-not-collections.ts";
export * from "./trust/index.ts";
export * from "./typeset.ts";
export * from "./urls.ts";

/** The content room's plugin. */
export default function contentPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(datesPlugin);
  // Content folders hold content only (photo-files.ts contentFileProblems): never a template of Eleventy's,
  // and a build with a stray file fails before any template or data file is read.
  for (const glob of CONTENT_TEMPLATE_IGNORES) eleventyConfig.ignores.add(`${eleventyConfig.directories.input}${glob}`);
  eleventyConfig.on("eleventy.before", (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { input: string } };
    const problems = contentFileProblems(directories.input);
    if (problems.length) throw new ContentError(problems);
  });
}
