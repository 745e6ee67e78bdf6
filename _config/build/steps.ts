/** The post-build steps' contract (the search index is one): work on the finished staging folder. */
import type { BuildCache } from "../cache/index.ts";
import type { OutputManifest } from "./manifest.ts";

export interface StepContext {
  cache: BuildCache;
  manifest: OutputManifest;
  /** a step that took its result from the cache says so (shown in the build's summary) */
  reused(name: string): void;
  /** every file of the folder when the steps start (site paths, sorted): one listing shared with the checks */
  files?: string[];
}

/**
 * Work on the finished output folder (the staging folder of an atomic build). `writes`:
 * the top-level folders it writes into and nothing else ("pagefind"), so only they are
 * listed again after the steps (manifest.ts `filesAfterSteps`); unset means anywhere.
 */
export type PostBuildStep = ((dir: string, ctx: StepContext) => Promise<unknown>) & { readonly writes?: readonly string[] };
