/**
 * Static assets. Everything under `src/assets/` is copied with a content hash in its
 * name (`site.css` → `site.3f2a9c1b7e.css`), so hosts can cache it for a year as
 * immutable (see `_config/pages/headers.ts`); pages ask for an asset with `assetUrl()` and
 * never name the unhashed file (a transform rewrites any reference that still does,
 * e.g. an author photo under /assets/ named in _data). Photos elsewhere under src/ are copied as they are
 * (photo processing has its own module), and `.ts` data files load through tsx.
 *
 * The dev server (`--serve`) keeps plain names: its watcher copies changed files
 * under their own names, so a hash fixed when the config loaded would go stale.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "../eleventy/index.ts";

const HASH_LENGTH = 10;

/** site path of an asset ("/assets/css/site.css") → its fingerprinted path */
let manifest = new Map<string, string>();

/** The first characters of the SHA-256 of some bytes, as hex. */
export function contentHash(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, HASH_LENGTH);
}

/** `/assets/css/site.css` + hash → `/assets/css/site.<hash>.css` */
export function fingerprintedName(sitePath: string, hash: string): string {
  const ext = path.posix.extname(sitePath);
  return `${sitePath.slice(0, sitePath.length - ext.length)}.${hash}${ext}`;
}

/** Site paths of every file under `dir`, mapped to their fingerprinted paths. */
export function buildManifest(assetsDir: string, base = "/assets"): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(assetsDir)) return map;
  for (const entry of readdirSync(assetsDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const sitePath = `${base}/${path.relative(assetsDir, file).split(path.sep).join("/")}`;
    map.set(sitePath, fingerprintedName(sitePath, contentHash(readFileSync(file))));
  }
  return map;
}

/**
 * The URL path to use for a static asset: its fingerprinted name when it is one of
 * ours, else the path unchanged. Pages still pass the result through `href()`.
 */
export function assetUrl(sitePath: string): string {
  return manifest.get(sitePath) ?? sitePath;
}

/** True when a site path is a fingerprinted asset name (used by the checks). */
export function isFingerprinted(sitePath: string): boolean {
  return new RegExp(`\\.[0-9a-f]{${HASH_LENGTH}}\\.[a-z0-9]+$`).test(sitePath);
}

/** A manifest's entries grouped by file name (in manifest order), made once per manifest. */
const groups = new WeakMap<Map<string, string>, Map<string, [string, string][]>>();
function byFileName(map: Map<string, string>): Map<string, [string, string][]> {
  let byName = groups.get(map);
  if (!byName) {
    byName = new Map();
    for (const [plain, hashed] of map) {
      const name = plain.slice(plain.lastIndexOf("/") + 1);
      const same = byName.get(name) ?? [];
      same.push([plain, hashed]);
      byName.set(name, same);
    }
    groups.set(map, byName);
  }
  return byName;
}

const URL_ATTRIBUTE = /(\s(?:href|src|srcset|imagesrcset|poster|content)=")([^"]*)"/g;

/**
 * Rewrites every reference to an asset in a page's URL attributes to its fingerprinted
 * name, whatever wrote it (a layout, a story, an author's photo in _data), with or
 * without path prefix or origin: `…/assets/logo.svg"` → `…/assets/logo.<hash>.svg"`.
 */
export function fingerprintHtml(html: string, map: Map<string, string> = manifest): string {
  // Only a page that names an asset by its plain path can change (most pages name none:
  // layouts ask assetUrl()): those are returned as they are, without a copy.
  const plains = [...map.keys()];
  if (!plains.some((plain) => html.includes(plain))) return html;
  const byName = byFileName(map);
  return html.replace(URL_ATTRIBUTE, (all, start: string, value: string) => {
    if (!plains.some((plain) => value.includes(plain))) return all;
    const rewritten = value.replace(/[^\s,"]+/g, (url) => {
      const [pathPart, rest = ""] = url.split(/(?=[?#])/, 2) as [string, string?];
      // only an asset of the same file name can be a suffix: look at those alone
      for (const [plain, hashed] of byName.get(pathPart.slice(pathPart.lastIndexOf("/") + 1)) ?? []) {
        if (pathPart.endsWith(plain)) return pathPart.slice(0, -plain.length) + hashed + rest;
      }
      return url;
    });
    return `${start}${rewritten}"`;
  });
}

// Eleventy asks for a directory data file once per template below it: 4,000 stories meant
// 4,000 `import()`s of articles.11tydata.ts, each a round trip to tsx's loader thread
// (docs/performance.md). Node caches the module anyway, so remember the promise.
const dataModules = new Map<string, Promise<unknown>>();
function importDataFile(file: string): Promise<unknown> {
  const url = pathToFileURL(path.resolve(file)).href;
  let data = dataModules.get(url);
  if (!data) {
    data = import(url).then((m: { default: unknown }) => m.default);
    dataModules.set(url, data);
  }
  return data;
}

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { parser: importDataFile, read: false });
  const input = eleventyConfig.directories.input;
  const assetsDir = path.resolve(input, "assets");
  if (process.env.ELEVENTY_RUN_MODE === "serve") {
    manifest = new Map();
    eleventyConfig.addPassthroughCopy(`${input}assets`);
  } else {
    manifest = buildManifest(assetsDir);
    const copies: Record<string, string> = {};
    for (const [sitePath, hashed] of manifest) copies[`${input}${sitePath.slice(1)}`] = hashed.slice(1);
    if (manifest.size) eleventyConfig.addPassthroughCopy(copies);
    eleventyConfig.addTransform("fingerprint-assets", (content, outputPath) =>
      typeof outputPath === "string" && outputPath.endsWith(".html") ? fingerprintHtml(content) : content,
    );
  }
  // Nothing else under src/ is copied: photos are published by the image transform
  // (images.ts, processed copies under /img/), pages by templates. Raw files (an SVG
  // can carry a script that runs on the site's origin) never are: docs/security.md.
}
