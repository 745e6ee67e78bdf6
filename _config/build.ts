/**
 * Atomic production builds: Eleventy writes into a fresh temporary folder beside
 * `dist/`, the post-build steps write into it (the search index), the checks run on it,
 * and only then does it replace `dist/`
 * (two renames). A failed build or check leaves the previous `dist/` exactly as it was.
 */
import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { indexSearch } from "./search.ts";

export interface BuildOptions {
  /** project folder holding .eleventy.ts (defaults to cwd) */
  root?: string;
  /** content folder (default `<root>/src`) */
  input?: string;
  /** final output folder (default `<root>/dist`) */
  output?: string;
  /**
   * steps that add to the output after Eleventy wrote it, before the checks run
   * (default: DEFAULT_STEPS, the Pagefind search index; `[]` skips them)
   */
  steps?: PostBuildStep[];
  /** checks to run on the temporary output before it replaces `output` */
  checks?: ((dir: string) => Promise<void>)[];
  quiet?: boolean;
  /** extra Eleventy configuration (tests: data folder of a fixture site) */
  configure?: (eleventyConfig: unknown) => void;
}

/** Work on the finished output folder (the staging folder of an atomic build). */
export type PostBuildStep = (dir: string) => Promise<unknown>;

export const DEFAULT_STEPS: PostBuildStep[] = [indexSearch];

export async function buildSite(options: BuildOptions = {}): Promise<{ output: string; files: number }> {
  const root = path.resolve(options.root ?? ".");
  const output = path.resolve(options.output ?? path.join(root, "dist"));
  const staging = await mkdtemp(path.join(path.dirname(output), `.${path.basename(output)}-build-`));
  await chmod(staging, 0o755);
  try {
    // Eleventy resolves passthrough copies and directory data best from cwd-relative paths.
    const input = path.relative(process.cwd(), path.resolve(options.input ?? path.join(root, "src"))) || ".";
    const elev = new Eleventy(input, path.relative(process.cwd(), staging), {
      configPath: path.join(root, ".eleventy.ts"),
      quietMode: options.quiet ?? false,
      config: options.configure,
    });
    elev.setIsVerbose?.(false);
    const [written] = (await elev.write()) as [unknown[]];
    for (const step of options.steps ?? DEFAULT_STEPS) await step(staging);
    for (const check of options.checks ?? []) await check(staging);
    const previous = `${staging}-previous`;
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    await rm(previous, { recursive: true, force: true });
    return { output, files: Array.isArray(written) ? written.length : 0 };
  } catch (error) {
    // Eleventy may still be finishing passthrough copies when it rejects: retry the cleanup,
    // and never let a cleanup problem hide the build's own error.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    throw error;
  }
}
