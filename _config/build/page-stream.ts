/**
 * Each page as Eleventy finishes it: the last transform hands the final HTML (after
 * fingerprinting and the image transform, exactly what is written) to whoever listens
 * for pages under an output folder. The atomic build (build.ts) hands them to the
 * checks, so the link check scans each page on another thread while Eleventy is still
 * rendering, instead of reading every page back from disk afterwards
 * (docs/performance.md).
 */
import path from "node:path";
import type { EleventyConfig } from "../eleventy/index.ts";

export interface StreamedPage {
  /** the output file's site path, as the checks name files ("/world/x/index.html") */
  file: string;
  content: string;
  /** the template it came from, as Eleventy names it ("./src/articles/2026/x.md") */
  inputPath: string;
}

type Listener = (page: StreamedPage) => void;
const listeners = new Map<Listener, string>();

/** Calls `listener` with every HTML page written under `outputDir` until the returned function is called. */
export function onPage(outputDir: string, listener: Listener): () => void {
  listeners.set(listener, path.resolve(outputDir));
  return () => {
    listeners.delete(listener);
  };
}

/** Register last (after every transform that changes a page). */
export default function pageStreamPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTransform("page-stream", function (content, outputPath) {
    if (listeners.size && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      const absolute = path.resolve(outputPath);
      for (const [listener, dir] of listeners) {
        const file = path.relative(dir, absolute);
        if (!file.startsWith("..") && !path.isAbsolute(file)) listener({ file: `/${file.split(path.sep).join("/")}`, content, inputPath: this.page.inputPath });
      }
    }
    return content;
  });
}
