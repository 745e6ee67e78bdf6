/**
 * The two blocks the content contract needs without HTML (`::: figure` and
 * `::: related`): parsing their `key: value` lines with every problem found, and
 * resolving photo paths. Rendering them is the markdown room's (blocks-html.ts);
 * `check`, story validation and the photo scan use these directly.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { currentBuild } from "../util/index.ts";
import { bodyStart } from "./frontmatter.ts";
import type { ImageData, Problem } from "./schema.ts";

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
  if (kind === "related" && fields.url && !/^(https?:\/\/|\/)/.test(fields.url)) {
    problems.push({ file, line: at(0), key: "related.url", message: "expected an absolute http(s) URL or a site path starting with /" });
  }
  return { block: problems.length ? undefined : { kind: kind as BlockKind, line, fields }, problems };
}

/** Resolves a photo path: relative to the story's file, or from `src/` when it starts with "/". */
export function resolvePhoto(src: string, inputPath: string, inputDir: string): { file: string; url: string } {
  const file = src.startsWith("/") ? path.join(inputDir, src) : path.join(path.dirname(inputPath), src);
  const rel = path.relative(inputDir, file).split(path.sep).join("/");
  return { file, url: `/${rel}` };
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
