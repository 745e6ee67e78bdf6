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
import { existsSync } from "node:fs";
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ArticleView } from "./articles.ts";
import { loadSite } from "./data.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { hashBytes, PHOTO_EXTENSIONS, photoInfo, scanPhotos } from "./photo-files.ts";
import { FORMATS, pictureHtml, rewriteImages, WIDTHS, type ImgTag, type Renditions } from "./picture.ts";
import { ContentError, type SiteData } from "./schema.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, renderCard, type CardText } from "./social-card.ts";
import { absoluteUrl, pathPrefix } from "./urls.ts";

/** The folder processed images are written to, beside `dist/`. */
export const IMG_PATH = "/img/";
export const SHARE_WIDTH = 1200;
export const CROPS = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const;

export interface ShareImage {
  /** absolute URL of a JPEG */
  url: string;
  width: number;
  height: number;
  alt: string;
}

type Job = { kind: "photo"; file: string; width: number; height: number; crop: boolean } | { kind: "card"; svg: string };

interface BuildState {
  inputDir: string;
  outputDir: string;
  cacheDir: string;
  prefix: string;
}

let state: BuildState | undefined;
const jobs = new Map<string, Job>();
const copied = new Set<string>();

/** `.cache/images/` beside the input folder (NEWSROOM_IMAGE_CACHE overrides). */
export function cacheDirFor(inputDir: string): string {
  return path.resolve(process.env.NEWSROOM_IMAGE_CACHE ?? path.join(inputDir, "..", ".cache", "images"));
}

/** og:image of a photo: a JPEG 1200 px wide (or the photo's own width if smaller), uncropped. */
export function shareImage(photoFile: string, ctx: { site: SiteData; alt: string }): ShareImage {
  const info = photoInfo(photoFile);
  const width = Math.min(SHARE_WIDTH, info.width);
  const height = Math.round((info.height * width) / info.width);
  const name = `${info.hash}-share-${width}.jpg`;
  jobs.set(name, { kind: "photo", file: info.file, width, height, crop: false });
  return { url: absoluteUrl(ctx.site, IMG_PATH + name), width, height, alt: ctx.alt };
}

/** The largest crop of a w×h photo at ratio rw:rh, scaled to at most SHARE_WIDTH wide. */
export function cropSize(width: number, height: number, [rw, rh]: readonly [number, number]): { width: number; height: number } {
  const cropWidth = Math.min(width, Math.floor((height * rw) / rh));
  const outWidth = Math.min(SHARE_WIDTH, cropWidth);
  return { width: outWidth, height: Math.round((outWidth * rh) / rw) };
}

/** JSON-LD `image`: absolute URLs of the 16x9, 4x3 and 1x1 crops (1200 px wide when the photo allows). */
export function structuredImages(photoFile: string, ctx: { site: SiteData }): string[] {
  const info = photoInfo(photoFile);
  return CROPS.map((ratio) => {
    const { width, height } = cropSize(info.width, info.height, ratio);
    const name = `${info.hash}-${ratio[0]}x${ratio[1]}-${width}.jpg`;
    jobs.set(name, { kind: "photo", file: info.file, width, height, crop: true });
    return absoluteUrl(ctx.site, IMG_PATH + name);
  });
}

/** A generated 1200×630 card (headline, section, site name) for a page without a photo. */
export function socialCard(text: CardText, ctx: { site: SiteData }): ShareImage {
  const svg = cardSvg(text);
  const name = `card-${hashBytes(svg)}.jpg`;
  jobs.set(name, { kind: "card", svg });
  return { url: absoluteUrl(ctx.site, IMG_PATH + name), width: CARD_WIDTH, height: CARD_HEIGHT, alt: text.section ? `${text.section}: ${text.headline}` : text.headline };
}

async function encode(job: Job): Promise<Buffer> {
  if (job.kind === "card") return renderCard(job.svg);
  const resize = job.crop ? { width: job.width, height: job.height, fit: "cover" as const, position: sharp.strategy.attention } : { width: job.width };
  return sharp(job.file).rotate().resize(resize).flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true, progressive: true }).toBuffer();
}

