/**
 * The photos room's door. Photos: the image transform, <picture> markup, share images and social cards (encoded in a worker thread).
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import imagesPlugin from "./images.ts";

export * from "./images.ts";
export * from "./picture.ts";
export * from "./share-encode.ts";
export * from "./share-encoder.ts";
export * from "./share-images.ts";
export * from "./social-card.ts";

/** The photos room's plugin. */
export default function photosPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(imagesPlugin);
}
