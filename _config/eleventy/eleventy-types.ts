/**
 * The slice of Eleventy's configuration API this project uses, typed once.
 * Eleventy ships no TypeScript types for its config object, so this is the one
 * boundary where its untyped values enter our code.
 */
export interface CollectionItem<D = Record<string, unknown>> {
  url: string | false;
  inputPath: string;
  fileSlug: string;
  outputPath: string | false;
  date: Date;
  data: D;
  content?: string;
  templateContent?: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getFilteredByGlob(glob: string | string[]): CollectionItem[];
}

export interface TransformContext {
  page: { url: string | false; inputPath: string; outputPath: string | false };
}

export interface EleventyConfig {
  directories: { input: string; output: string; data: string; includes: string; layouts?: string };
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void;
  addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>): void;
  setLibrary(name: "md", lib: { render(source: string, env?: object): string }): void;
  addExtension(extensions: string | string[], options: Record<string, unknown>): void;
  addDataExtension(extensions: string, options: { parser: (contents: string, filePath: string) => unknown; read?: boolean }): void;
  addTemplateFormats(formats: string | string[]): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(glob: string | Record<string, string>, options?: Record<string, unknown>): void;
  addTransform(name: string, fn: (this: TransformContext, content: string, outputPath: string | false) => string | Promise<string>): void;
  addDateParsing(fn: (this: { page: { inputPath: string } }, value: unknown) => Date | undefined): void;
  addWatchTarget(target: string): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setDataDeepMerge(on: boolean): void;
  setQuietMode(quiet: boolean): void;
  addLayoutAlias(alias: string, path: string): void;
  on(event: string, fn: (...args: unknown[]) => unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  ignores: { add(glob: string): void; delete(glob: string): void };
  watchIgnores: { add(glob: string): void };
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setUseGitIgnore(on: boolean): void;
  setInputDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
}
