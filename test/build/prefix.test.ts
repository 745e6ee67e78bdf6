/**
 * A site served under a path prefix (SITE_URL=https://example.org/news/): every
 * internal link and asset URL in every HTML page stays under /news/.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { pagePath, pageUrls } from "../helpers/links.ts";

const SITE_URL = "https://example.org/news/";
const builds: Record<string, BuiltSite> = {};

before(async () => {
  for (const name of ["site", "good", "archive"]) builds[name] = await buildFixture(name, { env: { SITE_URL } });
});
after(async () => {
  for (const site of Object.values(builds)) await site.cleanup();
});

/** Internal URLs of every HTML page, resolved against the page's prefixed address. */
async function internalUrls(site: BuiltSite) {
  const urls: { file: string; where: string; raw: string; url: URL }[] = [];
  for (const file of (await site.files()).filter((f) => f.endsWith(".html"))) {
    const pageUrl = new URL(pagePath(file).slice(1), SITE_URL).href;
    for (const u of pageUrls(site.page(file), pageUrl)) if (u.url.host === "example.org") urls.push({ file, ...u });
  }
  return urls;
}

describe("a prefixed build (SITE_URL=https://example.org/news/)", () => {
  for (const name of ["site", "good", "archive"]) {
    it(`${name}: no internal link or asset URL escapes the prefix`, async () => {
      const urls = await internalUrls(builds[name]!);
      const escaped = urls.filter((u) => !u.url.pathname.startsWith("/news/")).map((u) => `${u.file}: ${u.where} ${u.raw}`);
      assert.deepEqual(escaped, []);
      assert.ok(urls.length > 50, `checked ${urls.length} internal URLs`);
    });
  }

  it("writes pages at unprefixed paths and links them with the prefix", () => {
    const site = builds.archive!;
    assert.ok(site.exists("/world/page/2/"));
    const doc = site.page("/world/");
    assert.equal(doc.querySelector('nav.pagination a[rel="next"]')!.getAttribute("href"), "/news/world/page/2/");
    assert.match(doc.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!, /^\/news\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
    assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute("href"), "https://example.org/news/world/");
    assert.equal(doc.querySelector('nav[aria-label="Sections"] a[href="/news/topics/"]')?.textContent, "Topics");
  });

  it("prefixes site paths written in story bodies: links, related callouts, figures", () => {
    const body = builds.good!.page("/world/hostile-headline/").querySelector(".story__body")!;
    assert.ok(body.querySelector('p a[href="/news/world/plain-story/"]'), "a markdown link to a site path");
    assert.equal(body.querySelector(".related a")!.getAttribute("href"), "/news/world/plain-story/");
    assert.match(body.querySelector("figure img")!.getAttribute("src")!, /^\/news\/img\/[\w-]+\.jpeg$/);
    for (const source of body.querySelectorAll("figure source")) assert.match(source.getAttribute("srcset")!, /^\/news\/img\//);
    assert.equal(body.querySelector('a[href="https://example.com/x"]')!.getAttribute("rel"), "noopener");
  });

  it("every internal URL of the prefixed site resolves to a file it wrote", async () => {
    const site = builds.archive!;
    const missing = (await internalUrls(site)).filter((u) => !site.exists(u.url.pathname.replace(/^\/news/, ""))).map((u) => `${u.file}: ${u.raw}`);
    assert.deepEqual(missing, []);
  });
});
