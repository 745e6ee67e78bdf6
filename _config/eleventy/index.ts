/**
 * The eleventy room's door. The typed boundary to Eleventy: its config API (eleventy-types.ts), the declarations of untyped packages (eleventy.d.ts), and the one adapter over its internals (internals.ts).
 * Other rooms import this file only; see docs/architecture.md.
 */

export * from "./eleventy-types.ts";
export * from "./internals.ts";
