/**
 * The post-build checks over the full demo build (the real content) and the `good`
 * fixture: zero html-validate errors on every page, every internal link / image /
 * srcset entry / #fragment resolves, fingerprinted assets, and the _headers file.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { inspectBuild, formatFinding } from "../../_config/build/checks/index.ts";
import { isFingerprinted } from "../../_config/pages/assets.ts";
import { headersFor, parseHeadersFile } from "../../_config/pages/headers.ts";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";

const SITE_URL = "https://newsroom.example.org/";
const builds: Record<string, BuiltSite> = {};

before(async () => {
  builds.site = await buildFixture("site");
  builds.good = await buildFixture("good");
  builds.prefixed = await buildFixture("good", { env: { SITE_URL: "https://example.org/news/" } });
});
after(() => Promise.all(Object.values(builds).map((b) => b.cleanup())));

describe("post-build checks", () => {
  for (const name of ["site", "good"]) {
    it(`find no problem in the ${name === "site" ? "full demo build" : "good fixture"}`, async () => {
      const report = await inspectBuild(builds[name]!.out, { siteUrl: SITE_URL });
      assert.deepEqual(report.findings.map(formatFinding), []);
      assert.ok(report.pages >= 2, `pages validated: ${report.pages}`);
      assert.ok(report.links >= 20, `links checked: ${report.links}`);
    });
  }

  it("find no problem in a build served under a path prefix", async () => {
    const report = await inspectBuild(builds.prefixed!.out, { siteUrl: "https://example.org/news/" });
    assert.deepEqual(report.findings.map(formatFinding), []);
  });

  it("check a build with the wrong prefix and find every link outside the site", async () => {
    const report = await inspectBuild(builds.prefixed!.out, { siteUrl: SITE_URL });
    assert.ok(report.findings.length > 5);
  });
});

describe("fingerprinted assets", () => {
  it("every stylesheet, script and icon a page references is fingerprinted and exists", async () => {
    const b = builds.site!;
    const pages = (await b.files()).filter((f) => f.endsWith(".html"));
    let seen = 0;
    for (const file of pages) {
      const { document } = parseHTML(await b.text(file));
      for (const el of document.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], script[src]')) {
        const url = el.getAttribute("href") ?? el.getAttribute("src")!;
        // Pagefind's own loader files keep their names (the _headers file revalidates them).
        if (url.startsWith("/pagefind/")) continue;
        assert.ok(isFingerprinted(url), `${file}: ${url} is not fingerprinted`);
        assert.ok(b.exists(url), `${file}: ${url} does not exist`);
        seen++;
      }
    }
    assert.ok(seen >= pages.length * 2);
  });

  it("never ships or references the unhashed stylesheet", async () => {
    const b = builds.site!;
    assert.equal(b.exists("/assets/css/site.css"), false);
    assert.ok((await b.files()).some((f) => /^\/assets\/css\/site\.[0-9a-f]{10}\.css$/.test(f)));
    assert.ok(!(await b.text("/")).includes("site.css\""));
  });
});

describe("asset references written anywhere", () => {
  it("are rewritten to the fingerprinted names, so they resolve", async () => {
    const story = `---\ntitle: Assets\ndescription: D\ndate: 2024-03-01\nsection: world\n---\n![The logo](/assets/logo.svg) and [the stylesheet](/assets/css/site.css).\n`;
    const b = await buildFixture("good", { files: { "src/articles/2024/asset-refs.md": story } });
    try {
      const body = b.page("/world/asset-refs/").querySelector(".story__body")!;
      assert.match(body.querySelector("img")!.getAttribute("src")!, /^\/assets\/logo\.[0-9a-f]{10}\.svg$/);
      assert.match(body.querySelector("a")!.getAttribute("href")!, /^\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
      const report = await inspectBuild(b.out, { siteUrl: SITE_URL });
      assert.deepEqual(report.findings.map(formatFinding), []);
    } finally {
      await b.cleanup();
    }
  });
});

describe("_headers", () => {
  it("sends a strict CSP and hardening headers on every page, and immutable caching on assets", async () => {
    const rules = parseHeadersFile(await builds.site!.text("/_headers"));
    const page = headersFor(rules, "/world/some-story/");
    const csp = page["Content-Security-Policy"]!;
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'"]) {
      assert.ok(csp.includes(directive), `CSP lacks ${directive}`);
    }
    // only 'wasm-unsafe-eval' (Pagefind's WebAssembly), never inline code or JavaScript eval
    assert.ok(!/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(csp));
    assert.equal(page["X-Content-Type-Options"], "nosniff");
    assert.ok(page["Referrer-Policy"]);
    assert.match(page["Permissions-Policy"]!, /camera=\(\)/);
    assert.equal(page["Cache-Control"], undefined);
    const css = (await builds.site!.files()).find((f) => f.endsWith(".css"))!;
    assert.match(headersFor(rules, css)["Cache-Control"]!, /max-age=31536000, immutable/);
  });

  it("puts the asset rule under the path prefix", async () => {
    const text = await readFile(`${builds.prefixed!.out}/_headers`, "utf8");
    assert.match(text, /^\/news\/assets\/\*$/m);
  });
});
