/**
 * The `.11ty.tsx` template format: a layout or page is a preact component (typed
 * with the schema's types), rendered synchronously to static HTML. Async work such
 * as image processing belongs in transforms. https://www.11ty.dev/docs/languages/jsx/
 */
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { EleventyConfig } from "../eleventy/index.ts";

/** A component's output as a document: full pages get their doctype. */
export function renderPage(node: VNode | string | null | undefined): string {
  if (node === null || node === undefined) return "";
  if (typeof node === "string") return node;
  const html = renderToStaticMarkup(node);
  return html.startsWith("<html") ? `<!doctype html>\n${html}` : html;
}

interface JsTemplateThis {
  defaultRenderer(data: unknown): Promise<VNode | string | null>;
}

export default function renderPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: JsTemplateThis, data: unknown) {
        return renderPage(await this.defaultRenderer(data));
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");
}
