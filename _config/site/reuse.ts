/**
 * Pages reused from the last production build (docs/performance.md, section 19). Before
 * Eleventy starts, the incremental build (_config/build/reuse.ts) proves some pages
 * unchanged: their inputs hash to the keys the last build recorded, and their files in
 * dist/ are the ones it wrote. It hands this room a plan:
 *
 *  - stories it reuses are not read by Eleventy at all; their collection items are
 *    rebuilt from the last build's record (`storyStub`), so every list still sees every
 *    story;
 *  - a list page (section, topic, author, archive) is rendered only when its key (the
 *    stories it shows, by file hash, and everything global) differs (`listingKey`);
 *  - sitemap.xml is told about the pages that were not rendered (`reusedPages`).
 *
 * Without a plan (the dev server, tests, `--clean`, a cold cache) everything renders.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { articleSchema } from "../content/index.ts";
import type { ArticleItem, ListingPage } from "./types.ts";

/** A page that was not rendered, as sitemap.xml reads a written one (its head's robots, canonical and modified tags). */
export interface ReusedPage {
  url: string;
  outputPath: string;
  content: string;
}

export interface ReusePlan {
  /** SHA-256 of what every story and list page depends on besides its own stories: code, data, the other inputs, the year */
  global: string;
  /** stories Eleventy does not read this build, as collection items made from the last build's records */
  stubs: ArticleItem[];
  /** SHA-256 of a story file's bytes, by its input path ("src/articles/…" or "./src/articles/…") */
  storyHash(inputPath: string): string | undefined;
  /** Records a list page's key; true when it must be rendered (new key, or its last file is not there as written) */
  listing(url: string, key: string): boolean;
  /** The story items Eleventy itself read this build */
  seen(items: ArticleItem[]): void;
  /** The pages not rendered this build (for sitemap.xml) */
  reusedPages(): ReusedPage[];
  /** true during a story pass: Eleventy renders some stories only (no list), the last pass the rest */
  readonly storyPass: boolean;
}

let current: ReusePlan | undefined;

/** Sets (or clears) the plan of the build about to run. */
export function setReusePlan(plan: ReusePlan | undefined): void {
  current = plan;
}

export function reusePlan(): ReusePlan | undefined {
  return current;
}

/** The keys of a story's data that lists, feeds and sitemaps read: the contract's keys, and its computed view. */
export const STORY_DATA_KEYS: readonly string[] = [...Object.keys(articleSchema.shape), "article"];

/** What the last build recorded of a story, to stand in for its collection item. */
export interface StoryRecord {
  /** Eleventy's input path ("./src/articles/2026/x.md") */
  inputPath: string;
  url: string | false;
  /** the page date (ISO 8601) */
  date: string;
  fileSlug: string;
  /** `encodeData` of the story's data (STORY_DATA_KEYS) */
  data: EncodedData;
}

// ── a codec for story data: JSON, with Dates and luxon DateTimes kept as themselves ──

type Tagged = { $date: string } | { $dt: [number, string, string, string, string] };
/** Where a Date or DateTime sits in the data: its keys from the top. */
type KeyPath = (string | number)[];

/** Story data as JSON, and the key paths of its Dates and DateTimes, each written there as a `Tagged` object. */
export interface EncodedData {
  text: string;
  typed: KeyPath[];
}

/**
 * JSON of a story's data; Dates and luxon DateTimes (views) survive the round trip
 * exactly. Their places are listed (`typed`), so decoding is a plain `JSON.parse` and a
 * visit to each of them: a reviver called on every value cost ≈ 10× the parse (0.4 s
 * for 4,000 stories; docs/performance.md §28).
 */
export function encodeData(value: unknown): EncodedData {
  const typed: KeyPath[] = [];
  const walk = (v: unknown, at: KeyPath): unknown => {
    if (v instanceof Date) return typed.push(at), { $date: v.toISOString() } satisfies Tagged;
    if (DateTime.isDateTime(v)) return typed.push(at), { $dt: [v.toMillis(), v.zoneName ?? "UTC", v.locale ?? "", v.numberingSystem ?? "", v.outputCalendar ?? ""] } satisfies Tagged;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...at, i]));
    if (v && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...at, k]);
      return out;
    }
    return v;
  };
  return { text: JSON.stringify(walk(value, [])), typed };
}

export function decodeData({ text, typed }: EncodedData): unknown {
  const root = { value: JSON.parse(text) as unknown };
  for (const at of typed) {
    let parent: Record<string | number, unknown> = root;
    let key: string | number = "value";
    for (const k of at) {
      parent = parent[key] as Record<string | number, unknown>;
      key = k;
    }
    parent[key] = revive(parent[key] as Tagged);
  }
  return root.value;
}

function revive(t: Tagged): Date | DateTime {
  if ("$date" in t) return new Date(t.$date);
  const [ms, zone, locale, numberingSystem, outputCalendar] = t.$dt;
  return DateTime.fromMillis(ms, { zone, ...(locale && { locale }), ...(numberingSystem && { numberingSystem }), ...(outputCalendar && { outputCalendar }) });
}

/** The record of a story item Eleventy read. */
export function storyRecord(item: ArticleItem): StoryRecord {
  const data = item.data as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of STORY_DATA_KEYS) if (data[key] !== undefined) picked[key] = data[key];
  return { inputPath: item.inputPath, url: item.url as string | false, date: item.date.toISOString(), fileSlug: (item as { fileSlug?: string }).fileSlug ?? "", data: encodeData(picked) };
}

/**
 * A collection item for a story Eleventy did not read: its data as the last build saw
 * it. `templateContent` (its rendered body, which feeds carry) is read from `contentFile`
 * on first use.
 */
export function storyStub(record: StoryRecord, contentFile: string | undefined): ArticleItem {
  let content: string | undefined;
  const item = {
    inputPath: record.inputPath,
    url: record.url,
    date: new Date(record.date),
    fileSlug: record.fileSlug,
    data: decodeData(record.data) as ArticleItem["data"],
    get templateContent(): string | undefined {
      if (content === undefined && contentFile) content = readFileSync(contentFile, "utf8");
      return content;
    },
  };
  return item as unknown as ArticleItem;
}

const isItem = (v: unknown): v is ArticleItem => !!v && typeof v === "object" && "inputPath" in v && "data" in v && "url" in v && "date" in v;

/**
 * A list page's key: SHA-256 of the global inputs and the page itself, each story it
 * shows standing as its path, URL, date and file hash (its data, body and therefore its
 * card are functions of those and of the global inputs). Undefined when a story's hash
 * is unknown (the page then always renders).
 */
export function listingKey(listing: ListingPage, plan: Pick<ReusePlan, "global" | "storyHash">): string | undefined {
  let unknown = false;
  const text = JSON.stringify(listing, (_key, v: unknown) => {
    if (!isItem(v)) return v;
    const hash = plan.storyHash(v.inputPath);
    if (!hash) unknown = true;
    return [v.inputPath, v.url, v.date.getTime(), hash];
  });
  return unknown ? undefined : createHash("sha256").update(`${plan.global}\0${text}`).digest("hex");
}
