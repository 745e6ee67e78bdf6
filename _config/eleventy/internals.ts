/**
 * The one adapter over Eleventy's internals (Eleventy 3.1.8's src/TemplateWriter.js,
 * src/Template.js, src/TemplateMap.js, src/Data/ComputedDataProxy.js). Eleventy has no
 * public API for these; the dev server, its fast path and incremental planner, and
 * the computed views reach them only through this file. On another Eleventy version,
 * test/unit/eleventy/internals.test.ts fails and names what to re-check here.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Eleventy, { type MapEntry, type PageEntry, type TemplateInternals, type TemplateWriterInternals } from "@11ty/eleventy";

export type { MapEntry, PageEntry, TemplateInternals, TemplateWriterInternals } from "@11ty/eleventy";

/** The Eleventy version this adapter was written and tested for. */
export const ADAPTED_ELEVENTY_VERSION = "3.1.8";

/** What to re-check in this adapter when Eleventy changes. */
export const ADAPTER_CHECKLIST = [
  "TemplateWriter#_generateTemplate(entry, to) is still called once per map entry, in one synchronous loop",
  "TemplateWriter#templateMap.map / .collectionsData still hold the last build's entries and collections",
  "new Template(inputPath, templateData, extensionMap, templateConfig) and setTransforms/setLinters/logger; setInputContent(text) is read instead of TemplateContent's input cache",
  "Template#getData, getTemplateMapEntries, getTemplates, renderPageEntryWithoutLayout, renderPageEntry, _write, behavior.isWriteable",
  "Eleventy#writer, #watchManager.incremental (read at each watch-queue pop), #eleventyServe.reload / sendError, #watcher (chokidar)",
  "TemplateWriter#_getAllPaths() still returns every template path (\"./src/…\") a full build reads, once per build",
  "ComputedDataProxy#findVarsUsed still calls each computed function once on a proxy whose plain objects have no own keys",
  "TemplateContent's static _inputCache (by absolute path) and _compileCache (by \"./src/…\" input path) are Maps Template inherits, kept for the whole process",
  "TemplateMap#getMapEntryForInputPath (src/TemplateMap.js) still returns the first entry of `map` whose inputPath is the one asked or its TemplatePath.absolutePath, and `map` only grows by push",
  "Template#getTemplates (src/Template.js) is still called once per map entry while the map is built",
  "dependency-graph (the version Eleventy resolves, 1.0.0): DepGraph#addDependency/overallOrder as indexDependencyEdges re-implements them (edge lists in outgoingEdges/incomingEdges, changed only by addDependency, removeDependency, removeNode)",
  "PathNormalizer.fullNormalization (src/Util/PathNormalizer.js) is still a function of its string and the working folder only (file:// URL to path, relative to the working folder, `/` separators, no leading ./)",
  "GlobalDependencyMap (src/GlobalDependencyMap.js, Eleventy#eleventyConfig.usesGraph): hasDependency and getDependencies only read the graph, which changes only through DEPENDENCY_MAP_WRITERS and the `map` setter",
];

/** The installed Eleventy's version. */
export function installedEleventyVersion(): string {
  return Eleventy.getVersion();
}

/** Undefined when the installed Eleventy is the adapted one; else what to re-check, naming this file. */
export function adapterMismatch(installed = installedEleventyVersion()): string | undefined {
  if (installed === ADAPTED_ELEVENTY_VERSION) return undefined;
  return (
    `Eleventy ${installed} is installed, but _config/eleventy/internals.ts was written for Eleventy ${ADAPTED_ELEVENTY_VERSION}. ` +
    `Re-check in Eleventy's source, then update ADAPTED_ELEVENTY_VERSION:\n- ${ADAPTER_CHECKLIST.join("\n- ")}`
  );
}

// ── the last build's template map ────────────────────────────────────────────

/** The last build's template map entries and collections (undefined before a first build). */
export function lastTemplateMap(writer: TemplateWriterInternals | undefined): { map: MapEntry[]; collections: Record<string, unknown> } | undefined {
  const map = writer?.templateMap?.map;
  const collections = writer?.templateMap?.collectionsData;
  return map && collections ? { map, collections } : undefined;
}

/** The pages a map entry produced. */
export const pagesOfEntry = (entry: MapEntry): PageEntry[] => entry._pages ?? [];

/**
 * Puts `generate` in front of the writer's per-entry render-and-write step; `next`
 * renders and writes the pages of the entry it is given (the entry itself, or a copy
 * holding only some of its pages: `entryWithPages`).
 */
