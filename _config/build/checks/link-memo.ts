/**
 * The link check's page scans kept between builds, in parts (docs/performance.md §21).
 * Each HTML page belongs to one part by a hash of its path; a part's file holds its pages'
 * scans (path → the page's SHA-256, ids, references, own problems) and is named by a
 * hash of its bytes. `index.json` tells, for each part, without reading it: its file and
 * size, a digest of its pages' paths and hashes, its count of references, the pages whose
 * references are resolved in every build, and a Bloom filter of the names
 * its references could target (`refKeys`). So a build reads the index and only the parts
 * it needs (those of pages rendered afresh, those a gone name could hit, those of pages a
 * fresh link's `#fragment` points into), and writes only the parts whose pages changed; a
 * part whose pages are all as they were is hard-linked from the last state into the next.
 *
 * A part is trusted by its name, size and digest, as the search index's parts are by
 * their key; one that is missing or does not match its name when read is as if absent:
 * its pages are read from the output and checked in full.
 */
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Ref } from "./link-sources.ts";
import { filterName, pageNames, refKeys } from "./link-names.ts";

const VERSION = 2;
const INDEX = "index.json";
/** pages per part aimed at; a part count is kept while it gives 8 to 128 pages a part */
export const PAGES_PER_PART = 32;

/**
 * What scanning one page found: a function of its bytes alone (and the site URL and the
 * code, which name the memo's folder).
 */
export interface PageScan {
  ids: string[];
  /** each reference (its page is the page scanned), in order */
  refs: Omit<Ref, "file">[];
  /** this page's own problems (messages), in order */
  problems: string[];
}

/** A page of this build: the hash of its bytes, and its scan once made or loaded. */
export interface PageEntry {
  hash: string;
  scan?: PageScan;
}

interface PartInfo {
  file: string;
  size: number;
  /** `digest` of the part's pages */
  digest: string;
  pages: number;
  refs: number;
  /** pages whose references are resolved in every build */
  always: string[];
  /** Bloom filter (base64) of the names the part's references could target */
  names: string;
}

interface MemoIndex {
  version: number;
  parts: number;
  info: Record<string, PartInfo>;
}

