// Eleventy ships no types for its programmatic API; this is the one boundary.
declare module "@11ty/eleventy" {
  export interface EleventyResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content?: string;
  }
  /** One page of a template map entry (Eleventy 3 internal, src/TemplateMap.js). */
  export interface PageEntry {
    url: string | false;
    outputPath: string | false;
    inputPath: string;
    data: Record<string, unknown>;
    template?: { isRenderable?(): boolean };
    templateContent?: string;
  }
  /** A template (src/Template.js): what the dev loop's fast path calls. */
  export interface TemplateInternals {
    inputPath: string;
    logger: unknown;
    behavior: { isWriteable(): boolean };
    setTransforms(transforms: unknown): void;
    setLinters(linters: unknown): void;
    setInputContent(content: string): void;
    getData(): Promise<Record<string, unknown>>;
    getTemplateMapEntries(data: Record<string, unknown>): Promise<unknown>;
    getTemplates(data: Record<string, unknown>): Promise<PageEntry[]>;
    renderPageEntryWithoutLayout(page: PageEntry): Promise<string>;
    renderPageEntry(page: PageEntry): Promise<string>;
    _write(page: PageEntry, content: string): Promise<unknown>;
  }
  /** A template and its pages in the build's template map. */
  export interface MapEntry {
    inputPath: string;
    template: TemplateInternals;
    _pages: PageEntry[];
  }
  /** The build's TemplateWriter (a new one per build; src/TemplateWriter.js). */
  export interface TemplateWriterInternals {
    /** the file that started this incremental build ("./src/…"), set before `eleventy.before` */
    incrementalFile?: string;
    templateData: unknown;
    extensionMap: unknown;
    templateConfig: unknown;
    config: { transforms: unknown; linters: unknown };
    logger: unknown;
    /** the last build's template map (set once that build created it) */
    templateMap?: { map: MapEntry[]; collectionsData?: Record<string, unknown> };
    /** renders and writes one map entry's pages; called once per entry, in one loop */
    _generateTemplate(entry: MapEntry, to: string): Promise<unknown>;
    /** every template path of the build ("./src/…"), found by the file search */
    _getAllPaths(): Promise<string[]>;
  }
  export default class Eleventy {
    static getVersion(): string;
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
    watcher?: {
      on(event: "unlink" | "add" | "change", fn: (path: string) => void): void;
      emit(event: "change" | "unlink" | "add", path: string): boolean;
      getWatched(): Record<string, string[]>;
      options?: { cwd?: string };
    };
    /** the watch queue (Eleventy 3 internal, see src/EleventyWatch.js) */
    watchManager?: { incremental: boolean };
    /** the dev server (src/EleventyServe.js); reload() is a no-op until serve() started it */
    eleventyServe?: { reload(event: { files: string[]; build: { templates: { url: string; inputPath: string; content: string }[] } }): Promise<void>; sendError?(event: { error: unknown }): Promise<void> };
    /** the current build's writer (recreated by every build's init) */
    writer?: TemplateWriterInternals;
    /** the project's configuration (src/TemplateConfig.js); `usesGraph` is the dependency map of every template */
    eleventyConfig?: { usesGraph?: object };

  }
}

// The part of @11ty/eleventy-img 6 this project uses (it ships no types).
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
    /** Replaces the default `<id>-<width>.<format>` file name. */
    filenameFormat?: (id: string, src: string, width: number | undefined, format: string, options: ImageOptions) => string;
    htmlOptions?: { imgAttributes?: Record<string, string>; pictureAttributes?: Record<string, string> };
  }
  export default function Image(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
}

// @11ty/eleventy-utils 2 ships no types; the hash eleventy-img names its outputs with.
declare module "@11ty/eleventy-utils" {
  /** SHA-256 of the parts, base64url. */
  export function createHashSync(...content: (string | Buffer)[]): string;
}

// @11ty/eleventy-plugin-rss 3 ships no types; we use one of its helpers as a function.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in an HTML fragment to an absolute one, resolved against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
}