/** Encodes into the cache unless already there. */
async function cached(name: string, job: Job, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, name);
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, await encode(job));
  await rename(tmp, file);
  return file;
}

/** Copies a cached file into `<output>/img/` once per build. */
async function publish(cachedFile: string, s: BuildState): Promise<void> {
  const dest = path.join(s.outputDir, IMG_PATH, path.basename(cachedFile));
  if (copied.has(dest)) return;
  copied.add(dest);
  await mkdir(path.dirname(dest), { recursive: true });
  await copyFile(cachedFile, dest);
}

/** The photo file an <img src> points to, or undefined when it is not a local photo. */
export function photoFileOf(src: string | undefined, s: Pick<BuildState, "inputDir" | "prefix">): string | undefined {
  if (!src || /^([a-z]+:|\/\/)/i.test(src) || !src.startsWith(s.prefix)) return undefined;
  const rel = decodeURIComponent(src.slice(s.prefix.length).split(/[?#]/)[0]!);
  return PHOTO_EXTENSIONS.test(rel) ? path.join(s.inputDir, rel) : undefined;
}

async function responsive(img: ImgTag, page: string, s: BuildState): Promise<string | undefined> {
  const file = photoFileOf(img.attrs.src, s);
  if (!file) return undefined;
  const key = img.context === "lead" ? "image.src" : img.context.startsWith("card") ? "photo" : "figure.src";
  const fail = (message: string) => new ContentError([{ file: page, key, message }]);
  if (!existsSync(file)) throw fail(`photo file not found: ${path.relative(process.cwd(), file)} (from <img src="${img.attrs.src}">)`);
  let meta;
  try {
    meta = await Image(file, {
      widths: WIDTHS,
      formats: [...FORMATS],
      outputDir: s.cacheDir,
      urlPath: `${s.prefix}${IMG_PATH.slice(1)}`,
      fixOrientation: true,
      sharpOptions: { failOn: "error" },
      sharpJpegOptions: { quality: 78, mozjpeg: true, progressive: true },
      sharpWebpOptions: { quality: 72 },
      sharpAvifOptions: { quality: 50, effort: 4 },
    });
  } catch (e) {
    throw fail(`unreadable image ${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
  await Promise.all(Object.values(meta).flat().map((stat) => publish(stat.outputPath, s)));
  const renditions: Renditions = { avif: meta.avif ?? [], webp: meta.webp ?? [], jpeg: meta.jpeg ?? [] };
  return pictureHtml(img, renditions);
}

interface EventArgs {
  directories: { input: string; output: string; data: string };
}

export default function imagesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.watchIgnores.add("**/.cache/**");
  eleventyConfig.on("eleventy.before", async (...args: unknown[]) => {
    const { directories } = args[0] as EventArgs;
    const site = loadSite(directories.data);
    const cacheDir = cacheDirFor(directories.input);
    state = { inputDir: path.resolve(directories.input), outputDir: path.resolve(directories.output), cacheDir, prefix: pathPrefix(site) };
    jobs.clear();
    copied.clear();
    await scanPhotos(directories.input, cacheDir);
  });
  eleventyConfig.addTransform("responsive-images", async function (content, outputPath) {
    if (!state || !outputPath || !outputPath.endsWith(".html")) return content;
    const page = this.page.inputPath.replace(/^\.\//, "");
    const s = state;
    return rewriteImages(content, (img) => responsive(img, page, s));
  });
  eleventyConfig.on("eleventy.after", async () => {
    const s = state;
    if (!s) return;
    await Promise.all([...jobs].map(async ([name, job]) => publish(await cached(name, job, s.cacheDir), s)));
  });
}

/** A story's share image: its photo (lead, else first figure) at 1200 px, else its social card. */
export function storyShareImage(article: Pick<ArticleView, "title" | "section" | "photo">, site: SiteData): ShareImage {
  if (article.photo) return shareImage(article.photo.file, { site, alt: article.photo.alt });
  return socialCard({ headline: article.title, section: article.section.name, siteName: site.name }, { site });
}

/** The site's own card (home page and other pages without a story). */
export function siteShareImage(site: SiteData): ShareImage {
  return socialCard({ headline: site.description, section: "", siteName: site.name }, { site });
}