export function interceptEntryWrites(
  writer: TemplateWriterInternals,
  generate: (entry: MapEntry, next: (entry: MapEntry) => Promise<unknown>) => Promise<unknown>,
): void {
  const original = writer._generateTemplate.bind(writer);
  writer._generateTemplate = (entry: MapEntry, to: string) => generate(entry, (job) => original(job, to));
}

/**
 * Forgets what Eleventy keeps of templates for the whole process (TemplateContent's
 * static caches: each file's source text and its compiled render functions): a story
 * pass (_config/build/reuse.ts) reads its stories once, and the passes after it never
 * read them again, so at 100,000 stories they would otherwise stay in memory to the end.
 * `forget` gets absolute paths. Needs a writer that built (it finds the class through a
 * template of its map).
 */
export function forgetTemplateSources(writer: TemplateWriterInternals, forget: (absolutePath: string) => boolean): number {
  const template = writer.templateMap?.map[0]?.template as { constructor: { _inputCache?: unknown; _compileCache?: unknown } } | undefined;
  let forgotten = 0;
  for (const cache of [template?.constructor._inputCache, template?.constructor._compileCache]) {
    if (!(cache instanceof Map)) continue;
    for (const key of [...cache.keys()]) {
      if (typeof key === "string" && forget(path.resolve(key))) {
        cache.delete(key);
        forgotten++;
      }
    }
  }
  return forgotten;
}

/**
 * Leaves templates out of the writer's builds: Eleventy never reads them (no data, no
 * render, no collection item). The incremental production build passes the stories it
 * reuses (_config/build/reuse.ts); their items come from the last build instead. A
 * filter on the file search's result, linear in the number of files (Eleventy's
 * `ignores` are globs, matched each against each file).
 */
export function excludeTemplates(writer: TemplateWriterInternals, excluded: (inputPath: string) => boolean): void {
  const original = writer._getAllPaths.bind(writer);
  writer._getAllPaths = async () => (await original()).filter((p) => !excluded(p));
}

/** The same entry, with only `pages` to render. */
export function entryWithPages(entry: MapEntry, pages: PageEntry[]): MapEntry {
  return pages.length === pagesOfEntry(entry).length ? entry : (Object.create(entry, { _pages: { value: pages } }) as MapEntry);
}

// ── rendering one template outside Eleventy's pass ───────────────────────────

type TemplateClass = new (inputPath: string, templateData: unknown, extensionMap: unknown, config: unknown) => TemplateInternals;

/**
 * A fresh Template for a file, set up as TemplateWriter#_createTemplate does (no shared
 * caches). `source`: the file's text as it is on disk now, for a file Eleventy has not
 * yet been told changed (a save held while a pass runs, dev/server.ts), whose text
 * TemplateContent's input cache (by path, for the whole process) still holds as it was.
 */
export function freshTemplate(writer: TemplateWriterInternals, like: TemplateInternals, inputPath: string, source?: string): TemplateInternals {
  const Template = like.constructor as TemplateClass;
  const tmpl = new Template(inputPath, writer.templateData, writer.extensionMap, writer.templateConfig);
  tmpl.logger = writer.logger;
  tmpl.setTransforms(writer.config.transforms);
  tmpl.setLinters(writer.config.linters);
  if (source !== undefined) tmpl.setInputContent(source);
  return tmpl;
}

/** A template's pages with fresh data, `collections` as its layouts will see them; each page's data schema run. */
export async function freshPages(tmpl: TemplateInternals, collections: (data: Record<string, unknown>) => Record<string, unknown>): Promise<PageEntry[]> {
  const data = await tmpl.getData();
  await tmpl.getTemplateMapEntries(data);
  data.collections = collections(data);
  const pages = await tmpl.getTemplates(data);
  for (const page of pages) {
    const schema = page.data.eleventyDataSchema;
    if (typeof schema === "function") await schema(page.data);
  }
  return pages;
}

/** Whether Eleventy writes this template's pages to disk. */
export const isWriteable = (tmpl: TemplateInternals): boolean => tmpl.behavior.isWriteable();

/** Renders one page (content, then layout) and writes it where Eleventy would; returns the HTML. */
export async function renderAndWrite(tmpl: TemplateInternals, page: PageEntry): Promise<string> {
  page.templateContent = await tmpl.renderPageEntryWithoutLayout(page);
  const content = await tmpl.renderPageEntry(page);
  await tmpl._write(page, content);
  return content;
}

