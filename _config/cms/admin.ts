/**
 * `/admin/`: the Decap CMS app, self-hosted from the `decap-cms` npm package (its
 * webpack bundle, React included, and the chunks it loads on demand), the generated
 * `config.yml`, and Newsroom's own `newsroom-cms.js` (preview and editor components).
 *
 * Written only when the CMS is on: in a production build when `_data/site` has `cms:`,
 * and always in the dev server, whose CMS saves through the local backend
 * (local-backend.ts). Off, neither `/admin/` nor its config exists.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { href, type SiteData } from "../content/index.ts";
import { escapeHtml, jsonForScript } from "../markdown/index.ts";
import { blockFields, pageFields, PHOTO_TYPES, storyFields, type CmsContext } from "./config.ts";
import { requiredWhenSet, type CmsField, type RequiredWhenSet } from "./fields.ts";

export type CmsMode = "off" | "production" | "local";

/** The dev server's local backend port (decap-server); NEWSROOM_CMS_PORT overrides it. */
export const DEFAULT_LOCAL_BACKEND_PORT = 8081;

export function localBackendPort(): number {
  const port = Number(process.env.NEWSROOM_CMS_PORT ?? DEFAULT_LOCAL_BACKEND_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`NEWSROOM_CMS_PORT: expected a port number, got "${process.env.NEWSROOM_CMS_PORT}"`);
  return port;
}

export const localBackendUrl = (port = localBackendPort()) => `http://127.0.0.1:${port}/api/v1`;

/** Whether this build writes /admin/: the dev server always (local backend), a production build when `cms:` is set. */
export function cmsMode(site: Pick<SiteData, "cms">, runMode = process.env.ELEVENTY_RUN_MODE): CmsMode {
  if (runMode === "serve" || runMode === "watch") return "local";
  return site.cms ? "production" : "off";
}

/** The site paths of the admin's pages (no path prefix). */
export const ADMIN = { page: "/admin/index.html", config: "/admin/config.yml" } as const;

/** What the project-owned script reads from the page (a JSON data block: no inline code). */
export interface AdminPageData {
  /** the site stylesheet, for the preview pane */
  css: string;
  siteName: string;
  sections: Record<string, string>;
  blocks: Record<string, { label: string; fields: CmsField[] }>;
  /** per collection: optional objects and the fields they need once filled in */
  requiredWhenSet: Record<string, Record<string, RequiredWhenSet>>;
  /** file extensions an upload may have */
  photoTypes: readonly string[];
  maxUploadBytes: number;
}

export function adminPageData(ctx: CmsContext, cssUrl: string, maxUploadBytes: number): AdminPageData {
  const { site, sections } = ctx;
  return {
    css: href(site, cssUrl),
    siteName: site.name,
    sections: Object.fromEntries(Object.entries(sections).map(([slug, s]) => [slug, s.title])),
    blocks: {
      figure: { label: "Figure (photo, caption, credit)", fields: blockFields("figure", site) },
      related: { label: "Related story", fields: blockFields("related", site) },
    },
    requiredWhenSet: { articles: requiredWhenSet(storyFields(ctx)), pages: requiredWhenSet(pageFields()) },
    photoTypes: PHOTO_TYPES,
    maxUploadBytes,
  };
}

/** The admin page: the app, its config, Newsroom's script; nothing inline but a JSON data block. */
export function adminPageHtml(site: SiteData, data: AdminPageData): string {
  const esc = escapeHtml;
  return [
    "<!doctype html>",
    `<html lang="${esc(site.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${esc(site.name)}: editor</title>`,
    `<link rel="cms-config-url" type="text/yaml" href="${esc(href(site, ADMIN.config))}">`,
    `<script type="application/json" id="newsroom-cms">${jsonForScript(data)}</script>`,
    "</head>",
    "<body>",
    ...adminScripts().map((s) => `<script src="${esc(href(site, s.path))}"></script>`),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const require = createRequire(import.meta.url);

/** The folder of decap-cms's browser bundle. */
export function decapDistDir(): string {
  return path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");
}

const hashes = new Map<string, { key: string; hash: string }>();
/** The first 10 hex digits of a file's SHA-256 (cached by size and mtime: the app is megabytes). */
function fileHash(file: string): string {
  const s = statSync(file);
  const key = `${s.size}:${s.mtimeMs}`;
  const hit = hashes.get(file);
  if (hit?.key === key) return hit.hash;
  const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10);
  hashes.set(file, { key, hash });
  return hash;
}

/**
 * The admin's two scripts, the Decap app and Newsroom's own, with a content hash in
 * their names (as every script of the site has): source file and site path. The app
 * loads its chunks from its own folder, under their own names.
 */
export function adminScripts(): { file: string; path: string }[] {
  const app = path.join(decapDistDir(), "decap-cms.js");
  const own = path.join(import.meta.dirname, "admin-script.js");
  return [
    { file: app, path: `/admin/decap-cms.${fileHash(app)}.js` },
    { file: own, path: `/admin/newsroom-cms.${fileHash(own)}.js` },
  ];
}

/** The bundle's files: the app, the chunks it loads (`<n>.decap-cms.js`), its WebAssembly and licence. */
export async function decapBundleFiles(dist = decapDistDir()): Promise<string[]> {
  return (await readdir(dist)).filter((f) => /^\d+\.decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$/.test(f)).sort();
}

/** Copies the app, its chunks and Newsroom's script into `<output>/admin/` (unchanged files are skipped). */
export async function writeAdminAssets(outputDir: string): Promise<number> {
  const target = path.join(outputDir, "admin");
  await mkdir(target, { recursive: true });
  const dist = decapDistDir();
  const copies: [string, string][] = (await decapBundleFiles(dist)).map((f) => [path.join(dist, f), path.join(target, f)]);
  for (const s of adminScripts()) copies.push([s.file, path.join(outputDir, s.path)]);
  let copied = 0;
  for (const [from, to] of copies) {
    const [a, b] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
    if (b && b.size === a.size && b.mtimeMs >= a.mtimeMs) continue;
    await copyFile(from, to);
    copied++;
  }
  return copied;
}
