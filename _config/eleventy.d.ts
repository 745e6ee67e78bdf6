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
