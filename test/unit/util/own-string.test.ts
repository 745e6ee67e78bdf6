/**
 * What the build keeps for long is not a cut of a page (own-string.ts): a kept cut keeps
 * the whole page in memory (docs/performance.md, section 30). Measured on the heap after
 * a full collection, against a control that keeps plain cuts (so the test can fail).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import { ownString } from "../../../_config/util/index.ts";
import { sitemapHead } from "../../../_config/pages/index.ts";
import { LinkChecker } from "../../../_config/build/checks/links.ts";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const PAGES = 16;
const FILLER = 2_000_000; // characters of text per page
/** a big page with a canonical link, a unique id and a unique link */
const page = (i: number) =>
  `<!doctype html><html><head><link rel="canonical" href="https://example.org/story-${i}/"></head><body><h2 id="heading-number-${i}">x</h2><a href="/story-${(i + 1) % PAGES}/#heading-number-${i}">next</a><p>${"x".repeat(FILLER)}${i}</p></body></html>`;

/** MB left on the heap after keeping `keep(page)` for each of PAGES pages, the pages themselves dropped. */
function keptMB<T>(keep: (html: string, i: number) => T): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: T[] = [];
  for (let i = 0; i < PAGES; i++) kept.push(keep(page(i), i));
  gc();
  const after = process.memoryUsage().heapUsed;
  assert.equal(kept.length, PAGES);
  return (after - before) / 2 ** 20;
}

const pagesMB = (PAGES * FILLER) / 2 ** 20;

describe("strings of their own", () => {
  it("ownString is the same text, lone surrogates and every kind of character included", () => {
    for (const text of ["", "short", "a".repeat(13), "Zoë Ångström — 東京 🗞️ \u0000 \"quoted\" \\ \n\t", "lone \ud800 and \udfff surrogates", "x".repeat(100_000)]) assert.equal(ownString(text), text);
  });

  it("a cut kept with ownString does not keep its page; a plain cut does (the control)", () => {
    const plain = keptMB((html) => /<link rel="canonical" href="[^"]*">/.exec(html)![0]);
    const own = keptMB((html) => ownString(/<link rel="canonical" href="[^"]*">/.exec(html)![0]));
    assert.ok(plain > pagesMB * 0.8, `the control keeps the pages (${plain.toFixed(1)} MB of ${pagesMB.toFixed(1)}): this test can tell`);
    assert.ok(own < pagesMB * 0.1, `ownString keeps ${own.toFixed(1)} MB`);
  });

  it("a page's sitemap head (kept for the whole build) does not keep the page", () => {
    const kept = keptMB((html) => sitemapHead(html));
    assert.ok(kept < pagesMB * 0.1, `sitemap heads keep ${kept.toFixed(1)} MB of ${pagesMB.toFixed(1)} MB of pages`);
  });

  it("the link check's scans (ids and link targets, kept to the end) do not keep the pages", () => {
    const checker = new LinkChecker("https://example.org/");
    const kept = keptMB((html, i) => checker.scan(`/story-${i}/index.html`, html));
    assert.ok(kept < pagesMB * 0.1, `the link check keeps ${kept.toFixed(1)} MB of ${pagesMB.toFixed(1)} MB of pages`);
  });
});
