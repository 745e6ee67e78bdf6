/**
 * Share images, chosen while a page renders (synchronously: URLs and sizes come from
 * the photo library's scan) and encoded from then on in the encoder thread
 * (share-encoder.ts; `publishShareImages`, run on eleventy.after, waits for them):
 * og:image (the photo 1200 px wide), the JSON-LD crops (16x9, 4x3, 1x1) and the social
 * card of a page without a photo. Every file is encoded once into the image cache,
 * named by content hash, then copied into `<output>/img/`.
 */
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleView } from "../content/index.ts";
import { hashBytes, photoInfo } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import type { Job } from "./share-encode.ts";
import { encodeFlatOut, encodeInThread, encoderIdle } from "./share-encoder.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, type CardText } from "./social-card.ts";
import { absoluteUrl } from "../content/index.ts";

/** The folder processed images are written to, beside `dist/`. */
export const IMG_PATH = "/img/";
export const SHARE_WIDTH = 1200;
/** Part of every share-image and card file name: bump it when encoding changes (share-encode.ts), so cached files are redone. */
const SHARE_VERSION = "s1";
/**
 * The same for social cards (c2: plain libjpeg-turbo instead of mozjpeg, 4× faster;
 * c3: no Huffman optimisation pass, same pixels).
 */
const CARD_VERSION = "c3";
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

const jobs = new Map<string, Job>();
const copied = new Set<string>();

/**
 * Encoding starts as soon as a page asks for an image (`resetShareImages` names the
 * cache), in the encoder thread (share-encoder.ts), one at a time while Eleventy
 * renders on the main thread. Without a cache folder named, everything waits for
 * publishShareImages.
 */
let early: { cacheDir: string; done: Map<string, Promise<string>> } | undefined;

/** A new build starts: forget the last one's jobs and copies; encode into `cacheDir` from now on. */
export function resetShareImages(cacheDir?: string): void {
  jobs.clear();
  copied.clear();
  early = cacheDir ? { cacheDir, done: new Map() } : undefined;
}

/** The cached file of a job: there already (checked here, no thread needed), else encoded. */
function start(name: string, job: Job, e: NonNullable<typeof early>): void {
  const file = path.join(e.cacheDir, name);
  const encoded = existsSync(file) ? Promise.resolve(file) : encodeInThread(name, job, e.cacheDir);
  encoded.catch(() => undefined); // awaited (and reported) by publishShareImages
  e.done.set(name, encoded);
}

function addJob(name: string, job: Job): void {
  if (jobs.has(name)) return;
  jobs.set(name, job);
  if (early) start(name, job, early);
}

/** og:image of a photo: a JPEG 1200 px wide (or the photo's own width if smaller), uncropped. */
export function shareImage(photoFile: string, ctx: { site: SiteData; alt: string }): ShareImage {
  const info = photoInfo(photoFile);
  const width = Math.min(SHARE_WIDTH, info.width);
  const height = Math.round((info.height * width) / info.width);
  const name = `${info.hash}-${SHARE_VERSION}-share-${width}.jpg`;
  addJob(name, { kind: "photo", file: info.file, width, height, crop: false });
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
    const name = `${info.hash}-${SHARE_VERSION}-${ratio[0]}x${ratio[1]}-${width}.jpg`;
    addJob(name, { kind: "photo", file: info.file, width, height, crop: true });
    return absoluteUrl(ctx.site, IMG_PATH + name);
  });
}

/** A generated 1200×630 card (headline, section, site name) for a page without a photo. */
export function socialCard(text: CardText, ctx: { site: SiteData }): ShareImage {
  // The whole card's SVG names it: the same drawing, the same file.
  const name = `card-${hashBytes(CARD_VERSION + cardSvg(text))}.jpg`;
  addJob(name, { kind: "card", text });
  return { url: absoluteUrl(ctx.site, IMG_PATH + name), width: CARD_WIDTH, height: CARD_HEIGHT, alt: text.section ? `${text.section}: ${text.headline}` : text.headline };
}

/**
 * Puts a cached file into `<output>/img/` once per build: a hard link to the cache's
 * file (no bytes copied: a warm build publishes ~4,000 cards, ~240 MB, and removing the
 * previous site then frees no data blocks), else a copy (another file system, a file
 * already there, no hard links). Cache files are written once, under a new name, and
 * never changed in place, so the two names keep the same bytes.
 */
export async function publish(cachedFile: string, outputDir: string): Promise<void> {
  const dest = path.join(outputDir, IMG_PATH, path.basename(cachedFile));
  if (copied.has(dest)) return;
  copied.add(dest);
  await mkdir(path.dirname(dest), { recursive: true });
  try {
    await link(cachedFile, dest);
  } catch {
    // Already there from an earlier build into the same folder (the dev server): never
    // copy a file onto itself (that would truncate the cache's copy too).
    const [from, to] = await Promise.all([stat(cachedFile), stat(dest).catch(() => undefined)]);
    if (to && from.dev === to.dev && from.ino === to.ino) return;
    await copyFile(cachedFile, dest);
  }
}

/**
 * Encodes (unless cached) and copies into `<outputDir>/img/` every share image that
 * pages asked for since the last build started; returns their file names.
 */
export async function publishShareImages(dirs: { cacheDir: string; outputDir: string }): Promise<string[]> {
  if (early?.cacheDir !== dirs.cacheDir) {
    const e = (early = { cacheDir: dirs.cacheDir, done: new Map() });
    for (const [name, job] of jobs) start(name, job, e);
  }
  const done = early.done;
  encodeFlatOut(); // Eleventy has rendered: every core for what is left
  try {
    await Promise.all([...jobs.keys()].map(async (name) => publish(await done.get(name)!, dirs.outputDir)));
  } finally {
    await encoderIdle();
  }
  return [...jobs.keys()];
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

/** A story's JSON-LD `image`: the three crops of its photo, else its social card (`shared`: its storyShareImage, when already made). */
export function storyStructuredImages(article: Pick<ArticleView, "title" | "section" | "photo">, site: SiteData, shared?: ShareImage): string[] {
  return article.photo ? structuredImages(article.photo.file, { site }) : [(shared ?? storyShareImage(article, site)).url];
}
