/**
 * Every internal link, image, `srcset` entry and `#fragment` in the built pages
 * resolves inside the output folder; so do the site's own absolute URLs in pages
 * (canonical, og:url, og:image), in their JSON-LD, in feeds (Atom and JSON) and
 * sitemaps, and the paths of `_headers` (link-sources.ts). Stylesheets and scripts
 * must be fingerprinted. No `javascript:` URL may appear anywhere.
 *
 * Speed (docs/performance.md): each page is read once by htmlparser2's tokenizer (no
 * DOM), keeping only its ids and the URLs it refers to; pages can be scanned while
 * the rest of the build still writes (`LinkChecker.scan`), and the references are
 * resolved at the end against the final list of files (`finish`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { isFingerprinted } from "../../pages/index.ts";
import { candidateFiles, isHtml, urlOfFile, type Finding } from "./files.ts";
import { LinkMemo, PAGES_PER_PART, partCount, probe, writeLinkMemo, type PageEntry, type PageScan } from "./link-memo.ts";
import { mayTarget, refKeysMemo, targetNames } from "./link-names.ts";
import { headersRefs, jsonRefs, xmlRefs, type Ref } from "./link-sources.ts";
import { ownString } from "../../util/index.ts";

export { mayTarget, refKeys, targetNames } from "./link-names.ts";
export { LinkMemo, type PageScan } from "./link-memo.ts";

/** References found in one file (a page's: its scan's own list, without the file in each). */
interface RefGroup {
  file: string;
  refs: readonly Omit<Ref, "file">[];
}

