/**
 * The util room's door. Small helpers every room may use: strings of their own (own-string.ts), a tight heap for big builds (heap.ts), phase timings, TypeScript worker threads, the build epoch (per-build memos), the build's mode and time, removing a folder tree.
 * Other rooms import this file only; see docs/architecture.md.
 */

export * from "./build-epoch.ts";
export * from "./build-info.ts";
export * from "./heap.ts";
export * from "./own-string.ts";
export * from "./remove-tree.ts";
export * from "./timings.ts";
export * from "./ts-worker.ts";
