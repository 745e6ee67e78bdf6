/**
 * What may live in the content folders (`src/articles/`, `src/pages/`): the folders an
 * editor (or a browser CMS, or a `git pull`) writes. Stories and pages (`.md`), photos,
 * and the project's own directory-data files (an exact allow-list), nothing else:
 *
 * - template or code files (`*.11ty.tsx`, `*.11tydata.js`, `*.ts`, `.njk`, …) would be
 *   imported and run by Eleventy on the build machine;
 * - data files Eleventy reads by name (`<story>.json` beside a story, `<folder>.json`)
 *   would change a story's layout or permalink behind the schema's back;
 * - any other file (an SVG, a PDF) would be expected on the site, and is not published
 *   (only photos through the image pipeline are): so it is an error now, not a 404 later;
 * - a symbolic link can point anywhere on the machine (and `check` and Eleventy disagree
 *   about following it).
 *
 * Dot-files (`.DS_Store`, editors' swap files) are skipped unless they look like code.
 * `npm run check` and the build (eleventy.before, before any template is read) run this
 * same function; Eleventy also ignores template files below these folders.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { PHOTO_EXTENSIONS } from "./photo-files.ts";
import type { Problem } from "./schema.ts";

/** The folders under `src/` that hold content, not code. */
export const CONTENT_FOLDERS = ["articles", "pages"] as const;

/** Project-owned files inside content folders (paths below `src/`): directory data the project ships. */
export const PROJECT_FILES_IN_CONTENT: readonly string[] = ["articles/articles.11tydata.ts", "pages/pages.11tydata.ts"];

/** Files Eleventy (or a browser) would execute or read as data/markup. */
const CODE = /\.(11ty\.[a-z]+|11tydata\.[a-z]+|[cm]?[jt]sx?|json5?|ya?ml|njk|liquid|hbs|mustache|ejs|haml|pug|webc|html?|xhtml|svgz?|xml|php|sh)$/i;

/** Glob patterns (below the input folder) Eleventy must never treat as templates. */
export const CONTENT_TEMPLATE_IGNORES = CONTENT_FOLDERS.map((folder) => `${folder}/**/*.{11ty.*,njk,liquid,hbs,mustache,ejs,haml,pug,webc,html}`);

export function contentFileProblems(inputDir: string): Problem[] {
  const problems: Problem[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  for (const folder of CONTENT_FOLDERS) {
    const root = path.join(inputDir, folder);
    let entries;
    try {
      entries = readdirSync(root, { recursive: true, withFileTypes: true });
    } catch {
      continue; // no such folder
    }
    for (const entry of entries) {
      const full = path.join(entry.parentPath, entry.name);
      const below = path.relative(inputDir, full).split(path.sep).join("/");
      if (PROJECT_FILES_IN_CONTENT.includes(below) || below.split("/").includes("node_modules")) continue;
      const dot = below.split("/").some((part) => part.startsWith("."));
      if (dot && !CODE.test(entry.name)) continue;
      const problem = (message: string) => problems.push({ file: rel(full), key: "(file)", message });
      if (entry.isSymbolicLink()) problem("a symbolic link in a content folder (it can point anywhere on the machine); copy the file or folder in instead");
      else if (entry.isDirectory()) continue;
      else if (!entry.isFile()) problem("not a regular file; remove it");
      else if (/\.md$/i.test(entry.name) || PHOTO_EXTENSIONS.test(entry.name)) continue;
      else if (/\.svgz?$/i.test(entry.name)) problem("an SVG in a content folder is never published (it can carry scripts); export it as PNG or JPEG and show it with ::: figure");
      else if (CODE.test(entry.name)) problem(`a code, template or data file in a content folder; Newsroom never loads it (code runs only from the project's own templates: src/*.11ty.tsx, _includes/, _config/); remove it`);
      else problem("an unknown file in a content folder: only stories and pages (.md) and photos (.jpg, .png, .webp, .avif, .gif, .tif) belong here, and nothing else is published; remove it");
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}