/** Pages or files that keep names we don't choose (so can't carry a content hash). */
const UNHASHED_OK = [/^\/pagefind\//];

export interface LinkReport {
  findings: Finding[];
  /** URLs checked (one per attribute value or srcset entry) */
  checked: number;
  /** of those, resolved against this build's files in this run (the rest: pages taken unchanged, no target of theirs gone) */
  resolved?: number;
  /** pages whose scan came from the memo (the worker adds it) */
  reused?: number;
  /** milliseconds per part of the worker's work (the worker adds it) */
  timings?: Record<string, number>;
  /** the memo's parts: in the last memo, read of them, and in the next one, written afresh (the rest linked as they were) */
  memo?: { last: number; read: number; next: number; written: number };
}

const URL_ATTRIBUTES = ["href", "src", "poster", "data", "action", "cite"];

/** Collects the ids and references of output files, then resolves them all at once. */
export class LinkChecker {
  readonly #base: URL;
  /**
   * the references to resolve, by the file they are in, in the order they were found: a
   * page's are its scan's own list (not copied again with the file name in each)
   */
  readonly #refs: RefGroup[] = [];
  /** one copy of each string of the scans (URLs, kinds of reference, ids), shared by every page that has it */
  readonly #strings = new Map<string, string>();
  readonly #ids = new Map<string, Set<string>>();
  readonly #findings: Finding[] = [];
  /** the last build's page scans, read part by part (link-memo.ts) */
  readonly #memo?: LinkMemo;
  readonly #perPart: number;
  /** this build's HTML pages: the hash of each one's bytes and, once made or loaded, its scan */
  readonly #pages = new Map<string, PageEntry>();
  /** this build's scans by page hash: a page with the bytes of another is scanned once */
  readonly #byHash = new Map<string, PageScan>();
  /**
   * pages taken unchanged from the last build (`scanKnown`), in order: their scans come from
   * the memo when needed, and their references are resolved in `finish` only where a
   * target may be gone; one whose scan the memo lacks is read and checked in full
   */
  readonly #known = new Set<string>();
  /** this build's pages by part of the last memo (fixed by `finish`) */
  #groups = new Map<number, [string, string][]>();
  /** parts of the last memo that hold exactly this build's pages in them: kept as they are */
  readonly #kept = new Set<number>();
  /** the next memo's part count (fixed by `finish`) */
  #parts?: number;
  #dir?: string;
  #freshReused = 0;
  readonly #keysOf = refKeysMemo();

  /**
   * `siteUrl`: the absolute base URL, path prefix included; `memo`: the page scans of an
   * earlier build (by page path and the SHA-256 of its bytes); `pagesPerPart`: the size
   * of the next memo's parts (tests make it small).
   */
  constructor(siteUrl: string, memo?: LinkMemo, options: { pagesPerPart?: number } = {}) {
    this.#base = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
    this.#memo = memo;
    this.#perPart = options.pagesPerPart ?? PAGES_PER_PART;
  }

  /** Pages whose scan came from the memo (or from a page of this build with the same bytes). */
  get reused(): number {
    return this.#freshReused + this.#known.size;
  }

  /** Reads one output file (site path `file`, e.g. "/world/x/index.html"); other types are ignored. */
  scanFile(dir: string, file: string): void {
    if (isHtml(file) || file.endsWith(".xml") || isOwnJson(file) || file === "/_headers") this.scan(file, readFileSync(path.join(dir, file), "utf8"));
  }

  /** Takes the ids and references of one HTML page, XML or JSON file, or `_headers`. */
  scan(file: string, text: string): void {
    const { origin } = this.#base;
    if (file.endsWith(".xml")) this.#refs.push({ file, refs: xmlRefs(text, file, origin) });
    else if (file === "/_headers") this.#refs.push({ file, refs: headersRefs(text, file, origin) });
    else if (isOwnJson(file)) this.#json(file, text, "JSON");
    else if (isHtml(file)) this.#page(file, createHash("sha256").update(text).digest("hex"), text);
  }

  /**
   * A file taken unchanged from the last build's output, with the SHA-256 of its bytes
   * (the manifest's): a page is not read (its scan comes from the memo in `finish`, when
   * needed); anything else, or any page when there is no memo, is read as `scanFile` reads it.
   */
  scanKnown(dir: string, file: string, hash: string): void {
    if (!isHtml(file) || !this.#memo) return this.scanFile(dir, file);
    this.#dir = dir;
    this.#pages.set(file, { hash });
    this.#known.add(file);
  }

  /** A page read now: its scan from the memo or this build (same path or bytes), else made from `text`. */
  #page(file: string, hash: string, text: string): void {
    let page = this.#memo?.scanOf(file, hash) ?? this.#byHash.get(hash);
    if (page) this.#freshReused++;
    else {
      const refs: Ref[] = [];
      const findings: Finding[] = [];
      const ids = this.#scanPage(file, text, true, refs, findings);
      page = this.#interned({ ids: [...ids], refs, problems: findings.map((f) => f.message) });
    }
    this.#byHash.set(hash, page);
    this.#pages.set(file, { hash, scan: page });
    this.#ids.set(file, new Set(page.ids));
    if (page.refs.length) this.#refs.push({ file, refs: page.refs });
    for (const message of page.problems) this.#findings.push({ check: "links", file, message });
  }

  /**
   * The scan of a page taken unchanged, from its part of the memo. If the part lacks it
   * (damaged, gone), the part is not kept as it is, and each of its unchanged pages that
   * has no scan is read and checked in full, as a page the memo lacks always was.
   */
  #knownScan(file: string): PageScan | undefined {
    const memo = this.#memo!;
    const part = memo.partOf(file);
    const loaded = memo.load(part);
    const take = (f: string) => {
      const page = this.#pages.get(f)!;
      if (page.scan || !this.#known.has(f)) return true;
      const entry = loaded?.get(f);
      if (entry?.hash !== page.hash) return false;
      page.scan = this.#interned(entry.scan);
      this.#ids.set(f, new Set(page.scan.ids));
      return true;
    };
    if (!take(file)) {
      this.#kept.delete(part);
      for (const [f] of this.#groups.get(part) ?? [[file]]) if (!take(f)) this.#readKnown(f);
    }
    return this.#pages.get(file)!.scan;
  }

  /** A page taken unchanged whose scan the memo lacks: read now, and checked in full. */
  #readKnown(file: string): void {
    this.#known.delete(file);
    const text = readFileSync(path.join(this.#dir!, file), "utf8");
    this.#page(file, createHash("sha256").update(text).digest("hex"), text);
  }

  /**
   * Fixes the next memo's parts, and which parts of the last memo hold exactly this
   * build's pages (kept as they are); every unchanged page in another part gets its scan
   * (the next memo writes that part afresh).
   */
  #settle(): void {
    const memo = this.#memo;
    this.#parts = partCount(this.#pages.size, memo?.parts, this.#perPart);
    if (!memo) return;
    this.#groups = new Map();
    for (const [file, { hash }] of this.#pages) {
      const part = memo.partOf(file);
      const group = this.#groups.get(part);
      if (group) group.push([file, hash]);
      else this.#groups.set(part, [[file, hash]]);
    }
    if (this.#parts === memo.parts) for (const [part, group] of this.#groups) if (memo.holds(part, group)) this.#kept.add(part);
    for (const file of [...this.#known]) if (!this.#kept.has(memo.partOf(file))) this.#knownScan(file);
  }

  /**
   * Writes this build's memo into `dir` (after `finish`): the parts of the last memo that
   * hold exactly this build's pages are linked as they are, the others written afresh.
   */
  writeMemo(dir: string): { written: number; linked: number } & LinkReport["memo"] {
    if (this.#parts === undefined) throw new Error("link check: writeMemo before finish");
    const memo = this.#memo;
    const same = memo !== undefined && memo.parts === this.#parts;
    const counts = writeLinkMemo(dir, this.#parts, this.#pages, this.#base, (part) => (same && this.#kept.has(part) ? memo.keep(part) : undefined), this.#keysOf);
    return { ...counts, last: memo?.count ?? 0, read: memo?.partsRead ?? 0, next: counts.written + counts.linked };
  }

  /** A scan whose strings are the check's one copy of each; its references without their file. */
  #interned(scan: { ids: string[]; refs: (Omit<Ref, "file"> & { file?: string })[]; problems: string[] }): PageScan {
    const one = (text: string) => {
      const known = this.#strings.get(text);
      if (known !== undefined) return known;
      // kept until the check ends: a copy, never a cut of the page it was parsed from (own-string.ts)
      const own = ownString(text);
      this.#strings.set(own, own);
      return own;
    };
    return { ids: scan.ids.map(one), refs: scan.refs.map(({ file: _file, ...ref }) => ({ ...ref, url: one(ref.url), what: one(ref.what) })), problems: scan.problems };
  }

  #json(file: string, text: string, what: string, findings: Finding[] = this.#findings, refs?: Ref[]): void {
    const found = jsonRefs(text, file, this.#base.origin, what);
    if (refs) refs.push(...found.refs);
    else this.#refs.push({ file, refs: found.refs });
    if (found.problem) findings.push({ check: "links", file, message: found.problem });
  }

  /** The ids of a page; with `collect`, its references and problems too (into `refs` and `findings`). */
  #scanPage(file: string, html: string, collect: boolean, refs: Ref[] = [], findings: Finding[] = []): Set<string> {
    const ids = new Set<string>();
    const { origin } = this.#base;
    if (!collect) {
      refs = [];
      findings = [];
    }
    let jsonLd: string | undefined; // the text of a JSON-LD script being read
    const json = (text: string) => this.#json(file, text, "JSON-LD", findings, refs);
    const parser = new Parser(
      {
        ontext(text) {
          if (jsonLd !== undefined) jsonLd += text;
        },
        onclosetag(tag) {
          if (tag === "script" && jsonLd !== undefined) {
            if (collect) json(jsonLd);
            jsonLd = undefined;
          }
        },
        onopentag(tag, attribs) {
          if (tag === "script" && attribs.type === "application/ld+json") jsonLd = "";
          const id = attribs.id ?? (tag === "a" ? attribs.name : undefined);
          if (id !== undefined) ids.add(id);
          const rel = (attribs.rel ?? "").toLowerCase().split(/\s+/);
          for (const attr of URL_ATTRIBUTES) {
            const raw = attribs[attr];
            if (raw === undefined) continue;
            const value = raw.trim();
            if (tag === "base") findings.push({ check: "links", file, message: "<base> changes how every link resolves; not allowed" });
            const what = tag === "link" && rel.includes("stylesheet") ? "stylesheet" : tag === "script" ? "script" : `<${tag} ${attr}>`;
            if (tag === "link" && (rel.includes("preconnect") || rel.includes("dns-prefetch"))) continue;
            if (value === "" || value === "#") {
              if (!(tag === "a" && value === "#")) findings.push({ check: "links", file, message: `${what} is empty` });
              continue;
            }
            refs.push({ file, url: value, what });
          }
          for (const attr of ["srcset", "imagesrcset"]) {
            const srcset = attribs[attr];
            if (srcset !== undefined) for (const url of srcsetUrls(srcset)) refs.push({ file, url, what: `<${tag} ${attr}>` });
          }
          if (tag === "meta") {
            const key = attribs.property?.startsWith("og:") ? attribs.property : attribs.name?.startsWith("twitter:") ? attribs.name : undefined;
            const content = attribs.content ?? "";
            if (key !== undefined && content.startsWith(origin)) refs.push({ file, url: content, what: `<meta ${attribs.property ?? attribs.name}>` });
          }
        },
      },
      { decodeEntities: true },
    );
    parser.end(html);
    return ids;
  }

  /**
   * Resolves every reference against `files` (every site path in the build) and reports.
   * `last` (an incremental build): the files of the last build's output that are gone,
   * and the last hash of each page scanned afresh. A page taken unchanged (`scanKnown`)
   * passed the last build's check, and its references' own problems are functions of its
   * bytes; one of them can only fail now if its target is gone or lost an id. So those
   * references are resolved only where their URL's last segment could name such a target
   * (`mayTarget`), and a page's scan is read from the memo only if its part's names could
   * (or the page is resolved in every build: `pageNames`); without `last`, every one is.
   */
  finish(dir: string, files: string[], last?: { gone: string[]; hashes: Record<string, string> }): LinkReport {
    const base = this.#base;
    const findings = this.#findings;
    const present = new Set(files);
    this.#dir ??= dir;
    this.#settle();
    const memo = this.#memo;
    let knownChecked = 0;
    if (memo && this.#known.size) {
      const gone = new Set(last?.gone ?? []);
      if (last) {
        for (const [file, hash] of Object.entries(last.hashes)) {
          const before = memo.scanOf(file, hash);
          const now = this.#ids.get(file);
          if (!before || !now || before.ids.some((id) => !now.has(id))) gone.add(file); // an id may be gone
        }
      }
      const names = last ? targetNames(gone) : undefined;
      const probed = names?.size ? probe(names) : undefined;
      const named = new Map<number, boolean>();
      const mayName = (part: number) => {
        if (!named.has(part)) named.set(part, probed !== undefined && memo.mayName(part, probed));
        return named.get(part)!;
      };
      for (const file of [...this.#known]) {
        let scan = this.#pages.get(file)!.scan;
        if (!scan) {
          const part = memo.partOf(file);
          if (names && present.has(file) && !memo.summary(part)?.always.includes(file) && !mayName(part)) continue; // none of its references can fail now
          scan = this.#knownScan(file);
          if (!this.#known.has(file)) continue; // read and checked in full
        }
        for (const message of scan!.problems) findings.push({ check: "links", file, message });
        const refs = names ? scan!.refs.filter((ref) => mayTarget(ref.url, names, this.#keysOf)) : scan!.refs;
        if (refs.length) this.#refs.push({ file, refs });
        knownChecked += refs.length;
      }
    }
    // A target that was not scanned (a caller scanning only some files): read its ids only;
    // one taken unchanged: its ids from the memo.
    const idsOfFile = (file: string) => {
      if (!this.#ids.has(file) && this.#known.has(file)) this.#knownScan(file);
      if (!this.#ids.has(file)) this.#ids.set(file, isHtml(file) ? this.#scanPage(file, readFileSync(path.join(dir, file), "utf8"), false) : new Set());
      return this.#ids.get(file)!;
    };
    // Thousands of links share a few hundred targets, and most are root-relative (the
    // same wherever they appear): resolve each distinct one once.
    const resolved = new Map<string, { url?: URL; problem?: string }>();
    const resolve = (ref: Ref) => {
      const rootRelative = ref.url.startsWith("/") && !ref.url.startsWith("//");
      const key = rootRelative || /^https?:/i.test(ref.url) ? ref.url : `${ref.file}\0${ref.url}`;
      let r = resolved.get(key);
      if (!r) {
        try {
          r = { url: new URL(ref.url, new URL(urlOfFile(ref.file).slice(1), base)) };
        } catch {
          r = { problem: "is not a valid URL" };
        }
        resolved.set(key, r);
      }
      return r;
    };
    const targets = new Map<string, string | undefined>();
    let resolvedCount = 0;
    for (const group of this.#refs) for (const own of group.refs) {
      const ref: Ref = { ...own, file: group.file };
      resolvedCount++;
      if (/^\s*javascript:/i.test(ref.url)) {
        findings.push({ check: "links", file: ref.file, message: `${ref.what} is a javascript: URL` });
        continue;
      }
      const { url, problem } = resolve(ref);
      if (!url) {
        findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}" ${problem}` });
        continue;
      }
      if (url.origin !== base.origin || !/^https?:$/.test(url.protocol)) continue; // external, mailto:, data:
      if (!url.pathname.startsWith(base.pathname)) {
        findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}" is outside the site's path ${base.pathname}` });
        continue;
      }
      const sitePath = `/${url.pathname.slice(base.pathname.length)}`;
      if (ref.folder) {
        if (!files.some((f) => f.startsWith(sitePath))) findings.push({ check: "links", file: ref.file, message: `${ref.what} "${url.pathname}*" matches no file in the build` });
        continue;
      }
      if (!targets.has(sitePath)) targets.set(sitePath, candidateFiles(sitePath).find((c) => present.has(c)));
      const target = targets.get(sitePath);
      if (!target) {
        findings.push({ check: "links", file: ref.file, message: `${ref.what} "${sitePath}" does not resolve to a file in the build` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && fragment !== "top" && !ref.noFragment && !idsOfFile(target).has(fragment)) {
        findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}": no element with id "${fragment}" in ${target}` });
      }
      if (ref.what.startsWith("stylesheet") || ref.what.startsWith("script")) {
        if (!isFingerprinted(sitePath) && !UNHASHED_OK.some((p) => p.test(sitePath))) {
          findings.push({ check: "fingerprint", file: ref.file, message: `${ref.what} "${ref.url}" has no content hash in its name` });
        }
      }
    }
    return { findings: [...findings], checked: resolvedCount - knownChecked + this.#knownRefs(), resolved: resolvedCount };
  }

  /** The references of the pages taken unchanged, counted from their scans or, for a part not read, from the memo's index. */
  #knownRefs(): number {
    let total = 0;
    const unread = new Set<number>();
    for (const file of this.#known) {
      const scan = this.#pages.get(file)!.scan;
      if (scan) total += scan.refs.length;
      else unread.add(this.#memo!.partOf(file));
    }
    // such a part holds exactly this build's pages in it (`#settle`): all but those unread have scans
    for (const part of unread) total += this.#memo!.summary(part)!.refs - (this.#groups.get(part) ?? []).reduce((n, [f]) => n + (this.#pages.get(f)!.scan?.refs.length ?? 0), 0);
    return total;
  }

}

/** Checks links in every HTML and XML output. `siteUrl` is the absolute base URL (path prefix included). */
export function checkLinks(dir: string, files: string[], siteUrl: string): LinkReport {
  const checker = new LinkChecker(siteUrl);
  for (const file of files) checker.scanFile(dir, file);
  return checker.finish(dir, files);
}

/** The URLs of a srcset, parsed as the HTML spec does (a URL may contain commas). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    if (!rest) return urls;
    let url = /^\S+/.exec(rest)![0];
    rest = rest.slice(url.length);
    if (/,+$/.test(url)) url = url.replace(/,+$/, "");
    else rest = rest.replace(/^[^,]*/, ""); // the descriptors, up to the next comma
    urls.push(url);
  }
}

/** JSON the build writes itself (the JSON Feed), not Pagefind's index files. */
const isOwnJson = (file: string) => file.endsWith(".json") && !file.startsWith("/pagefind/");
