/**
 * The photo library of one build: every raster image under `src/`, with its content
 * hash, dimensions and whether it decodes. Scanned (async, with sharp) before each
 * build, so that validation and layouts, which run synchronously, can ask about a
 * photo: `photoInfo(file)` for dimensions and hash, `photoProblem(file)` for errors.
 *
 * A full decode is the only reliable "is this image readable" test (a truncated JPEG
 * has a valid header), so its result is kept in `<cache>/photos.json` by content hash:
 * an unchanged photo is hashed, never decoded again.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { Problem } from "./schema.ts";

export const PHOTO_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

export interface PhotoInfo {
  /** absolute path */
  file: string;
  /** first 12 hex digits of the SHA-256 of the bytes: names every processed copy */
  hash: string;
  width: number;
  height: number;
  format: string;
}

type Scanned = { ok: true; info: PhotoInfo } | { ok: false; error: string };
interface Decoded {
  width: number;
  height: number;
  format: string;
  error?: string;
}

const library = new Map<string, Scanned>();
const roots = new Set<string>();
const byStat = new Map<string, { key: string; scanned: Scanned }>();

export const hashBytes = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);

/** Decodes an image fully; returns its size, or why it can't be read. */
export async function decodePhoto(bytes: Buffer): Promise<Decoded> {
  try {
    const img = sharp(bytes, { failOn: "error" });
    const meta = await img.metadata();
    await img.stats(); // forces a full decode
    const rotated = (meta.orientation ?? 1) >= 5;
    return { width: rotated ? meta.height! : meta.width!, height: rotated ? meta.width! : meta.height!, format: meta.format ?? "unknown" };
  } catch (e) {
    return { width: 0, height: 0, format: "unknown", error: (e as Error).message.replace(/\s+/g, " ").trim() };
  }
}

async function listPhotos(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && PHOTO_EXTENSIONS.test(e.name) && !e.parentPath.includes(`${path.sep}node_modules`))
    .map((e) => path.resolve(e.parentPath, e.name));
}

/** Scans every photo under `inputDir`; decode results are cached in `<cacheDir>/photos.json`. */
export async function scanPhotos(inputDir: string, cacheDir: string): Promise<{ photos: number; decoded: number }> {
  const manifestFile = path.join(cacheDir, "photos.json");
  const manifest: Record<string, Decoded> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};
  let decoded = 0;
  roots.add(path.resolve(inputDir) + path.sep);
  const files = await listPhotos(inputDir);
  await Promise.all(
    files.map(async (file) => {
      const s = await stat(file);
      const key = `${s.size}:${s.mtimeMs}`;
      const seen = byStat.get(file);
      if (seen?.key === key) return void library.set(file, seen.scanned);
      const bytes = await readFile(file);
      const hash = hashBytes(bytes);
      let d = manifest[hash];
      if (!d) {
        d = manifest[hash] = await decodePhoto(bytes);
        decoded++;
      }
      const scanned: Scanned = d.error ? { ok: false, error: d.error } : { ok: true, info: { file, hash, width: d.width, height: d.height, format: d.format } };
      byStat.set(file, { key, scanned });
      library.set(file, scanned);
    }),
  );
  for (const file of library.keys()) if (file.startsWith(path.resolve(inputDir) + path.sep) && !files.includes(file)) library.delete(file);
  if (decoded) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(manifestFile, JSON.stringify(manifest));
  }
  return { photos: files.length, decoded };
}

/** Why a photo can't be used: unreadable, or outside every scanned folder (undefined when fine or nothing was scanned). */
export function photoProblem(file: string): string | undefined {
  const abs = path.resolve(file);
  // Only what the image pipeline processes is a photo: anything else (an SVG, an HTML file) would be published raw.
  if (!PHOTO_EXTENSIONS.test(abs)) return `${file} is not a photo the site can publish; expected a jpeg, png, webp, avif, gif or tiff file`;
  if (roots.size && ![...roots].some((root) => abs.startsWith(root))) return `photo ${file} is outside the content folder; put it under src/`;
  const scanned = library.get(abs);
  return scanned && !scanned.ok ? `unreadable image ${file}: ${scanned.error}` : undefined;
}

/** Why a photo file can't be used: missing, unreadable or outside src/ (undefined when fine). */
export function unusablePhoto(file: string): string | undefined {
  return existsSync(file) ? photoProblem(file) : `photo file not found: ${file}`;
}

/** A scanned photo's hash and dimensions; throws if it was not scanned or is unreadable. */
export function photoInfo(file: string): PhotoInfo {
  const scanned = library.get(path.resolve(file));
  if (!scanned) throw new Error(`photo not found in the photo library (missing, or outside src/): ${file}`);
  if (!scanned.ok) throw new Error(`unreadable image ${file}: ${scanned.error}`);
  return scanned.info;
}

/**
 * The content folders' files beside the photos. What may live in the content folders (`src/articles/`, `src/pages/`): the folders an
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
