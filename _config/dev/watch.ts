/**
 * Watch mode (`npm start`): how soon an edit starts a rebuild.
 *
 * Eleventy waits until a changed file's size has been stable for 150 ms (chokidar's
 * `awaitWriteFinish`, polled every 25 ms) before rebuilding: a third of stock
 * Eleventy's edit-to-page time on the bench corpus (docs/performance.md). Editors and
 * `npm run new` write a story in one go, so 30 ms of stability (polled every 10 ms) is
 * enough; a file still being written in pieces only means one more rebuild, because
 * Eleventy queues changes that arrive during a build and builds again after it.
 */
import type { EleventyConfig } from "../eleventy/index.ts";

export const WATCH_STABILITY_MS = 30;

export default function watchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: WATCH_STABILITY_MS, pollInterval: 10 } });
}
