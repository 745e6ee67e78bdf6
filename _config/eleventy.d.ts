// Eleventy ships no types for its programmatic API; this is the one boundary.
declare module "@11ty/eleventy" {
  export interface EleventyResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content?: string;
  }
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; config?: (eleventyConfig: unknown) => void; runMode?: string; source?: "cli" | "script" },
    );
    setIsVerbose?(verbose: boolean): void;
    init(): Promise<void>;
    setIncrementalBuild(incremental: boolean): void;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** chokidar, once watch() resolved */
    watcher?: { on(event: "unlink", fn: (path: string) => void): void; emit(event: "change", path: string): boolean };
    /** the watch queue (Eleventy 3 internal, see src/EleventyWatch.js) */
    watchManager?: { incremental: boolean };
  }
}

// The part of @11ty/eleventy-img 7 this project uses (it ships no types).
declare module "@11ty/eleventy-img" {
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    filename: string;
    outputPath: string;
    size: number;
  }
  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    fixOrientation?: boolean;
    sharpJpegOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpOptions?: Record<string, unknown>;
    hashLength?: number;
    manualCacheKey?: string;
  }
  export default function Image(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
}

// @11ty/eleventy-plugin-rss 3 ships no types; we use one of its helpers as a function.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in an HTML fragment to an absolute one, resolved against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
}
