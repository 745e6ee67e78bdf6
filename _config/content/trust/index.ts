/**
 * Trust, inside the content room: what a story says about itself (the kind of work, its
 * corrections) and the newsroom's own pages (src/pages/) and policies. Entered through
 * the content room's door like the rest of it; see docs/architecture.md.
 */
export * from "./corrections.ts";
export * from "./kinds.ts";
export * from "./pages.ts";
