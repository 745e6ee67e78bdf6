/**
 * Builds a fixture site with the real Newsroom config into a temporary folder and
 * hands back its pages parsed by a real HTML parser (linkedom).
 *
 * A fixture (test/fixtures/<name>/) holds only content: `src/` stories and photos,
 * and `_data/`. The project's templates and data files under src/ (*.ts, *.tsx,
 * assets/) and `_includes/` are linked in, so fixtures test the real layouts.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../../_config/build/build.ts";
import { errorMessages } from "../../_config/dev/status.ts";
import { keepWorkers } from "../../_config/util/index.ts";

// A test file builds many times in one process: the checks' worker threads (html-validate,
// links) are kept between its builds instead of starting afresh each time (≈ 1.7 s of CPU a
// build). test/unit/build/checks.test.ts proves a kept worker reports what a fresh one does.
keepWorkers();

import { FIXTURES, NOW, ROOT } from "./paths.ts";

export { FIXTURES, NOW, ROOT };
/** A file of a fixture, as text ("trust", "_data/site.yaml"). */
export const fixtureFile = (name: string, file: string): string => readFileSync(path.join(FIXTURES, name, file), "utf8");

export interface FixtureOptions {
  /** production build (default true) */
  production?: boolean;
  now?: string;
  /** extra environment for the build (SITE_URL, …) */
  env?: Record<string, string>;
  /** files to add or replace in the fixture before building, path → content */
  files?: Record<string, string | Buffer>;
}

/** Copies a fixture into a temp folder, linking in the project's templates. */
export async function prepareFixture(name: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `newsroom-${name}-`));
  const from = name === "site" ? ROOT : path.join(FIXTURES, name);
  await cp(path.join(from, "src"), path.join(dir, "src"), { recursive: true, filter: (p) => !p.includes(`${path.sep}node_modules`) });
  await cp(path.join(from, "_data"), path.join(dir, "_data"), { recursive: true });
  await linkProject(dir);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await rm(path.join(dir, file), { force: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/**
 * Links the project's `_includes/`, and its templates and assets under `src/`, into a
 * site folder holding only content (a fixture, or the benchmark corpus).
 */
export async function linkProject(dir: string): Promise<void> {
  await symlink(path.join(ROOT, "_includes"), path.join(dir, "_includes"));
  await linkTemplates(path.join(ROOT, "src"), path.join(dir, "src"));
}

/** Project templates (*.ts, *.tsx) and assets, linked so their imports resolve to _config/. */
async function linkTemplates(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "assets") {
        if (!existsSync(dest)) await symlink(src, dest);
        continue;
      }
      await mkdir(dest, { recursive: true });
      await linkTemplates(src, dest);
    } else if (/\.tsx?$/.test(entry.name)) {
      await rm(dest, { force: true });
      await symlink(src, dest);
    }
  }
}

export interface BuiltSite {
  dir: string;
  out: string;
  /** parsed page at a site path like "/world/x/" */
  page(urlPath: string): Document;
  /** raw text of an output file, by site path ("/feed.xml") */
  text(urlPath: string): Promise<string>;
  exists(urlPath: string): boolean;
  /** every output file, as site paths */
  files(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const pageCache = new Map<string, Document>();

function outFile(out: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  return path.join(out, clean.endsWith("/") ? `${clean}index.html` : clean);
}

/**
 * Processed images are cached per test process (one temp folder), so each test file
 * encodes a photo once; a test that studies the cache passes its own
 * NEWSROOM_IMAGE_CACHE (an empty value means the default, `.cache/images` beside src/).
 */
const IMAGE_CACHE = mkdtempSync(path.join(os.tmpdir(), "newsroom-test-images-"));
process.on("exit", () => rmSync(IMAGE_CACHE, { recursive: true, force: true }));

/** Builds a fixture (or "site", the real content) and returns the output. */
export async function buildFixture(name: string, options: FixtureOptions = {}): Promise<BuiltSite> {
  const dir = await prepareFixture(name, options.files);
  return buildPrepared(dir, options);
}

/** Builds (again) a folder made by `prepareFixture`, into its `dist/`. */
export async function buildPrepared(dir: string, options: Omit<FixtureOptions, "files"> = {}): Promise<BuiltSite> {
  const env = {
    NEWSROOM_ENV: options.production === false ? "development" : "production",
    NEWSROOM_NOW: options.now ?? NOW,
    NEWSROOM_IMAGE_CACHE: IMAGE_CACHE,
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await buildSite({ root: ROOT, input: path.join(dir, "src"), output: path.join(dir, "dist"), quiet: true });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const out = path.join(dir, "dist");
  for (const file of pageCache.keys()) if (file.startsWith(out + path.sep)) pageCache.delete(file);
  return {
    dir,
    out,
    page(urlPath) {
      const file = outFile(out, urlPath);
      let doc = pageCache.get(file);
      if (!doc) {
        doc = parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
        pageCache.set(file, doc);
      }
      return doc;
    },
    text: (urlPath) => readFile(outFile(out, urlPath), "utf8"),
    exists: (urlPath) => existsSync(outFile(out, urlPath)),
    async files() {
      const list = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      return list.map((e) => `/${path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`).sort();
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Builds a fixture that must fail; returns the whole error text (causes included). */
export async function buildError(name: string, options: FixtureOptions = {}): Promise<string> {
  try {
    const site = await buildFixture(name, options);
    await site.cleanup();
  } catch (error) {
    return errorChain(error);
  }
  throw new Error(`expected the build of fixture "${name}" to fail, but it succeeded`);
}

/** The whole error text of a failed build: every message of the error and its causes. */
export function errorChain(error: unknown): string {
  return errorMessages(error).join("\n");
}

/** Text content with whitespace collapsed and typographic quotes made plain. */
export function plain(text: string | null | undefined): string {
  return (text ?? "").replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}
