/**
 * The util room's door. Small helpers every room may use: phase timings, TypeScript worker threads, the build epoch (per-build memos), the build's mode and time, removing a folder tree.
 * Other rooms import this file only; see docs/architecture.md.
 */

export * from "./build-epoch.ts";
export * from "./build-info.ts";
export * from "./remove-tree.ts";
export * from "./timings.ts";
export * from "./ts-worker.ts";
