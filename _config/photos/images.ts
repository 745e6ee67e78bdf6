/**
 * Photos: every local <img> in the built HTML becomes a responsive <picture> (an HTML
 * transform, https://www.11ty.dev/docs/plugins/image/#html-transform, so layouts and
 * markdown write plain images), and every page can name a share image (og:image,
 * JSON-LD crops, or a generated social card) synchronously while it renders.
 *
 * Everything encoded lands first in the image cache (`.cache/images/` beside `src/`,
 * file names from content hashes) and is then copied into `<output>/img/`: an
 * unchanged photo is never encoded twice, across builds and in watch mode.
 *
 *   eleventy.before   scan the photo library (hash, size, decodable?) → photo-files.ts
 *   render            shareImage / structuredImages / socialCard → URLs now, jobs for later
 *   transform         <img> → eleventy-img (AVIF, WebP, JPEG × WIDTHS) → <picture>
 *   eleventy.after    run the share-image jobs (crops, og:image, cards)
 */
import Image from "@11ty/eleventy-img";
import { createHashSync } from "@11ty/eleventy-utils";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { loadSite } from "../content/index.ts";
import type { EleventyConfig } from "../eleventy/index.ts";
import { PHOTO_EXTENSIONS, photoInfo, scanPhotos } from "../content/index.ts";
import { FORMATS, pictureHtml, rewriteImages, WIDTHS, type ImgTag, type Renditions } from "./picture.ts";
import { ContentError } from "../content/index.ts";
import { IMG_PATH, publish, publishShareImages, resetShareImages } from "./share-images.ts";
import { pathPrefix } from "../content/index.ts";
import { timePhase } from "../util/index.ts";

export {
  CROPS,
  cropSize,
  IMG_PATH,
  publishShareImages,
  shareImage,
  SHARE_WIDTH,
  siteShareImage,
  socialCard,
  storyShareImage,
  storyStructuredImages,
  structuredImages,
  type ShareImage,
} from "./share-images.ts";

interface BuildState {
  host: string;
  inputDir: string;
  outputDir: string;
  cacheDir: string;
  prefix: string;
}

let state: BuildState | undefined;

/** `.cache/images/` beside the input folder (NEWSROOM_IMAGE_CACHE overrides). */
export function cacheDirFor(inputDir: string): string {
  return path.resolve(process.env.NEWSROOM_IMAGE_CACHE || path.join(inputDir, "..", ".cache", "images"));
}


