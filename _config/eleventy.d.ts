// Eleventy ships no types for its programmatic API; this is the one boundary.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; config?: (eleventyConfig: unknown) => void; runMode?: string });
    setIsVerbose?(verbose: boolean): void;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch?(): Promise<void>;
  }
}

// @11ty/eleventy-plugin-rss 3 ships no types; we use one of its helpers as a function.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in an HTML fragment to an absolute one, resolved against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
}
