/**
 * Share images, chosen while a page renders (synchronously: URLs and sizes come from
 * the photo library's scan) and encoded after the build (`publishShareImages`, run on
 * eleventy.after): og:image (the photo 1200 px wide), the JSON-LD crops (16x9, 4x3,
 * 1x1) and the social card of a page without a photo. Every file is encoded once into
 * the image cache, named by content hash, then copied into `<output>/img/`.
 */
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, rename, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { ArticleView } from "./articles.ts";
import { hashBytes, photoInfo } from "./photo-files.ts";
import type { SiteData } from "./schema.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, renderCard, type CardText } from "./social-card.ts";
import { absoluteUrl } from "./urls.ts";

/** The folder processed images are written to, beside `dist/`. */
export const IMG_PATH = "/img/";
export const SHARE_WIDTH = 1200;
/** Part of every share-image and card file name: bump it when `encode` changes, so cached files are redone. */
const SHARE_VERSION = "s1";
/** The same for social cards (c2: plain libjpeg-turbo instead of mozjpeg, 4× faster). */
const CARD_VERSION = "c2";
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

const jobs = new Map<string, Job>();
const copied = new Set<string>();

/**
 * Encoding starts as soon as a page asks for an image (`resetShareImages` names the
 * cache), on at most ENCODERS of libuv's threads, so it runs on the second core while
 * Eleventy renders on the main thread, and leaves libuv threads free for Eleventy's
 * file writes. Without a cache folder named, everything waits for publishShareImages.
 */
const ENCODERS = Math.max(2, availableParallelism());
let early:
  | { cacheDir: string; queue: string[]; running: number; done: Map<string, Promise<string>>; waiting: Map<string, { resolve(file: string): void; reject(error: unknown): void }> }
  | undefined;

/** A new build starts: forget the last one's jobs and copies; encode into `cacheDir` from now on. */
export function resetShareImages(cacheDir?: string): void {
  jobs.clear();
  copied.clear();
  early = cacheDir ? { cacheDir, queue: [], running: 0, done: new Map(), waiting: new Map() } : undefined;
}

function resetQueue(cacheDir: string): void {
  early = { cacheDir, queue: [...jobs.keys()], running: 0, done: new Map(), waiting: new Map() };
  pump();
}

/** The encoding of a job not started yet: resolves when the queue gets to it. */
function queued(name: string): Promise<string> {
  const e = early!;
  const started = e.done.get(name);
  if (started) return started;
  return new Promise((resolve, reject) => e.waiting.set(name, { resolve, reject }));
}

function addJob(name: string, job: Job): void {
  if (jobs.has(name)) return;
  jobs.set(name, job);
  if (!early) return;
  early.queue.push(name);
  pump();
}

function pump(): void {
  const e = early;
  while (e && e.running < ENCODERS && e.queue.length) {
    const name = e.queue.shift()!;
    e.running++;
    const encoded = cached(name, jobs.get(name)!, e.cacheDir).finally(() => {
      e.running--;
      pump();
    });
    encoded.catch(() => undefined); // awaited (and reported) by publishShareImages
    e.done.set(name, encoded);
    const waiter = e.waiting.get(name);
    if (waiter) encoded.then(waiter.resolve, waiter.reject);
  }
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
  const svg = cardSvg(text);
  const name = `card-${hashBytes(CARD_VERSION + svg)}.jpg`;
  addJob(name, { kind: "card", svg });
  return { url: absoluteUrl(ctx.site, IMG_PATH + name), width: CARD_WIDTH, height: CARD_HEIGHT, alt: text.section ? `${text.section}: ${text.headline}` : text.headline };
}

async function encode(job: Job): Promise<Buffer> {
  if (job.kind === "card") return renderCard(job.svg);
  const resize = job.crop ? { width: job.width, height: job.height, fit: "cover" as const, position: sharp.strategy.attention } : { width: job.width };
  return sharp(job.file).rotate().resize(resize).flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true, progressive: true }).toBuffer();
}

/** Encodes into the cache unless already there. */
export async function cached(name: string, job: Job, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, name);
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, await encode(job));
  await rename(tmp, file);
  return file;
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
  if (early?.cacheDir !== dirs.cacheDir) resetQueue(dirs.cacheDir);
  // Whatever is still queued keeps going through the queue (bounded: thousands of cards
  // in flight at once would hold thousands of decoded canvases in memory).
  const done = early!.done;
  await Promise.all([...jobs.keys()].map(async (name) => publish(await (done.get(name) ?? queued(name)), dirs.outputDir)));
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
