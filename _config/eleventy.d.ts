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
