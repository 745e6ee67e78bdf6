/**
 * Every page that is not a story (src/pages/**\/*.md): its layout, its URL (its path
 * under src/pages/: about/ethics.md → /about/ethics/), and its contract check.
 */
import { assertPageFile, pagePathOf } from "../../_config/content/index.ts";
import type { PageData, SectionsData } from "../../_config/content/index.ts";

interface PageCascade extends PageData {
  page: { inputPath: string };
  sections: SectionsData;
  eleventy: { directories: { input: string } };
}

const fileOf = (data: PageCascade) => data.page.inputPath.replace(/^\.\//, "");

export default {
  layout: "page.11ty.tsx",
  permalink: (data: PageCascade) => pagePathOf(fileOf(data), data.eleventy.directories.input),
  eleventyDataSchema: (data: PageCascade) => {
    assertPageFile(fileOf(data), { sections: data.sections, inputDir: data.eleventy.directories.input });
  },
};
