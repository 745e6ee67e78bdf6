/**
 * The util room's door. Small helpers every room may use: phase timings, TypeScript worker threads, the build epoch (per-build memos).
 * Other rooms import this file only; see docs/architecture.md.
 */

export * from "./build-epoch.ts";
export * from "./timings.ts";
export * from "./ts-worker.ts";