// ── computed data ────────────────────────────────────────────────────────────

/**
 * A computed-data function that runs only on real data. To order computed keys,
 * Eleventy first calls every computed function with a proxy of the page's data that
 * records which keys it reads, and whose plain objects have no own keys. A view is
 * costly and not written for proxies: on that pass this reads the keys it depends on
 * (so Eleventy orders it after them) and returns undefined.
 */
export function computedView<D extends object, T>(dependsOn: string[], fn: (data: D) => T): (data: D) => T | undefined {
  return (data: D) => {
    if (Object.keys(data).length > 0) return fn(data);
    for (const key of dependsOn) {
      let value: unknown = data;
      for (const part of key.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    }
    return undefined;
  };
}

// ── the watching Eleventy instance (src/Eleventy.js, src/EleventyWatch.js, src/EleventyServe.js) ──

/** The writer of the build that is running or ran last (a new one per build). */
export const currentWriter = (elev: Eleventy): TemplateWriterInternals | undefined => elev.writer;

/** The file that started the running incremental build ("./src/…"), if it is one. */
export const incrementalFileOf = (writer: TemplateWriterInternals): string | undefined => writer.incrementalFile;

/** Whether Eleventy's next (or running) build from its watch queue is incremental. */
export const isIncremental = (elev: Eleventy): boolean => elev.watchManager?.incremental ?? false;

/** Makes Eleventy's next build from its watch queue incremental, or a full pass. */
export function setIncremental(elev: Eleventy, incremental: boolean): void {
  if (elev.watchManager) elev.watchManager.incremental = incremental;
}

/** Live reload in the browser with pages written ahead of Eleventy's pass (a no-op until serving). */
export async function reloadWith(elev: Eleventy, files: string[], templates: { url: string; inputPath: string; content: string }[]): Promise<void> {
  await elev.eleventyServe?.reload({ files, build: { templates } }).catch(() => undefined);
}

/** Tells the browser a build failed (the dev server's error message; a no-op until serving). */
export async function sendBuildError(elev: Eleventy, error: unknown): Promise<void> {
  await elev.eleventyServe?.sendError?.({ error }).catch(() => undefined);
}

/** Eleventy's file watcher (chokidar), once `watch()` resolved. */
export const watcherOf = (elev: Eleventy): Eleventy["watcher"] => elev.watcher;

// ── the dependency map's queries, remembered ─────────────────────────────────

/** GlobalDependencyMap's methods (3.1.8) that change the graph: any call forgets every remembered answer. */
export const DEPENDENCY_MAP_WRITERS = [
  "reset", "setIsEsm", "setTemplateConfig", "initializeUserConfigurationApiCollections", "setCollectionApiNames", "addCollectionApiNames",
  "removeLayoutNodes", "addLayoutsToMap", "resetNode", "addDependency", "addNewNodeRelationships", "restore",
] as const;

interface DependencyMapInternals {
  normalizeNode(node: string | undefined): string | undefined;
  getDependencies(node: string, includeLayouts?: boolean): string[] | false;
  hasDependency(from: string, to: string, includeLayouts?: boolean): boolean;
}

const remembered = new WeakSet<object>();

/**
 * In an incremental pass Eleventy 3.1.8 asks, for every page of every template of a
 * custom engine (the project's .ts/.tsx templates), whether the file that started the
 * pass is among the template's dependencies (Engines/Custom.js `getCompileCacheKey` →
 * `GlobalDependencyMap#isFileRelevantTo` → `hasDependency`), and answers each time by
 * walking all the template's transitive dependencies. A list template depends on every
 * story, so a pass costs list pages × stories: at 20,000 stories, minutes (91 % of the
 * dev server's CPU profile; docs/performance.md §25). Here each template's dependencies
 * are walked once, kept as a set, and forgotten whenever the graph changes (any of
 * `DEPENDENCY_MAP_WRITERS`, or a new `map`): the answers are the ones Eleventy computes.
 */
export function rememberDependencyQueries(map: object): void {
  if (remembered.has(map)) return;
  remembered.add(map);
  const deps = map as DependencyMapInternals & Record<string, unknown>;
  const getDependencies = deps.getDependencies.bind(deps);
  const sets = new Map<string, Set<string> | false>();
  const forget = () => sets.clear();
  const depsOf = (node: string, includeLayouts: boolean): Set<string> | false => {
    const key = `${includeLayouts ? 1 : 0}${deps.normalizeNode(node)}`;
    let found = sets.get(key);
    if (found === undefined) {
      const list = getDependencies(node, includeLayouts);
      found = list === false ? false : new Set(list);
      sets.set(key, found);
    }
    return found;
  };
  deps.getDependencies = (node, includeLayouts = true) => {
    const found = depsOf(node, includeLayouts);
    return found === false ? false : [...found];
  };
  deps.hasDependency = (from, to, includeLayouts) => {
    const found = depsOf(from, includeLayouts ?? true);
    return found !== false && found.has(deps.normalizeNode(to) as string);
  };
  for (const name of DEPENDENCY_MAP_WRITERS) {
    const write = deps[name];
    if (typeof write !== "function") throw new Error(`Eleventy's dependency map has no ${name}(): re-check rememberDependencyQueries in _config/eleventy/internals.ts`);
    deps[name] = (...args: unknown[]) => {
      forget();
      const result: unknown = (write as (...a: unknown[]) => unknown).apply(deps, args);
      if (result instanceof Promise) return result.finally(forget); // addLayoutsToMap changes the graph as it goes
      return result;
    };
  }
  // `restore` and Eleventy itself may replace the graph whole
  const accessor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(deps), "map");
  if (!accessor?.get || !accessor.set) throw new Error("Eleventy's dependency map has no `map` accessor: re-check rememberDependencyQueries in _config/eleventy/internals.ts");
  Object.defineProperty(deps, "map", {
    configurable: true,
    get: () => accessor.get!.call(deps),
    set: (graph: unknown) => {
      forget();
      accessor.set!.call(deps, graph);
    },
  });
}

