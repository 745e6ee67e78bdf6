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
import { headersRefs, jsonRefs, xmlRefs, type Ref } from "./link-sources.ts";

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
}

const URL_ATTRIBUTES = ["href", "src", "poster", "data", "action", "cite"];

/**
 * What scanning one page found: a function of its bytes alone (and the site URL and the
 * code, which name the memo's file), so a page with the same bytes as one scanned by an
 * earlier build reuses it. Resolving the references (`finish`) always runs on every
 * page's references against this build's files and ids: a page linking to a page that
 * disappeared, or to an id that is gone, is reported though its own bytes are unchanged.
 */
export interface PageScan {
  ids: string[];
  /** each reference (its page is the page scanned), in order */
  refs: Omit<Ref, "file">[];
  /** this page's own problems (messages), in order */
  problems: string[];
}

/** Collects the ids and references of output files, then resolves them all at once. */
export class LinkChecker {
  readonly #base: URL;
  readonly #refs: Ref[] = [];
  /** pages taken unchanged from the last build (`scanKnown`): their references, resolved in `finish` only where a target may be gone */
  readonly #known: { file: string; refs: PageScan["refs"] }[] = [];
  readonly #ids = new Map<string, Set<string>>();
  readonly #findings: Finding[] = [];
  readonly #memo?: Record<string, PageScan>;
  readonly #next: Record<string, PageScan> = {};
  #reused = 0;

  /** `siteUrl`: the absolute base URL, path prefix included; `memo`: scans of an earlier build, by page hash (SHA-256, hex). */
  constructor(siteUrl: string, memo?: Record<string, PageScan>) {
    this.#base = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
    this.#memo = memo;
  }

  /** This build's page scans, by page hash (the memo for the next build). */
  memo(): Record<string, PageScan> {
    return this.#next;
  }

  /** Pages whose scan came from the memo. */
  get reused(): number {
    return this.#reused;
  }

  /** Reads one output file (site path `file`, e.g. "/world/x/index.html"); other types are ignored. */
  scanFile(dir: string, file: string): void {
    if (isHtml(file) || file.endsWith(".xml") || isOwnJson(file) || file === "/_headers") this.scan(file, readFileSync(path.join(dir, file), "utf8"));
  }

  /** Takes the ids and references of one HTML page, XML or JSON file, or `_headers`. */
  scan(file: string, text: string): void {
    const { origin } = this.#base;
    if (file.endsWith(".xml")) this.#refs.push(...xmlRefs(text, file, origin));
    else if (file === "/_headers") this.#refs.push(...headersRefs(text, file, origin));
    else if (isOwnJson(file)) this.#json(file, text, "JSON");
    else if (isHtml(file)) this.#page(file, createHash("sha256").update(text).digest("hex"), text);
  }

  /**
   * A file taken unchanged from the last build's output, with the SHA-256 of its bytes
   * (the manifest's): a page's scan comes from the memo without reading it; anything
   * else (or a page the memo lacks) is read as `scanFile` reads it.
   */
  scanKnown(dir: string, file: string, hash: string): void {
    if (isHtml(file) && (this.#next[hash] ?? this.#memo?.[hash])) this.#page(file, hash, undefined, true);
    else this.scanFile(dir, file);
  }

  /** A page by the SHA-256 of its bytes: its scan from this build or the memo, else made from `text`. */
  #page(file: string, key: string, text: string | undefined, known = false): void {
    let page = this.#next[key] ?? this.#memo?.[key];
    if (page) this.#reused++;
    else {
      if (text === undefined) throw new Error(`link check: ${file} has no scan to reuse and was not read`);
      const refs: Ref[] = [];
      const findings: Finding[] = [];
      const ids = this.#scanPage(file, text, true, refs, findings);
      page = { ids: [...ids], refs: refs.map(({ file: _file, ...rest }) => rest), problems: findings.map((f) => f.message) };
    }
    this.#next[key] = page;
    this.#ids.set(file, new Set(page.ids));
    if (known) this.#known.push({ file, refs: page.refs });
    else for (const ref of page.refs) this.#refs.push({ ...ref, file });
    for (const message of page.problems) this.#findings.push({ check: "links", file, message });
  }

  #json(file: string, text: string, what: string, findings: Finding[] = this.#findings, refs: Ref[] = this.#refs): void {
    const found = jsonRefs(text, file, this.#base.origin, what);
    refs.push(...found.refs);
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

  /** Resolves every reference against `files` (every site path in the build) and reports. */
  /**
   * Resolves every reference against `files`. `last` (an incremental build): the files
   * of the last build's output that are gone, and the last hash of each page scanned
   * afresh. A page taken unchanged (`scanKnown`) passed the last build's check, and its
   * references' own problems are functions of its bytes; one of them can only fail now
   * if its target is gone or lost an id. So those references are resolved only where
   * their URL's last segment could name such a target (`mayTarget`); without `last`,
   * every one is.
   */
  finish(dir: string, files: string[], last?: { gone: string[]; hashes: Record<string, string> }): LinkReport {
    const base = this.#base;
    const findings = [...this.#findings];
    const present = new Set(files);
    let knownChecked = 0;
    let knownTotal = 0;
    if (this.#known.length) {
      const gone = new Set(last?.gone ?? []);
      if (last) {
        for (const [file, hash] of Object.entries(last.hashes)) {
          const before = this.#memo?.[hash];
          const now = this.#ids.get(file);
          if (!before || !now || before.ids.some((id) => !now.has(id))) gone.add(file); // an id may be gone
        }
      }
      const names = last ? targetNames(gone) : undefined;
      for (const { file, refs } of this.#known) {
        knownTotal += refs.length;
        for (const ref of refs) {
          if (names && !mayTarget(ref.url, names)) continue;
          this.#refs.push({ ...ref, file });
          knownChecked++;
        }
      }
    }
    // A target that was not scanned (a caller scanning only some files): read its ids only.
    const idsOfFile = (file: string) => {
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
    for (const ref of this.#refs) {
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
    return { findings, checked: this.#refs.length - knownChecked + knownTotal, resolved: this.#refs.length };
  }

}

/** Checks links in every HTML and XML output. `siteUrl` is the absolute base URL (path prefix included). */
/**
 * The last URL segments that could name one of `files` ("/world/x/index.html": "index.html",
 * "index", "x", "x/"; "/img/a.jpg": "a.jpg", "a"; the root page: "/"), raw and decoded.
 */
export function targetNames(files: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    const name = parts.at(-1) ?? "";
    names.add(name).add(name.replace(/\.[^.]*$/, ""));
    if (/^index\.html?$/.test(name)) {
      const folder = parts.at(-2) ?? "";
      names.add(folder).add(`${folder}/`);
    }
  }
  return names;
}

/** Whether a reference could resolve to a file named in `names` (conservative: a URL ending in ".", "..", or nothing at all always could). */
export function mayTarget(url: string, names: Set<string>): boolean {
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/^\/\/[^/]*/, "").replace(/[?#].*$/s, "");
  const trimmed = bare.endsWith("/") ? bare.slice(0, -1) : bare;
  const last = trimmed.split("/").at(-1) ?? "";
  if (last === "" && !bare.startsWith("/")) return true; // "", "./": the page's own folder
  if (last === "." || last === "..") return true;
  const seg = bare.endsWith("/") ? `${last}/` : last;
  if (names.has(seg) || names.has(last)) return true;
  try {
    const decoded = decodeURIComponent(seg);
    return names.has(decoded) || names.has(decodeURIComponent(last));
  } catch {
    return true;
  }
}

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
