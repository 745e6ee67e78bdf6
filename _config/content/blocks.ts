/**
 * The two blocks the content contract needs without HTML (`::: figure` and
 * `::: related`): parsing their `key: value` lines with every problem found, and
 * resolving photo paths. Rendering them is the markdown room's (blocks-html.ts);
 * `check`, story validation and the photo scan use these directly.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { currentBuild } from "../util/index.ts";
import { bodyStart } from "./frontmatter.ts";
import { PHOTO_EXTENSIONS, photoProblem } from "./photo-files.ts";
import type { ImageData, Problem } from "./schema.ts";
import { isLinkTarget } from "./urls.ts";

export const BLOCK_KINDS = {
  figure: { keys: ["src", "alt", "caption", "credit"], required: ["src", "alt", "caption"] },
  related: { keys: ["title", "url"], required: ["title", "url"] },
} as const;
export type BlockKind = keyof typeof BLOCK_KINDS;

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
  if (kind === "related" && fields.url && !isLinkTarget(fields.url)) {
    problems.push({ file, line: at(0), key: "related.url", message: "expected an absolute http(s) URL or a site path starting with / (not // or /\\, which leave the site)" });
  }
  return { block: problems.length ? undefined : { kind: kind as BlockKind, line, fields }, problems };
}

/** Resolves a photo path: relative to the story's file, or from `src/` when it starts with "/". */
export function resolvePhoto(src: string, inputPath: string, inputDir: string): { file: string; url: string } {
  const file = src.startsWith("/") ? path.join(inputDir, src) : path.join(path.dirname(inputPath), src);
  const rel = path.relative(inputDir, file).split(path.sep).join("/");
  return { file, url: `/${rel}` };
}

/** A URL with a scheme (`https:`, `data:`) or protocol-relative (`//host/`): not a file of ours. */
export const isRemoteSrc = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//") || src.startsWith("\\\\");

/**
 * Every rule a photo path must pass, for the lead image (`image.src`), `::: figure` and
 * author photos alike, in check and build: a file of ours (not remote), inside `src/`,
 * a raster image (an SVG can carry scripts), a name that is a plain URL path, no
 * symbolic links (they can point anywhere), not empty, and decodable (the photo scan).
 * Returns the resolved photo, or why it can't be used.
 */
export function photoFileProblem(src: string, inputPath: string, inputDir: string): { problem: string } | { file: string; url: string } {
  if (isRemoteSrc(src)) return { problem: `"${src}" is a remote image; save the photo under src/ (beside the story) and give its file name` };
  const resolved = resolvePhoto(src, inputPath, inputDir);
  // named from the working folder, however the input folder was given (check: absolute)
  const photo = { ...resolved, file: path.relative(process.cwd(), path.resolve(resolved.file)) || resolved.file };
  const rel = path.relative(path.resolve(inputDir), path.resolve(photo.file));
  if (rel.startsWith("..") || path.isAbsolute(rel)) return { problem: `photo ${photo.file} is outside the content folder; put it under src/` };
  if (/\.svg$/i.test(photo.file)) return { problem: `${photo.file}: an SVG is not accepted as a photo (it can carry scripts); export it as PNG or JPEG` };
  if (!PHOTO_EXTENSIONS.test(photo.file)) return { problem: `${photo.file} is not a photo file; expected .jpg, .jpeg, .png, .webp, .avif, .gif or .tif(f)` };
  if (/[#?%\\]/.test(path.basename(photo.file))) return { problem: `${photo.file}: a photo file name may not contain # ? % or \\ (they break its URL); rename the file` };
  if (!existsSync(photo.file) && !isSymlink(photo.file)) return { problem: `photo file not found: ${photo.file}` };
  if (hasSymlink(photo.file, inputDir)) return { problem: `${photo.file} is (or is inside) a symbolic link; copy the photo into src/ instead` };
  if (statSync(photo.file).size === 0) return { problem: `${photo.file} is an empty file (0 bytes)` };
  const unreadable = photoProblem(photo.file);
  return unreadable ? { problem: unreadable } : photo;
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether any part of `file`'s path below `inputDir` is a symbolic link. */
function hasSymlink(file: string, inputDir: string): boolean {
  try {
    return realpathSync(file) !== path.join(realpathSync(inputDir), path.relative(inputDir, file));
  } catch {
    return true;
  }
}

/** A story's photo: its data, site path and file (and, for a body figure, the file line of its block). */
export type StoryPhoto = ImageData & { url: string; file: string; line?: number };
const figureCache = new Map<string, { mtimeMs: number; build: number; photo: StoryPhoto | undefined }>();

/**
 * A story's first body figure (for cards and share images when it has no lead photo).
 * Within a build it is looked up once (one stat; the file is read only when it changed)
 * and reused, since cards show the same story on a dozen list pages; outside a build
 * every call checks the file.
 */
export function firstFigure(inputPath: string, inputDir: string): StoryPhoto | undefined {
  const build = currentBuild();
  const hit = figureCache.get(inputPath);
  if (build && hit?.build === build) return hit.photo;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(inputPath).mtimeMs;
  } catch {
    return undefined;
  }
  if (hit?.mtimeMs === mtimeMs) {
    hit.build = build;
    return hit.photo;
  }
  const all = readFileSync(inputPath, "utf8").split(/\r?\n/);
  const lines = all.slice(bodyStart(all));
  const start = lines.findIndex((l) => /^:::[ \t]*figure[ \t]*$/.test(l.trim()));
  const end = lines.findIndex((l, i) => i > start && l.trim() === ":::");
  let photo: StoryPhoto | undefined;
  if (start >= 0 && end > start) {
    const { block } = parseBlock("figure", lines.slice(start + 1, end), start, inputPath);
    const f = block?.fields;
    if (f?.src && f.alt) photo = { src: f.src, alt: f.alt, caption: f.caption, credit: f.credit, ...resolvePhoto(f.src, inputPath, inputDir), line: all.length - lines.length + start + 1 };
  }
  figureCache.set(inputPath, { mtimeMs, build, photo });
  return photo;
}
