/**
 * What a build knows before it loads Eleventy: the build's mode and time, the code
 * fingerprint, every input's hash, and whether the last good output stands as it is
 * (settled.ts). `npm run build` asks this first; `buildSite` takes it as it is, so the
 * inputs are read once.
 */
import path from "node:path";
import { resetTimings, resolveBuild, timePhase, type BuildInfo } from "../util/index.ts";
import { codeFingerprint } from "./fingerprint.ts";
import { hashInputs, settledKey, settledOutput, type InputHashes } from "./settled.ts";

export interface BuildPrelude {
  root: string;
  inputDir: string;
  dataDir: string;
  output: string;
  /** the cache folder (`.cache/` beside the input folder by default) */
  cacheRoot: string;
  build: BuildInfo;
  fingerprint: string;
  inputs: InputHashes;
  /** the key the next settled check compares with (settled.ts) */
  key: string;
  /** set when there is nothing to build: the last output's page count */
  settled?: { pages: number };
}

export interface PreludeOptions {
  /** project folder holding .eleventy.ts (defaults to cwd) */
  root?: string;
  input?: string;
  output?: string;
  cache?: string;
  /** `--clean`: never settled */
  clean?: boolean;
  /**
   * whether this build is a whole production build (the search index written, the
   * checks run, no extra configuration): only such a build can stand for another, so
   * only such builds are recorded as settled and only such builds settle
   */
  complete: boolean;
}

export async function prepareBuild(options: PreludeOptions): Promise<BuildPrelude> {
  resetTimings();
  const root = path.resolve(options.root ?? ".");
  const output = path.resolve(options.output ?? path.join(root, "dist"));
  const inputDir = path.resolve(options.input ?? path.join(root, "src"));
  const dataDir = path.resolve(inputDir, "../_data");
  const cacheRoot = path.resolve(options.cache ?? path.join(inputDir, "..", ".cache"));
  const build = resolveBuild();
  const fingerprint = await timePhase("code fingerprint", () => codeFingerprint(root, inputDir));
  const inputs = await timePhase("input hashes", () => hashInputs(inputDir, dataDir));
  const key = settledKey(inputs, fingerprint, build.production, options.complete);
  const prelude: BuildPrelude = { root, inputDir, dataDir, output, cacheRoot, build, fingerprint, inputs, key };
  if (options.complete && !options.clean && build.production) {
    const settled = await timePhase("settled check", () => settledOutput({ cacheDir: path.join(cacheRoot, "build"), output, key, now: build.now }));
    if (settled) prelude.settled = settled;
  }
  return prelude;
}
