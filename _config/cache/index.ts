/**
 * The cache room's door. What a production build keeps between runs and knows before it
 * loads anything else: the state of the last good build and its memos (`.cache/build/`,
 * committed atomically), the code fingerprint, the inputs' hashes, and the settled check
 * (nothing to build). Node built-ins only, so `npm run build` answers "nothing to build"
 * without loading Eleventy. Other rooms import this file only; see docs/architecture.md.
 */
export * from "./build-cache.ts";
export * from "./fingerprint.ts";
export * from "./prelude.ts";
export * from "./settled.ts";
