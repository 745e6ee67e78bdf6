/**
 * The link check reads every URL the build writes, not only HTML attributes: a bad
 * URL planted in JSON-LD, an Atom feed, the JSON Feed, a sitemap and `_headers` is
 * each found, and good ones (including JSON-LD node ids like `/#organization`) pass.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { checkLinks, listFiles } from "../../../_config/build/checks/index.ts";
import { headersRefs, urlsOnOrigin, xmlRefs } from "../../../_config/build/checks/link-sources.ts";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const BASE = "https://example.org/news/";
const ORIGIN = "https://example.org";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-link-sources-"));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const ld = (doc: object) => `<script type="application/ld+json">${JSON.stringify(doc)}</script>`;
const page = (head: string, body = "") => `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body><main id="main">${body}</main></body></html>`;
const atom = (icon: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${BASE}feed.xml</id><icon>${icon}</icon>` +
  `<entry><id>${BASE}a/</id><link rel="alternate" href="${BASE}a/"/><content type="html">&lt;a href=&quot;${BASE}a/&quot;&gt;a&lt;/a&gt;</content></entry></feed>\n`;
const jsonFeed = (icon: string) => JSON.stringify({ version: "https://jsonfeed.org/version/1.1", icon, items: [{ id: `${BASE}a/`, url: `${BASE}a/`, content_html: `<img src="${BASE}logo.1234567890.svg">` }] });
const sitemap = (loc: string) => `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${loc}</loc></url></urlset>\n`;
const headers = (extra = "") => `/*\n  X-Frame-Options: DENY\n/news/assets/*\n  Cache-Control: immutable\n${extra}`;

const GOOD: Record<string, string> = {
  "index.html": page(ld({ "@context": "https://schema.org", "@type": "NewsMediaOrganization", "@id": `${BASE}#organization`, url: BASE, logo: { url: `${BASE}logo.1234567890.svg` } })),
  "a/index.html": page(ld({ "@type": "NewsArticle", "@id": `${BASE}a/#article`, publisher: { "@id": `${BASE}#organization` }, correction: [{ url: `${BASE}a/#correction-1` }] }), '<p id="correction-1">c</p>'),
  "logo.1234567890.svg": "<svg/>",
  "assets/site.1234567890.css": "",
  "feed.xml": atom(`${BASE}logo.1234567890.svg`),
  "feed.json": jsonFeed(`${BASE}logo.1234567890.svg`),
  "sitemap.xml": sitemap(`${BASE}a/`),
  _headers: headers(),
};

const findings = (files: Record<string, string>) => {
  const dir = site(files);
  return checkLinks(dir, listFiles(dir), BASE).findings.map((f) => `${f.file} ${f.message}`);
};

describe("link check: URLs outside HTML attributes", () => {
  it("passes a site whose JSON-LD, feeds, sitemap and _headers name only files it has (node ids need no element)", () => {
    assert.deepEqual(findings(GOOD), []);
  });

  it("finds a bad URL planted in JSON-LD", () => {
    const bad = page(ld({ "@type": "NewsMediaOrganization", "@id": `${BASE}#organization`, logo: { url: `${BASE}assets/logo.svg` } }));
    assert.deepEqual(findings({ ...GOOD, "index.html": bad }), ['/index.html JSON-LD url "/assets/logo.svg" does not resolve to a file in the build']);
  });

  it("finds a JSON-LD URL whose fragment names no element (outside @id)", () => {
    const bad = page(ld({ "@type": "NewsArticle", correction: [{ url: `${BASE}a/#correction-9` }] }));
    assert.deepEqual(findings({ ...GOOD, "index.html": bad }), [`/index.html JSON-LD url "${BASE}a/#correction-9": no element with id "correction-9" in /a/index.html`]);
  });

  it("finds JSON-LD that does not parse", () => {
    assert.deepEqual(findings({ ...GOOD, "index.html": page('<script type="application/ld+json">{"@type": </script>') })[0]?.replace(/: .*$/, ""), "/index.html JSON-LD does not parse as JSON");
  });

  it("finds a bad URL planted in an Atom feed (<icon>) and in its escaped body HTML", () => {
    assert.deepEqual(findings({ ...GOOD, "feed.xml": atom(`${BASE}assets/logo.svg`) }), ['/feed.xml XML link "/assets/logo.svg" does not resolve to a file in the build']);
    const body = atom(`${BASE}logo.1234567890.svg`).replace(`&lt;a href=&quot;${BASE}a/&quot;`, `&lt;a href=&quot;${BASE}gone/&quot;`);
    assert.deepEqual(findings({ ...GOOD, "feed.xml": body }), ['/feed.xml XML link "/gone/" does not resolve to a file in the build']);
  });

  it("finds a bad URL planted in the JSON Feed", () => {
    assert.deepEqual(findings({ ...GOOD, "feed.json": jsonFeed(`${BASE}assets/logo.svg`) }), ['/feed.json JSON icon "/assets/logo.svg" does not resolve to a file in the build']);
  });

  it("finds a bad URL planted in a sitemap, and one outside the path prefix", () => {
    assert.deepEqual(findings({ ...GOOD, "sitemap.xml": sitemap(`${BASE}missing/`) }), ['/sitemap.xml XML link "/missing/" does not resolve to a file in the build']);
    assert.deepEqual(findings({ ...GOOD, "sitemap.xml": sitemap(`${ORIGIN}/a/`) }), [`/sitemap.xml XML link "${ORIGIN}/a/" is outside the site's path /news/`]);
  });

  it("finds a _headers rule outside the path prefix, for a folder with no file, or for a missing file", () => {
    assert.deepEqual(findings({ ...GOOD, _headers: headers("/assets/*\n  Cache-Control: immutable\n") }), [`/_headers _headers rule "${ORIGIN}/assets/" is outside the site's path /news/`]);
    assert.deepEqual(findings({ ...GOOD, _headers: headers("/news/img/*\n  Cache-Control: immutable\n") }), ['/_headers _headers rule "/news/img/*" matches no file in the build']);
    assert.deepEqual(findings({ ...GOOD, _headers: headers("/news/robots.txt\n  X-Robots-Tag: none\n") }), ['/_headers _headers rule "/robots.txt" does not resolve to a file in the build']);
  });
});

describe("link sources", () => {
  it("urlsOnOrigin finds URLs on the origin only, ending where HTML or XML ends them", () => {
    assert.deepEqual(urlsOnOrigin(`x ${ORIGIN}/a/ "${ORIGIN}/b?q=1" <${ORIGIN}> https://other.org/c &quot;${ORIGIN}/d/&quot;`, ORIGIN), [`${ORIGIN}/a/`, `${ORIGIN}/b?q=1`, ORIGIN, `${ORIGIN}/d/`]);
  });

  it("xmlRefs and headersRefs name their file and what they read", () => {
    assert.deepEqual(xmlRefs(`<icon>${ORIGIN}/i.svg</icon>`, "/feed.xml", ORIGIN), [{ file: "/feed.xml", url: `${ORIGIN}/i.svg`, what: "XML link" }]);
    assert.deepEqual(headersRefs("/*\n  A: b\n/x/*\n  A: b\n/y.txt\n", "/_headers", ORIGIN), [
      { file: "/_headers", url: `${ORIGIN}/x/`, what: "_headers rule", folder: true },
      { file: "/_headers", url: `${ORIGIN}/y.txt`, what: "_headers rule" },
    ]);
  });
});
