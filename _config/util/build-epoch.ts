/**
 * Which Eleventy build is running, for memos that hold for one build only (story views
 * in collections.ts, first figures in content-blocks.ts): global data, templates and
 * files do not change while a build runs. `currentBuild()` is 0 outside a build (the dev
 * loop's fast path, `npm run check`), where nothing may be remembered.
 */
let current = 0;
let count = 0;

export function currentBuild(): number {
  return current;
}

/** Called on eleventy.before (`true`) and eleventy.after (`false`) by collections.ts. */
export function setBuilding(on: boolean): void {
  current = on ? ++count : 0;
}