/** Remembers the answers of an Eleventy instance's dependency map (after `init()`). */
export function rememberDependencies(elev: Eleventy): void {
  const map = elev.eleventyConfig?.usesGraph;
  if (map) rememberDependencyQueries(map);
}

// ── the template map's lookups, indexed; a pass that lets the event loop turn ──

const eleventySource = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
/** `require` as from Eleventy's own folder: the very copies of its dependencies that Eleventy runs. */
export const eleventyRequire = createRequire(path.join(eleventySource, "Eleventy.js"));

/**
 * The default export of one of Eleventy's own modules (`src/<file>`, which its package
 * exports do not expose): the very module instance Eleventy runs, for patching its
 * classes here and for the tests that check those patches against the originals.
 */
export async function eleventyModule<T>(file: string): Promise<T> {
  return ((await import(pathToFileURL(path.join(eleventySource, file)).href)) as { default: T }).default;
}

interface TemplateMapInternals {
  map: { inputPath: string }[];
  getMapEntryForInputPath(inputPath: string): unknown;
}

interface MapIndex {
  entries: { inputPath: string }[];
  /** how many entries of `entries` the index covers (Eleventy 3.1.8 only ever pushes onto the map) */
  length: number;
  /** input path → the position of the first entry with it */
  first: Map<string, number>;
}

let mapLookupsIndexed = false;

/**
 * `TemplateMap#getMapEntryForInputPath` (Eleventy 3.1.8) searches the whole map, one
 * entry after the other, and Eleventy asks it for every entry (the template order, the
 * dependency map, the ordered map) and for every item of every collection
 * (`populateCollectionsWithContent`): map × (entries + items), 0.55 s of a 5 s
 * incremental pass at 4,000 stories, 25 times that at 20,000 (docs/performance.md §27).
 * Here each map keeps an index of its entries by input path, extended as entries are
 * pushed and rebuilt when the map is replaced: the answer is Eleventy's, the first
 * entry whose input path is the one asked for or its absolute form.
 */
export async function indexTemplateMapLookups(): Promise<void> {
  if (mapLookupsIndexed) return;
  const TemplateMap = await eleventyModule<{ prototype: TemplateMapInternals }>("TemplateMap.js");
  const utils = eleventyRequire("@11ty/eleventy-utils") as { TemplatePath: { absolutePath(p: string): string } };
  const proto = TemplateMap.prototype;
  if (typeof proto.getMapEntryForInputPath !== "function" || typeof utils.TemplatePath?.absolutePath !== "function") {
    throw new Error("Eleventy's TemplateMap has no getMapEntryForInputPath(): re-check indexTemplateMapLookups in _config/eleventy/internals.ts");
  }
  const indexes = new WeakMap<object, MapIndex>();
  const indexOf = (map: TemplateMapInternals): MapIndex => {
    let index = indexes.get(map);
    if (!index || index.entries !== map.map || index.length > map.map.length) {
      index = { entries: map.map, length: 0, first: new Map() };
      indexes.set(map, index);
    }
    for (; index.length < index.entries.length; index.length++) {
      const key = index.entries[index.length]!.inputPath;
      if (!index.first.has(key)) index.first.set(key, index.length);
    }
    return index;
  };
  proto.getMapEntryForInputPath = function (this: TemplateMapInternals, inputPath: string) {
    const { first } = indexOf(this);
    const asked = first.get(inputPath) ?? Infinity;
    const absolute = first.get(utils.TemplatePath.absolutePath(inputPath)) ?? Infinity;
    return this.map[Math.min(asked, absolute)]; // undefined for neither (map[Infinity])
  };
  mapLookupsIndexed = true;
}

