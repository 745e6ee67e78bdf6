/**
 * The build's mode and time, read once per build from the environment: `NEWSROOM_ENV`
 * (else Eleventy's run mode: `build` is production) and `NEWSROOM_NOW` (else the clock,
 * ISO 8601 in UTC). The site room hands it to templates as the `build` global; the build
 * cache reads it before anything else is loaded (cache/settled.ts).
 */
export interface BuildInfo {
  /** production builds leave out drafts and scheduled stories */
  production: boolean;
  /** the build's "now", ISO 8601 */
  now: string;
}

export function resolveBuild(options: { production?: boolean; now?: string } = {}): BuildInfo {
  const production = options.production ?? (process.env.NEWSROOM_ENV ? process.env.NEWSROOM_ENV === "production" : process.env.ELEVENTY_RUN_MODE === "build");
  const now = options.now ?? process.env.NEWSROOM_NOW ?? new Date().toISOString();
  return { production, now };
}
