/**
 * The build's mode and time, read once per build from the environment: `NEWSROOM_ENV`
 * (else Eleventy's run mode: `build` is production) and `NEWSROOM_NOW` (else the clock,
 * ISO 8601 in UTC). The site room hands it to templates as the `build` global; the build
 * cache reads it before anything else is loaded (cache/settled.ts).
 *
 * One build, one now: a production build runs inside `withBuild` (build/build.ts), so
 * every Eleventy pass, the sitemap and the reuse plan read the prelude's time, not the
 * clock again (a build running across midnight on New Year's Eve puts one year in every
 * footer). The pin follows the build's async work only: builds side by side in one
 * process keep their own.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface BuildInfo {
  /** production builds leave out drafts and scheduled stories */
  production: boolean;
  /** the build's "now", ISO 8601 */
  now: string;
}

const pinned = new AsyncLocalStorage<BuildInfo>();

export function resolveBuild(options: { production?: boolean; now?: string } = {}): BuildInfo {
  const pin = pinned.getStore();
  const production = options.production ?? pin?.production ?? (process.env.NEWSROOM_ENV ? process.env.NEWSROOM_ENV === "production" : process.env.ELEVENTY_RUN_MODE === "build");
  const now = options.now ?? pin?.now ?? process.env.NEWSROOM_NOW ?? new Date().toISOString();
  return { production, now };
}

/** Runs `run` with `build` as what `resolveBuild()` answers inside it (without options). */
export function withBuild<T>(build: BuildInfo, run: () => Promise<T>): Promise<T> {
  return pinned.run(build, run);
}