let breathing = false;

/**
 * Eleventy's pass builds its template map in one chain of promises that settle at once
 * (every template's data and pages, file reads cached): the event loop does not turn for
 * seconds (4.4 s at 4,000 stories), so a story saved meanwhile is not even heard of
 * until the pass writes, and cannot be written ahead of it (dev/server.ts). Here each
 * template's `getTemplates` first lets the loop turn (`setImmediate`) when it has not
 * turned for `everyMs`: the pass does the same work in the same order, with pauses of
 * a fraction of a millisecond. For the dev server only.
 */
export async function letPassesBreathe(everyMs = 20): Promise<void> {
  if (breathing) return;
  const Template = await eleventyModule<{ prototype: { getTemplates(data: unknown): Promise<unknown> } }>("Template.js");
  const getTemplates = Template.prototype.getTemplates;
  if (typeof getTemplates !== "function") throw new Error("Eleventy's Template has no getTemplates(): re-check letPassesBreathe in _config/eleventy/internals.ts");
  let turned = performance.now();
  Template.prototype.getTemplates = async function (this: unknown, data: unknown) {
    if (performance.now() - turned > everyMs) {
      await new Promise((resolve) => setImmediate(resolve));
      turned = performance.now();
    }
    return getTemplates.call(this, data);
  };
  breathing = true;
}

/** What this adapter reads of `dependency-graph` 1.0.0's DepGraph (Eleventy's template dependency graph). */
export interface DepGraphInternals {
  nodes: Map<string, unknown>;
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  circular?: boolean;
  hasNode(node: string): boolean;
  addNode(node: string, data?: unknown): void;
  addDependency(from: string, to: string): void;
  overallOrder(leavesOnly?: boolean): string[];
}

/** `dependency-graph`'s DepGraph, the very class Eleventy extends (resolved from Eleventy's own folder). */
export function eleventyDepGraph(): { prototype: DepGraphInternals; new (opts?: { circular?: boolean }): DepGraphInternals } {
  return (eleventyRequire("dependency-graph") as { DepGraph: ReturnType<typeof eleventyDepGraph> }).DepGraph;
}

let edgesIndexed = false;

/**
 * Eleventy 3.1.8 rebuilds its template dependency graph (`dependency-graph` 1.0.0,
 * circular) at the start of every incremental pass, and two of the graph's methods are
 * quadratic in a node's edges: `addDependency` looks for the edge with `indexOf` in both
 * edge lists (a collection node has one edge per story), and `overallOrder` of a
 * circular graph asks `result.indexOf` for every node. At 20,000 stories they were 46 %
 * of the 6.1 s the dev server's every pass held the event loop (docs/performance.md §28).
 * Here both ask a Set instead, with the same answers in the same order: each edge list
 * gets a Set of its members, used while its size is the list's length (`removeDependency`
 * and `removeNode` splice the lists: the Set is then made again from the list).
 */
