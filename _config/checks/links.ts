/**
 * Every internal link, image, `srcset` entry and `#fragment` in the built pages
 * resolves inside the output folder; so do the site's own absolute URLs in pages
 * (canonical, og:url, og:image) and in XML outputs (feeds, sitemaps). Stylesheets
 * and scripts must be fingerprinted. No `javascript:` URL may appear anywhere.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { isFingerprinted } from "../assets.ts";
import { fileForPath, isHtml, urlOfFile, type Finding } from "./files.ts";

/** Pages or files that keep names we don't choose (so can't carry a content hash). */
const UNHASHED_OK = [/^\/pagefind\//];

export interface LinkReport {
  findings: Finding[];
  /** URLs checked (one per attribute value or srcset entry) */
  checked: number;
}

interface Ref {
  file: string;
  url: string;
  what: string;
}

/** Checks links in every HTML and XML output. `siteUrl` is the absolute base URL (path prefix included). */
export function checkLinks(dir: string, files: string[], siteUrl: string): LinkReport {
  const base = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
  const refs: Ref[] = [];
  const ids = new Map<string, Set<string>>();
  const findings: Finding[] = [];
  for (const file of files) {
    if (isHtml(file)) {
      const { document } = parseHTML(readFileSync(path.join(dir, file), "utf8"));
      ids.set(file, idsOf(document));
      refs.push(...pageRefs(document, file, base, findings));
    } else if (file.endsWith(".xml")) {
      refs.push(...xmlRefs(readFileSync(path.join(dir, file), "utf8"), file));
    }
  }
  const idsOfFile = (file: string) => {
    if (!ids.has(file)) ids.set(file, isHtml(file) ? idsOf(parseHTML(readFileSync(path.join(dir, file), "utf8")).document) : new Set());
    return ids.get(file)!;
  };
  // Thousands of links share a few hundred targets: look each one up on disk once.
  const targets = new Map<string, string | undefined>();
  for (const ref of refs) {
    const pageUrl = new URL(urlOfFile(ref.file).slice(1), base);
    if (/^\s*javascript:/i.test(ref.url)) {
      findings.push({ check: "links", file: ref.file, message: `${ref.what} is a javascript: URL` });
      continue;
    }
    let url: URL;
    try {
      url = new URL(ref.url, pageUrl);
    } catch {
      findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}" is not a valid URL` });
      continue;
    }
    if (url.origin !== base.origin || !/^https?:$/.test(url.protocol)) continue; // external, mailto:, data:
    if (!url.pathname.startsWith(base.pathname)) {
      findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}" is outside the site's path ${base.pathname}` });
      continue;
    }
    const sitePath = `/${url.pathname.slice(base.pathname.length)}`;
    if (!targets.has(sitePath)) targets.set(sitePath, fileForPath(dir, sitePath));
    const target = targets.get(sitePath);
    if (!target) {
      findings.push({ check: "links", file: ref.file, message: `${ref.what} "${sitePath}" does not resolve to a file in the build` });
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && fragment !== "top" && !idsOfFile(target).has(fragment)) {
      findings.push({ check: "links", file: ref.file, message: `${ref.what} "${ref.url}": no element with id "${fragment}" in ${target}` });
    }
    if (ref.what.startsWith("stylesheet") || ref.what.startsWith("script")) {
      if (!isFingerprinted(sitePath) && !UNHASHED_OK.some((p) => p.test(sitePath))) {
        findings.push({ check: "fingerprint", file: ref.file, message: `${ref.what} "${ref.url}" has no content hash in its name` });
      }
    }
  }
  return { findings, checked: refs.length };
}

function idsOf(document: Document): Set<string> {
  const set = new Set<string>();
  for (const el of document.querySelectorAll("[id], a[name]")) set.add(el.getAttribute("id") ?? el.getAttribute("name")!);
  return set;
}

const URL_ATTRIBUTES = ["href", "src", "poster", "data", "action", "cite"];

function pageRefs(document: Document, file: string, base: URL, findings: Finding[]): Ref[] {
  const refs: Ref[] = [];
  for (const attr of URL_ATTRIBUTES) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const value = el.getAttribute(attr)!.trim();
      const tag = el.tagName.toLowerCase();
      if (tag === "base") findings.push({ check: "links", file, message: "<base> changes how every link resolves; not allowed" });
      const rel = (el.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
      const what = tag === "link" && rel.includes("stylesheet") ? "stylesheet" : tag === "script" ? "script" : `<${tag} ${attr}>`;
      if (tag === "link" && (rel.includes("preconnect") || rel.includes("dns-prefetch"))) continue;
      if (value === "" || value === "#") {
        if (!(tag === "a" && value === "#")) findings.push({ check: "links", file, message: `${what} is empty` });
        continue;
      }
      refs.push({ file, url: value, what });
    }
  }
  for (const attr of ["srcset", "imagesrcset"]) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const url of srcsetUrls(el.getAttribute(attr)!)) refs.push({ file, url, what: `<${el.tagName.toLowerCase()} ${attr}>` });
    }
  }
  for (const el of document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')) {
    const content = el.getAttribute("content") ?? "";
    if (content.startsWith(base.origin)) refs.push({ file, url: content, what: `<meta ${el.getAttribute("property") ?? el.getAttribute("name")}>` });
  }
  return refs;
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

/** Absolute URLs in feeds and sitemaps: <loc>, <link>, href="", url="". */
function xmlRefs(xml: string, file: string): Ref[] {
  const refs: Ref[] = [];
  const patterns = [/<loc>\s*([^<\s]+)\s*<\/loc>/g, /<link>\s*([^<\s]+)\s*<\/link>/g, /\s(?:href|url)="(https?:[^"]+)"/g];
  for (const re of patterns) for (const m of xml.matchAll(re)) refs.push({ file, url: m[1]!.replace(/&amp;/g, "&"), what: "XML link" });
  return refs;
}