/** FNV-1a (32 bits), with a seed for a second hash. */
function fnv(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The part of a page (`parts`: a power of two). */
export const partOf = (file: string, parts: number) => fnv(file) & (parts - 1);

/** The part count for `pages` pages: the last one while it fits, else the power of two nearest PAGES_PER_PART a part. */
export function partCount(pages: number, last?: number, perPart = PAGES_PER_PART): number {
  if (last && pages / last >= perPart / 4 && pages / last <= perPart * 4) return last;
  let parts = 1;
  while (parts * perPart < pages) parts *= 2;
  return parts;
}

/** A digest of a part's pages (path and hash each), whatever their order. */
export function digest(pages: [string, string][]): string {
  const hash = createHash("sha256");
  for (const [file, page] of [...pages].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(`${file}\0${page}\n`);
  return hash.digest("hex");
}

/**
 * 24 bits a name and 16 hashes: about 1 false hit in 100,000 names. A build whose search
 * index changed has hundreds of gone files (Pagefind's chunks), each name probed against
 * every part: at 8 bits a name (2 %) nearly every part was read.
 */
const BLOOM_BITS = 24;
const BLOOM_HASHES = 16;

/** MurmurHash3's finalizer: spreads a 32-bit hash over all its bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The filter's bits for a name: each from its own mix of the name's hash (double hashing,
 * h1 + i·h2, draws on the low bits only in a small filter, and names of one shape then
 * share their bits).
 */
function bloomBits(hash: number, bits: number, visit: (bit: number) => boolean): boolean {
  for (let i = 1; i <= BLOOM_HASHES; i++) if (!visit(mix(hash ^ Math.imul(i, 0x9e3779b9)) % bits)) return false;
  return true;
}

/** A Bloom filter of `keys`, base64; `hashOf` remembers names' hashes across parts. */
function bloom(keys: Set<string>, hashOf: (key: string) => number = fnv): string {
  const bytes = new Uint8Array(Math.max(8, Math.ceil((keys.size * BLOOM_BITS) / 8)));
  const bits = bytes.length * 8;
  for (const key of keys) bloomBits(hashOf(key), bits, (bit) => ((bytes[bit >> 3]! |= 1 << (bit & 7)), true));
  return Buffer.from(bytes).toString("base64");
}

/** The names of a gone set (their filter names), hashed once for testing against every part's filter. */
export type NameProbe = number[];
export const probe = (names: Iterable<string>): NameProbe => [...new Set([...names].map(filterName))].map((name) => fnv(name));

/** A part file's name: a hash of its bytes (SHA-1: a check against damage, not a secret; 88 MB at 20,000 stories in a cold build). */
const sha16 = (data: string | Buffer) => createHash("sha1").update(data).digest("hex").slice(0, 16);

/** The last build's memo: its index, read at once, and its parts, read when asked for. */
export class LinkMemo {
  readonly #dir: string;
  readonly #index: MemoIndex;
  readonly #loaded = new Map<number, Map<string, PageEntry & { scan: PageScan }> | undefined>();
  readonly #filters = new Map<number, Uint8Array>();

  private constructor(dir: string, index: MemoIndex) {
    this.#dir = dir;
    this.#index = index;
  }

  /** The memo in `dir`, or undefined when there is none or its index is damaged (every page is then scanned). */
  static open(dir: string | undefined): LinkMemo | undefined {
    if (!dir) return undefined;
    try {
      const index = JSON.parse(readFileSync(path.join(dir, INDEX), "utf8")) as MemoIndex;
      if (index.version !== VERSION || !Number.isInteger(index.parts) || index.parts < 1 || (index.parts & (index.parts - 1)) !== 0 || !index.info || typeof index.info !== "object") return undefined;
      const info: Record<string, PartInfo> = {};
      for (const [part, entry] of Object.entries(index.info)) {
        try {
          if (statSync(path.join(dir, entry.file)).size === entry.size && Array.isArray(entry.always)) info[part] = entry;
        } catch {
          // a part gone (a commit cut short): as if absent
        }
      }
      return new LinkMemo(dir, { ...index, info });
    } catch {
      return undefined;
    }
  }

  get parts(): number {
    return this.#index.parts;
  }

  /** How many parts it holds. */
  get count(): number {
    return Object.keys(this.#index.info).length;
  }

  /** How many parts were read (damaged ones included). */
  get partsRead(): number {
    return this.#loaded.size;
  }

  partOf(file: string): number {
    return partOf(file, this.#index.parts);
  }

  /** Whether the part holds exactly these pages (path and hash): then what the index says of it is true of this build's pages. */
  holds(part: number, pages: [string, string][]): boolean {
    if (this.#loaded.has(part) && !this.#loaded.get(part)) return false; // read, and damaged
    const info = this.#index.info[part];
    return info !== undefined && info.pages === pages.length && info.digest === digest(pages);
  }

  isLoaded(part: number): boolean {
    return this.#loaded.has(part);
  }

  /** The part's pages, read once; undefined if it is absent or damaged. */
  load(part: number): Map<string, PageEntry & { scan: PageScan }> | undefined {
    if (this.#loaded.has(part)) return this.#loaded.get(part);
    let pages: Map<string, PageEntry & { scan: PageScan }> | undefined;
    const info = this.#index.info[part];
    if (info) {
      try {
        const bytes = readFileSync(path.join(this.#dir, info.file));
        if (info.file === `${part}-${sha16(bytes)}.json`) {
          pages = new Map();
          for (const [file, { hash, ...scan }] of Object.entries(JSON.parse(bytes.toString("utf8")) as Record<string, PageScan & { hash: string }>)) pages.set(file, { hash, scan });
        }
      } catch {
        pages = undefined; // damaged: as if absent
      }
    }
    this.#loaded.set(part, pages);
    return pages;
  }

  /** The last build's scan of `file`, if its bytes had SHA-256 `hash` (reads its part). */
  scanOf(file: string, hash: string): PageScan | undefined {
    const entry = this.load(this.partOf(file))?.get(file);
    return entry?.hash === hash ? entry.scan : undefined;
  }

  /** References in a part, and its pages whose references are resolved in every build (from the index). */
  summary(part: number): { refs: number; always: string[] } | undefined {
    return this.#index.info[part];
  }

  /** Whether a reference in the part could target one of the probed names (false hits possible, no misses). */
  mayName(part: number, names: NameProbe): boolean {
    const info = this.#index.info[part];
    if (!info) return true;
    let filter = this.#filters.get(part);
    if (!filter) this.#filters.set(part, (filter = new Uint8Array(Buffer.from(info.names, "base64"))));
    const bits = filter.length * 8;
    return names.some((hash) => bloomBits(hash, bits, (bit) => (filter[bit >> 3]! & (1 << (bit & 7))) !== 0));
  }

  /** The file of a part this memo holds, for a next memo that keeps it as it is. */
  keep(part: number): { path: string; info: PartInfo } | undefined {
    const info = this.#index.info[part];
    return info && { path: path.join(this.#dir, info.file), info };
  }
}

/**
 * Writes this build's memo into `dir` (a folder of the next state): `pages`, in `parts`
 * parts; a part for which `kept` gives the last memo's file (its pages all unchanged) is
 * hard-linked from there (copied where links fail), every other is written from its
 * pages' scans. The index is written last.
 */
export function writeLinkMemo(
  dir: string,
  parts: number,
  pages: Map<string, PageEntry>,
  base: URL,
  kept: (part: number) => { path: string; info: PartInfo } | undefined,
  keysOf: (url: string) => string[] | true = refKeys,
): { written: number; linked: number } {
  mkdirSync(dir, { recursive: true });
  const byPart = new Map<number, string[]>();
  for (const file of pages.keys()) {
    const part = partOf(file, parts);
    const files = byPart.get(part);
    if (files) files.push(file);
    else byPart.set(part, [file]);
  }
  const index: MemoIndex = { version: VERSION, parts, info: {} };
  const hashed = new Map<string, number>();
  const hashOf = (key: string) => {
    let h = hashed.get(key);
    if (h === undefined) hashed.set(key, (h = fnv(key)));
    return h;
  };
  let written = 0;
  let linked = 0;
  for (const part of [...byPart.keys()].sort((a, b) => a - b)) {
    const keep = kept(part);
    if (keep) {
      const to = path.join(dir, keep.info.file);
      try {
        linkSync(keep.path, to);
      } catch {
        copyFileSync(keep.path, to);
      }
      index.info[part] = keep.info;
      linked++;
      continue;
    }
    const files = byPart.get(part)!.sort();
    const record: Record<string, PageScan & { hash: string }> = {};
    const keys = new Set<string>();
    const always: string[] = [];
    let refs = 0;
    for (const file of files) {
      const { hash, scan } = pages.get(file)!;
      if (!scan) throw new Error(`link memo: no scan of ${file} to keep`);
      record[file] = { hash, ...scan };
      refs += scan.refs.length;
      if (pageNames(file, scan, base, keys, keysOf)) always.push(file);
    }
    const json = JSON.stringify(record);
    const file = `${part}-${sha16(json)}.json`;
    writeFileSync(path.join(dir, file), json);
    index.info[part] = { file, size: Buffer.byteLength(json), digest: digest(files.map((f) => [f, pages.get(f)!.hash])), pages: files.length, refs, always, names: bloom(keys, hashOf) };
    written++;
  }
  writeFileSync(path.join(dir, `${INDEX}.tmp`), JSON.stringify(index));
  renameSync(path.join(dir, `${INDEX}.tmp`), path.join(dir, INDEX));
  return { written, linked };
}