export function indexDependencyEdges(): void {
  if (edgesIndexed) return;
  const DepGraph = eleventyDepGraph();
  const proto = DepGraph.prototype;
  if (typeof proto.addDependency !== "function" || typeof proto.overallOrder !== "function") {
    throw new Error("dependency-graph's DepGraph has no addDependency()/overallOrder(): re-check indexDependencyEdges in _config/eleventy/internals.ts");
  }
  const members = new WeakMap<string[], Set<string>>();
  const has = (list: string[], node: string): boolean => {
    let set = members.get(list);
    if (!set || set.size !== list.length) {
      set = new Set(list);
      if (set.size !== list.length) return list.includes(node); // a list with a repeat: as the library would
      members.set(list, set);
    }
    return set.has(node);
  };
  const add = (list: string[], node: string) => {
    list.push(node);
    members.get(list)?.add(node);
  };
  proto.addDependency = function (this: DepGraphInternals, from: string, to: string) {
    if (!this.hasNode(from)) throw new Error(`Node does not exist: ${from}`);
    if (!this.hasNode(to)) throw new Error(`Node does not exist: ${to}`);
    const out = this.outgoingEdges.get(from)!;
    if (!has(out, to)) add(out, to);
    const inc = this.incomingEdges.get(to)!;
    if (!has(inc, from)) add(inc, from);
    return true;
  } as DepGraphInternals["addDependency"];
  const overallOrder = proto.overallOrder;
  proto.overallOrder = function (this: DepGraphInternals, leavesOnly?: boolean) {
    if (!this.circular) return overallOrder.call(this, leavesOnly);
    // The library's order, with a Set for "not yet in the result" (its `result.indexOf`):
    // the DFS from every node nothing depends on, then from each node left, as listed
    // before those searches began.
    const result: string[] = [];
    const keys = [...this.nodes.keys()];
    const dfs = circularDfs(this.outgoingEdges, leavesOnly ?? false, result);
    for (const n of keys.filter((node) => this.incomingEdges.get(node)!.length === 0)) dfs(n);
    const placed = new Set(result);
    for (const n of keys.filter((node) => !placed.has(node))) dfs(n);
    return result;
  };
  edgesIndexed = true;
}

/** dependency-graph 1.0.0's `createDFS` for a circular graph (cycles tolerated): the same visit order and result. */
function circularDfs(edges: Map<string, string[]>, leavesOnly: boolean, result: string[]): (start: string) => void {
  const visited = new Set<string>();
  return (start) => {
    if (visited.has(start)) return;
    const inCurrentPath = new Set<string>();
    const todo: { node: string; processed: boolean }[] = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1]!;
      const node = current.node;
      if (!current.processed) {
        if (visited.has(node) || inCurrentPath.has(node)) {
          todo.pop();
          continue;
        }
        inCurrentPath.add(node);
        const nodeEdges = edges.get(node)!;
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i]!, processed: false });
        current.processed = true;
      } else {
        todo.pop();
        inCurrentPath.delete(node);
        visited.add(node);
        if (!leavesOnly || edges.get(node)!.length === 0) result.push(node);
      }
    }
  };
}

let normalizationRemembered = false;

/** What this adapter reads of Eleventy's PathNormalizer. */
export interface PathNormalizerInternals {
  fullNormalization(inputPath: unknown): unknown;
}

/**
 * Eleventy 3.1.8's dependency map normalizes both paths of every question it is asked
 * (`PathNormalizer.fullNormalization`: a file URL to a path, the path relative to the
 * working folder, `/` separators): an incremental pass asks once per template whether
 * the saved file is relevant to it, and again for each of its dependencies. At 20,000
 * stories that normalizing was 1.4 s of the 4.9 s the dev server's pass began with
 * (docs/performance.md §28). The answer depends only on the string and the working
 * folder: here it is remembered per working folder (at most `limit` answers, then the
 * memo starts again).
 */
export async function rememberPathNormalization(limit = 200_000): Promise<void> {
  if (normalizationRemembered) return;
  const PathNormalizer = await eleventyModule<PathNormalizerInternals>("Util/PathNormalizer.js");
  const normalize = PathNormalizer.fullNormalization;
  if (typeof normalize !== "function") throw new Error("Eleventy's PathNormalizer has no fullNormalization(): re-check rememberPathNormalization in _config/eleventy/internals.ts");
  let cwd = process.cwd();
  const memo = new Map<string, unknown>();
  PathNormalizer.fullNormalization = function (this: PathNormalizerInternals, inputPath: unknown) {
    if (typeof inputPath !== "string") return normalize.call(this, inputPath);
    const now = process.cwd();
    if (now !== cwd || memo.size >= limit) {
      memo.clear();
      cwd = now;
    }
    let found = memo.get(inputPath);
    if (found === undefined) {
      found = normalize.call(this, inputPath);
      memo.set(inputPath, found);
    }
    return found;
  };
  normalizationRemembered = true;
}

/**
 * The lookups every Eleventy pass of this process makes faster, with Eleventy's own
 * answers: the template map's by input path, the dependency graph's edges, the dependency
 * map's path normalization. For builds and the dev server alike (each is done once).
 */
export async function indexEleventyLookups(): Promise<void> {
  await indexTemplateMapLookups();
  indexDependencyEdges();
  await rememberPathNormalization();
}