/** The photo file an <img src> points to, or undefined when it is not a local photo. */
export function photoFileOf(src: string | undefined, s: Pick<BuildState, "inputDir" | "prefix">): string | undefined {
  if (!src || /^([a-z]+:|\/\/)/i.test(src) || !src.startsWith(s.prefix)) return undefined;
  const rel = decodeURIComponent(src.slice(s.prefix.length).split(/[?#]/)[0]!);
  return PHOTO_EXTENSIONS.test(rel) ? path.join(s.inputDir, rel) : undefined;
}

/** Encoder settings: part of every rendition's file name (renditionId), so changing one re-encodes. */
const ENCODER_OPTIONS = {
  sharpOptions: { failOn: "error" },
  sharpJpegOptions: { quality: 78, mozjpeg: true, progressive: true },
  sharpWebpOptions: { quality: 72 },
  sharpAvifOptions: { quality: 50, effort: 2 },
} as const;

const sorted = (o: Record<string, unknown> = {}) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const ids = new Map<string, string>();

/**
 * The id in a rendition's file name (`<id>-<width>.<format>`): a hash of the photo's bytes
 * and the encoder settings, computed exactly as @11ty/eleventy-img 7 names its outputs
 * (eleventy-img 6 leaves `manualCacheKey` out of the hash), so the cache and the URLs are
 * the same whichever of the two wrote them. Memoized per content hash.
 */
export function renditionId(file: string, manualCacheKey: string): string {
  let id = ids.get(manualCacheKey);
  if (!id) {
    const hashed = {
      manualCacheKey,
      sharpAvifOptions: sorted(ENCODER_OPTIONS.sharpAvifOptions),
      sharpJpegOptions: sorted(ENCODER_OPTIONS.sharpJpegOptions),
      sharpOptions: sorted(ENCODER_OPTIONS.sharpOptions),
      sharpPngOptions: {},
      sharpWebpOptions: sorted(ENCODER_OPTIONS.sharpWebpOptions),
    };
    id = createHashSync(readFileSync(file), JSON.stringify(hashed)).slice(0, 10);
    ids.set(manualCacheKey, id);
  }
  return id;
}

async function responsive(img: ImgTag, page: string, s: BuildState): Promise<string | undefined> {
  const file = photoFileOf(img.attrs.src, s);
  if (!file) return undefined;
  const key = img.context === "lead" ? "image.src" : img.context.startsWith("card") ? "photo" : "figure.src";
  const fail = (message: string) => new ContentError([{ file: page, key, message }]);
  if (!existsSync(file)) throw fail(`photo file not found: ${path.relative(process.cwd(), file)} (from <img src="${img.attrs.src}">)`);
  const manualCacheKey = photoInfo(file).hash;
  const id = renditionId(file, manualCacheKey);
  let meta;
  try {
    meta = await Image(file, {
      widths: WIDTHS,
      formats: [...FORMATS],
      outputDir: s.cacheDir,
      urlPath: `${s.prefix}${IMG_PATH.slice(1)}`,
      fixOrientation: true,
      // The scan's content hash: eleventy-img's in-memory cache keys on path + size, so
      // without it a photo replaced by one of the same size would stay stale in watch mode.
      manualCacheKey,
      // A fresh object on every call: eleventy-img 6 writes `imgAttributes.src` into its
      // shared default `htmlOptions`, and that object is part of its in-memory cache key,
      // so with the default the key changes as photos finish and a later call for the same
      // photo misses, and re-encodes (see ENCODER_OPTIONS).
      htmlOptions: { imgAttributes: {} },
      filenameFormat: (_id: string, _src: string, width: number | undefined, format: string) => (width ? `${id}-${width}.${format}` : `${id}.${format}`),
      ...ENCODER_OPTIONS,
    });
  } catch (e) {
    throw fail(`unreadable image ${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
  await Promise.all(Object.values(meta).flat().map((stat) => publish(stat.outputPath, s.outputDir)));
  const renditions: Renditions = { avif: meta.avif ?? [], webp: meta.webp ?? [], jpeg: meta.jpeg ?? [] };
  return pictureHtml(img, renditions);
}

interface EventArgs {
  directories: { input: string; output: string; data: string };
  results?: { content?: unknown }[];
}

const PHOTO_URL = /(https?:\/\/[^/\s"'<>]+)?(\/[^\s"'<>()]*?\.(?:jpe?g|png|webp|avif|gif|tiff?))(?=[\s"'<>()?#&]|$)/gi;

/**
 * Originals are published only where something still points at them after the transform:
 * a link to the full-size file, or a feed's copy of a story body (feeds are not
 * transformed). Returns the site paths published.
 */
export async function publishReferencedOriginals(contents: string[], s: BuildState): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const text of contents) {
    for (const [, origin, urlPath] of text.matchAll(PHOTO_URL)) {
      if (origin && new URL(origin).host !== s.host) continue;
      const file = photoFileOf(urlPath, s);
      if (file && file.startsWith(s.inputDir + path.sep) && existsSync(file)) wanted.set(file, path.relative(s.inputDir, file));
    }
  }
  await Promise.all([...wanted].map(async ([file, rel]) => {
    await mkdir(path.dirname(path.join(s.outputDir, rel)), { recursive: true });
    await copyFile(file, path.join(s.outputDir, rel));
  }));
  return [...wanted.values()].map((rel) => `/${rel.split(path.sep).join("/")}`);
}

export default function imagesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.watchIgnores.add("**/.cache/**");
  // Photos are neither templates nor passthrough copies: watch them so an edited photo rebuilds.
  eleventyConfig.addWatchTarget(`${eleventyConfig.directories.input}**/*.{jpg,jpeg,png,webp,avif,gif,tif,tiff}`);
  eleventyConfig.on("eleventy.before", async (...args: unknown[]) => {
    const { directories } = args[0] as EventArgs;
    const site = loadSite(directories.data);
    const cacheDir = cacheDirFor(directories.input);
    state = { inputDir: path.resolve(directories.input), outputDir: path.resolve(directories.output), cacheDir, prefix: pathPrefix(site), host: new URL(site.url).host };
    resetShareImages(cacheDir);
    await scanPhotos(directories.input, cacheDir);
  });
  eleventyConfig.addTransform("responsive-images", async function (content, outputPath) {
    if (!state || !outputPath || !outputPath.endsWith(".html")) return content;
    const page = this.page.inputPath.replace(/^\.\//, "");
    const s = state;
    return rewriteImages(content, (img) => responsive(img, page, s));
  });
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    if (!state) return;
    await timePhase("eleventy.after: share images and cards", () => publishShareImages(state!));
    const contents = ((args[0] as EventArgs).results ?? []).flatMap((r) => (typeof r.content === "string" ? [r.content] : []));
    await publishReferencedOriginals(contents, state);
  });
}

