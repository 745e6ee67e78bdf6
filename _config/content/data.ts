/**
 * Site data (`_data/site.yaml`, `sections.yaml`, `authors.yaml`): parsed as YAML and
 * validated by their schemas, so a typo in `_data` fails the build naming the file
 * and the key. `SITE_URL` in the environment overrides `site.url` (for deploys and
 * prefixed builds).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { EleventyConfig } from "../eleventy/index.ts";
import { DATA_FILE_MAX_BYTES, parseYaml, yamlReason } from "./frontmatter.ts";
import { eleventyFrontMatterYaml } from "./topics-not-collections.ts";
import { parseFront } from "./front.ts";
import { authorsSchema, ContentError, sectionsSchema, siteSchema, zodProblems, type SiteData } from "./schema.ts";

const SCHEMAS: Record<string, z.ZodType> = { site: siteSchema, sections: sectionsSchema, authors: authorsSchema };

export function parseDataFile(contents: string, filePath: string): unknown {
  const file = path.relative(process.cwd(), filePath);
  let data: unknown;
  try {
    data = parseYaml(contents, DATA_FILE_MAX_BYTES);
  } catch (e) {
    const line = (e as { mark?: { line?: number } }).mark?.line;
    throw new ContentError([{ file, line: line === undefined ? undefined : line + 1, key: "(yaml)", message: yamlReason(e) }]);
  }
  // js-yaml keeps a `__proto__:` key as an own property; zod's record would then set
  // the object's prototype with it and the entry would vanish without a word.
  const proto = protoKeys(data);
  if (proto.length) {
    const lines = contents.split(/\r?\n/);
    throw new ContentError(proto.map((key) => ({ file, line: lineOfProto(lines), key, message: "expected a slug or a key of the contract (\"__proto__\" is neither)" })));
  }
  const name = path.basename(filePath).replace(/\.ya?ml$/, "");
  if (name === "front") return parseFront(contents, file);
  if (name === "site" && process.env.SITE_URL && data && typeof data === "object") {
    data = { ...data, url: process.env.SITE_URL };
  }
  const schema = SCHEMAS[name];
  if (!schema) return data;
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw new ContentError(zodProblems(file, result.error));
  if (name === "site") {
    const site = result.data as SiteData;
    if (!site.url.endsWith("/")) return { ...site, url: `${site.url}/` };
  }
  return result.data;
}

/** Key paths of every own `__proto__` key in parsed YAML. */
function protoKeys(data: unknown, at: string[] = []): string[] {
  if (!data || typeof data !== "object") return [];
  return Object.keys(data).flatMap((key) => {
    const here = [...at, key];
    return key === "__proto__" ? [here.join(".")] : protoKeys((data as Record<string, unknown>)[key], here);
  });
}
const lineOfProto = (lines: string[]) => {
  const i = lines.findIndex((l) => /^\s*["']?__proto__["']?\s*:/.test(l));
  return i < 0 ? undefined : i + 1;
};

const cache = new Map<string, { mtimeMs: number; data: unknown }>();

/** A `_data` file read outside the cascade (cached by mtime), validated like the rest. */
export function loadDataFile(dataDir: string, name: "site" | "sections" | "authors"): unknown {
  const file = path.join(dataDir, `${name}.yaml`);
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.data;
  const data = parseDataFile(readFileSync(file, "utf8"), file);
  cache.set(file, { mtimeMs, data });
  return data;
}

/** The site settings (date parsing needs the zone before the cascade exists). */
export function loadSite(dataDir: string): SiteData {
  return loadDataFile(dataDir, "site") as SiteData;
}

export default function dataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("yaml,yml", { parser: parseDataFile });
  // Front matter: the same YAML, and story tags kept out of Eleventy's per-tag collections
  // (they cost a full sort of the site per tag; topic pages come from our collections).
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: eleventyFrontMatterYaml } });
  // Shallow merge: a story's `authors: [slugs]` must replace the global `authors`
  // registry in its data (deep merge would keep the registry object and drop the list).
  eleventyConfig.setDataDeepMerge(false);
  // A story's front-matter `authors` (its byline slugs) shadows the global `authors`
  // in its own data, so the registry is also published as `staff` for every page.
  eleventyConfig.addGlobalData("staff", () => loadDataFile(eleventyConfig.directories.data, "authors"));
}
