/** The post-build checks on tiny hand-written sites: each kind of problem is found. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import { checkLinks, inspectBuild, LinkChecker, listFiles, validateHtml, validatePages } from "../../../_config/build/checks/index.ts";
import { keepWorkers } from "../../../_config/util/index.ts";
import { startHtmlWorker } from "../../../_config/build/checks/html.ts";
import { LinkMemo, srcsetUrls, mayTarget, targetNames } from "../../../_config/build/checks/links.ts";
import { headersFor, parseHeadersFile } from "../../../_config/pages/headers.ts";
import { fingerprintHtml, fingerprintedName, isFingerprinted } from "../../../_config/pages/assets.ts";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const page = (body: string, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>${head}</head><body><main id="main"><h1 id="top-story">H</h1>${body}</main></body></html>`;

/** A site folder from path → content. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-checks-"));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const BASE = "https://example.org/";

function messages(dir: string, siteUrl = BASE): string[] {
  return checkLinks(dir, listFiles(dir), siteUrl).findings.map((f) => `${f.file} ${f.message}`);
}

describe("link check", () => {
  const good = {
    "index.html": page(
      `<a href="/a/">a</a><a href="a/#sec">rel</a><a href="#top-story">self</a><a href="https://other.example/x">ext</a><a href="mailto:x@example.org">m</a>` +
        `<img src="/img/p.jpg" srcset="/img/p.jpg 1x, /img/p-2.jpg 2x" alt="">` +
        `<picture><source srcset="/img/p-400.webp 400w,/img/p-800.webp 800w" type="image/webp"><img src="/img/p.jpg" alt=""></picture>`,
      `<link rel="stylesheet" href="/assets/site.0123456789.css"><link rel="canonical" href="https://example.org/">`,
    ),
    "a/index.html": page(`<h2 id="sec">S</h2><a href="../">up</a><a href="/a">no slash</a>`),
    "img/p.jpg": "x",
    "img/p-2.jpg": "x",
    "img/p-400.webp": "x",
    "img/p-800.webp": "x",
    "assets/site.0123456789.css": "",
  };

  it("accepts a site whose links, images, srcset entries and fragments all resolve", () => {
    const dir = site(good);
    const report = checkLinks(dir, listFiles(dir), BASE);
    assert.deepEqual(report.findings, []);
    assert.equal(report.checked, 15);
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ["a missing page", { "index.html": page(`<a href="/nowhere/x/">x</a>`) }, /\/index\.html <a href> "\/nowhere\/x\/" does not resolve/],
    ["a missing image", { "index.html": page(`<img src="/img/gone.jpg" alt="">`) }, /<img src> "\/img\/gone\.jpg" does not resolve/],
    ["a missing srcset entry", { "index.html": page(`<img src="/p.jpg" srcset="/p.jpg 1x, /p-2x.jpg 2x" alt="">`), "p.jpg": "" }, /<img srcset> "\/p-2x\.jpg" does not resolve/],
    ["a missing preload imagesrcset entry", { "index.html": page("", `<link rel="preload" as="image" href="/p.jpg" imagesrcset="/p.jpg 1x, /p-2x.jpg 2x">`), "p.jpg": "" }, /<link imagesrcset> "\/p-2x\.jpg" does not resolve/],
    ["a missing fragment on the page", { "index.html": page(`<a href="#nope">x</a>`) }, /no element with id "nope" in \/index\.html/],
    ["a missing fragment on another page", { "index.html": page(`<a href="/b/#gone">x</a>`), "b/index.html": page("") }, /no element with id "gone" in \/b\/index\.html/],
    ["a javascript: URL", { "index.html": page(`<a href="javascript:alert(1)">x</a>`) }, /javascript: URL/],
    ["an unhashed stylesheet", { "index.html": page("", `<link rel="stylesheet" href="/site.css">`), "site.css": "" }, /stylesheet "\/site\.css" has no content hash/],
    ["an own absolute URL that does not resolve", { "index.html": page("", `<link rel="canonical" href="https://example.org/gone/away/">`) }, /"\/gone\/away\/" does not resolve/],
    ["a sitemap entry that does not resolve", { "index.html": page(""), "sitemap.xml": `<urlset><url><loc>https://example.org/old/story/</loc></url></urlset>` }, /\/sitemap\.xml XML link "\/old\/story\/" does not resolve/],
  ];
  for (const [name, files, expected] of cases) {
    it(`finds ${name}`, () => {
      const found = messages(site(files));
      assert.ok(found.some((m) => expected.test(m)), `expected ${expected} in:\n${found.join("\n")}`);
    });
  }

  it("respects the path prefix: links must carry it", () => {
    const dir = site({ "index.html": page(`<a href="/news/a/">in</a><a href="/a/">out</a>`), "a/index.html": page("") });
    assert.deepEqual(messages(dir, "https://example.org/news/"), ['/index.html <a href> "/a/" is outside the site\'s path /news/']);
  });

  it("reports a link into a page type that was not built", () => {
    const dir = site({ "index.html": page(`<a href="/topics/x/">t</a><a href="/topics/y/">t</a>`), "topics/x/index.html": page("") });
    assert.deepEqual(messages(dir), ['/index.html <a href> "/topics/y/" does not resolve to a file in the build']);
  });
});

describe("link check while the build still writes (LinkChecker)", () => {
  it("resolves pages scanned early against the files present at the end, reading unscanned targets' ids", () => {
    const dir = site({
      "index.html": page(`<a href="/pagefind/pagefind.js">s</a><a href="/b/#here">b</a><a href="/b/#gone">b</a><a href="/late/x.js">l</a>`),
      "b/index.html": page(`<p id="here">h</p>`),
    });
    const checker = new LinkChecker(BASE);
    checker.scanFile(dir, "/index.html"); // /b/ is never scanned: only its ids are read
    mkdirSync(path.join(dir, "pagefind"));
    writeFileSync(path.join(dir, "pagefind/pagefind.js"), "");
    const report = checker.finish(dir, listFiles(dir));
    assert.deepEqual(
      report.findings.map((f) => f.message),
      ['<a href> "/b/#gone": no element with id "gone" in /b/index.html', '<a href> "/late/x.js" does not resolve to a file in the build'],
    );
    assert.equal(report.checked, 4);
  });

  it("decodes character references in attributes before resolving, as a browser does", () => {
    const dir = site({ "index.html": page(`<a href="/a/?x=1&amp;y=2#s&#101;c">a</a><a href="/a&#47;#nope">b</a>`), "a/index.html": page(`<h2 id="sec">S</h2>`) });
    assert.deepEqual(messages(dir), ['/index.html <a href> "/a/#nope": no element with id "nope" in /a/index.html']);
  });
});

describe("link check with the last build's page scans (memo)", () => {
  const build = (dir: string, memo?: string) => {
    const checker = new LinkChecker(BASE, LinkMemo.open(memo));
    for (const file of listFiles(dir)) checker.scanFile(dir, file);
    const report = checker.finish(dir, listFiles(dir));
    const out = mkdtempSync(path.join(os.tmpdir(), "newsroom-link-memo-"));
    dirs.push(out);
    checker.writeMemo(out);
    return { report, memo: out, reused: checker.reused };
  };
  const before = {
    "index.html": page(`<a href="/a/">a</a><a href="/b/#here">b</a><a href="">empty</a>`),
    "a/index.html": page(`<a href="../">up</a>`),
    "b/index.html": page(`<p id="here">h</p>`),
  };

  it("reuses the scan of a page with the same bytes, and reports exactly what a fresh scan reports", () => {
    const first = build(site(before));
    assert.equal(first.reused, 0);
    const again = build(site(before), first.memo);
    assert.equal(again.reused, 3);
    assert.deepEqual(again.report, first.report);
    assert.deepEqual(again.report.findings.map((f) => `${f.file} ${f.message}`), ["/index.html <a href> is empty"]);
  });

  it("re-checks an unchanged page's links against this build: a target that disappeared, an id that is gone", () => {
    const first = build(site(before));
    const { "a/index.html": _gone, ...rest } = before;
    const after = build(site({ ...rest, "b/index.html": page(`<p id="elsewhere">h</p>`) }), first.memo);
    assert.equal(after.reused, 1); // /index.html: same bytes, its scan reused
    assert.deepEqual(after.report.findings.map((f) => `${f.file} ${f.message}`).sort(), [
      '/index.html <a href> "/a/" does not resolve to a file in the build',
      '/index.html <a href> "/b/#here": no element with id "here" in /b/index.html',
      "/index.html <a href> is empty",
    ]);
    const index = JSON.parse(readFileSync(path.join(after.memo, "index.json"), "utf8")) as { info: Record<string, { pages: number }> };
    assert.equal(Object.values(index.info).reduce((n, p) => n + p.pages, 0), 2); // only this build's pages are kept
  });
});

describe("html-validate", () => {
  it("passes a valid page and reports rule, file and line for an invalid one", async () => {
    assert.deepEqual(await validateHtml(page("<p>ok</p>"), "/ok.html"), []);
    const findings = await validateHtml(page("<p>one</p>\n<div><p>unclosed</div><img src=x>"), "/bad.html");
    const rules = findings.map((f) => f.check);
    assert.ok(rules.includes("html-validate no-implicit-close"), rules.join());
    assert.ok(rules.includes("html-validate wcag/h37"), rules.join()); // <img> without alt
    assert.equal(findings[0]!.file, "/bad.html");
    assert.equal(findings[0]!.line, 2);
  });

  it("a worker started before the pages exist (warm) reports what the main thread reports", async () => {
    const warm = startHtmlWorker();
    const dir = site({ "/ok/index.html": page("<p>ok</p>"), "/bad/index.html": page("<p>one</p>\n<div><p>unclosed</div><img src=x>") });
    const files = listFiles(dir);
    const here = await validatePages(dir, files);
    const inWorker = await validatePages(dir, files, undefined, 1, undefined, warm);
    assert.ok(here.findings.length >= 2, JSON.stringify(here.findings));
    assert.deepEqual(inWorker, here);
    assert.equal(warm.threadId, -1, "the warm worker did the job and stopped");
  });

  it("a warm worker that stopped before its job is replaced, and one with nothing to do is stopped", async () => {
    const dir = site({ "/bad/index.html": page("<img src=x>") });
    const dead = startHtmlWorker();
    await dead.terminate();
    const r = await validatePages(dir, listFiles(dir), undefined, 1, undefined, dead);
    assert.ok(r.findings.some((f) => f.check === "html-validate wcag/h37"), JSON.stringify(r.findings));
    const idle = startHtmlWorker();
    const exited = new Promise((resolve) => idle.once("exit", resolve));
    await validatePages(dir, [], undefined, 1, undefined, idle);
    await exited;
  });
});

describe("html-validate's memo", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const memoEntries = (memoDir: string) => {
    const [file] = readdirSync(memoDir).filter((f) => f.startsWith("html-validate-"));
    return Object.keys(JSON.parse(readFileSync(path.join(memoDir, file!), "utf8")) as object).sort();
  };

  it("keeps the results of pages taken unchanged from the last build, so a later build of every page validates none again", async () => {
    const pages = { "/a/index.html": page("<p>a</p>"), "/b/index.html": page("<p>b</p>"), "/bad/index.html": page("<img src=x>") };
    const dir = site(pages);
    const files = listFiles(dir);
    const memo1 = mkdtempSync(path.join(os.tmpdir(), "newsroom-html-memo-"));
    const memo2 = mkdtempSync(path.join(os.tmpdir(), "newsroom-html-memo-"));
    dirs.push(memo1, memo2);
    const first = await validatePages(dir, files, memo1, 0, memo1);
    assert.equal(first.cached, 0);
    assert.ok(first.findings.some((f) => f.file === "/bad/index.html"));
    assert.deepEqual(memoEntries(memo1), Object.values(pages).map(sha256).sort(), "keyed by the SHA-256 of each page's bytes");
    // an incremental build: one page rendered again, the other two taken from the last build (their hashes known)
    const fresh = ["/a/index.html"];
    const known = ["/b/index.html", "/bad/index.html"].map((f) => sha256(pages[f as keyof typeof pages]));
    const second = await validatePages(dir, fresh, memo1, 0, memo2, undefined, { hashOf: (f) => (f === "/a/index.html" ? sha256(pages["/a/index.html"]) : undefined), known });
    assert.equal(second.pages, 1);
    assert.equal(second.cached, 1);
    assert.deepEqual(memoEntries(memo2), memoEntries(memo1), "the unchanged pages' results are carried into the new memo");
    // then every page rendered again with the same bytes (a code change that changes no page, dist/ absent): nothing validated again, same findings
    const third = await validatePages(dir, files, memo2, 0, memo2);
    assert.equal(third.cached, files.filter((f) => f.endsWith(".html")).length);
    assert.deepEqual(third.findings, first.findings);
  });

  it("a hash given for a page is trusted as its key: a page whose bytes are not the hash's is looked up under the hash", async () => {
    const dir = site({ "/x/index.html": page("<p>x</p>") });
    const memo = mkdtempSync(path.join(os.tmpdir(), "newsroom-html-memo-"));
    dirs.push(memo);
    await validatePages(dir, listFiles(dir), memo, 0, memo, undefined, { hashOf: () => "f".repeat(64) });
    assert.deepEqual(memoEntries(memo), ["f".repeat(64)]);
  });
});

describe("srcset parsing", () => {
  it("splits candidates on commas, with or without spaces, keeping commas inside URLs", () => {
    assert.deepEqual(srcsetUrls("/a.jpg 1x, /b.jpg 2x"), ["/a.jpg", "/b.jpg"]);
    assert.deepEqual(srcsetUrls("/a-400.webp 400w,/a-800.webp 800w"), ["/a-400.webp", "/a-800.webp"]);
    assert.deepEqual(srcsetUrls("/x,y.jpg 1x,/z.jpg"), ["/x,y.jpg", "/z.jpg"]);
    assert.deepEqual(srcsetUrls("/only.jpg"), ["/only.jpg"]);
  });
});

describe("assets and headers", () => {
  it("names fingerprinted files and recognises them", () => {
    assert.equal(fingerprintedName("/assets/css/site.css", "0123456789"), "/assets/css/site.0123456789.css");
    assert.ok(isFingerprinted("/assets/css/site.0123456789.css"));
    assert.ok(!isFingerprinted("/assets/css/site.css"));
  });

  it("rewrites every reference to an asset in URL attributes to its fingerprinted name", () => {
    const map = new Map([["/assets/logo.svg", "/assets/logo.0123456789.svg"]]);
    const html = `<img src="/news/assets/logo.svg" alt="/assets/logo.svg"><a href="https://x.org/assets/logo.svg#top">t</a><img srcset="/assets/logo.svg 1x, /other.svg 2x" src="/assets/logo.svgz">/assets/logo.svg`;
    assert.equal(
      fingerprintHtml(html, map),
      `<img src="/news/assets/logo.0123456789.svg" alt="/assets/logo.svg"><a href="https://x.org/assets/logo.0123456789.svg#top">t</a><img srcset="/assets/logo.0123456789.svg 1x, /other.svg 2x" src="/assets/logo.svgz">/assets/logo.svg`,
    );
  });

  it("reads a _headers file back and matches rules by path", () => {
    const rules = parseHeadersFile("/*\n  X-A: 1\n\n/assets/*\n  Cache-Control: immutable\n");
    assert.deepEqual(headersFor(rules, "/assets/x.css"), { "X-A": "1", "Cache-Control": "immutable" });
    assert.deepEqual(headersFor(rules, "/world/"), { "X-A": "1" });
  });
});

describe("link check of unchanged pages: which references could name a gone file", () => {
  const names = targetNames(["/world/gone-story/index.html", "/img/card-abc.jpg", "/index.html"]);
  it("catches every way a page links to a gone page, image or the root", () => {
    for (const url of ["/world/gone-story/", "/world/gone-story/#top", "../gone-story/", "https://example.org/news/world/gone-story/", "//example.org/world/gone-story", "/world/gone-story/index.html", "/img/card-abc.jpg?v=1", "card-abc.jpg", "/", "https://example.org/", "./", "", "#top", "..", "/world/gone%2Dstory/"]) {
      assert.equal(mayTarget(url, names), true, url);
    }
  });
  it("lets other references through unresolved", () => {
    for (const url of ["/world/kept-story/", "/assets/css/site.abc123.css", "/img/card-def.jpg", "https://other.example/gone", "mailto:desk@example.org"]) {
      assert.equal(mayTarget(url, names), false, url);
    }
  });
});

/** How many threads `fn` starts (thread ids are handed out in order: a probe worker before and after; a TypeScript worker may count twice, tsx's loader hooks run on a thread of their own). */
async function threadsStartedBy(fn: () => Promise<unknown>): Promise<number> {
  const probe = async () => {
    const worker = new Worker("", { eval: true });
    const id = worker.threadId;
    await worker.terminate();
    return id;
  };
  const first = await probe();
  await fn();
  return (await probe()) - first - 1;
}

describe("workers kept between builds (keepWorkers: a process that builds many times)", () => {
  before(() => keepWorkers());
  after(() => keepWorkers(false));
  const broken = page(`<a href="/nowhere/">x</a><div><p>unclosed</div>`);

  it("a second check starts no worker, and reports exactly what fresh workers report (nothing of the first job stays)", async () => {
    const one = site({ "index.html": page(`<a href="/a/">a</a>`), "a/index.html": page("<p>a</p>") });
    const two = site({ "index.html": broken, "b/index.html": page("<p>b</p>") });
    const first = await inspectBuild(one, { siteUrl: BASE });
    assert.deepEqual(first.findings, []);
    let second: Awaited<ReturnType<typeof inspectBuild>> | undefined;
    assert.equal(await threadsStartedBy(async () => (second = await inspectBuild(two, { siteUrl: BASE }))), 0, "the kept html-validate and link workers did the second job");
    keepWorkers(false);
    let fresh: Awaited<ReturnType<typeof inspectBuild>> | undefined;
    try {
      assert.ok((await threadsStartedBy(async () => (fresh = await inspectBuild(two, { siteUrl: BASE })))) >= 2, "not keeping: new workers");
    } finally {
      keepWorkers();
    }
    const found = second!.findings.map((f) => `${f.check} ${f.file}`);
    assert.ok(found.includes("html-validate no-implicit-close /index.html"), found.join("\n"));
    assert.ok(second!.findings.some((f) => f.check !== undefined && /nowhere/.test(f.message)), found.join("\n"));
    assert.deepEqual({ ...second!, timings: {} }, { ...fresh!, timings: {} });
    // and back to the first site: its links resolve again (the second job's files are forgotten)
    assert.deepEqual((await inspectBuild(one, { siteUrl: BASE })).findings, []);
  });

  it("html-validate: a kept worker answers job after job like the main thread; one that ended while idle is replaced", async () => {
    const dir = site({ "/ok/index.html": page("<p>ok</p>"), "/bad/index.html": broken });
    const files = listFiles(dir);
    const here = await validatePages(dir, files);
    const warm = startHtmlWorker();
    assert.deepEqual(await validatePages(dir, files, undefined, 1, undefined, warm), here);
    assert.notEqual(warm.threadId, -1, "kept, not ended");
    const again = startHtmlWorker();
    assert.equal(again.threadId, warm.threadId, "the kept worker, given out again");
    assert.deepEqual(await validatePages(dir, files, undefined, 1, undefined, again), here);
    await again.terminate();
    assert.ok((await threadsStartedBy(async () => assert.deepEqual(await validatePages(dir, files, undefined, 1), here))) > 0, "the ended one is not given out: a new one");
  });

  it("ends the idle workers when the process stops keeping them", async () => {
    const dir = site({ "index.html": page("<p>x</p>") });
    const warm = startHtmlWorker();
    await validatePages(dir, listFiles(dir), undefined, 1, undefined, warm);
    const exited = new Promise((resolve) => warm.once("exit", resolve));
    keepWorkers(false);
    await exited;
    keepWorkers();
  });
});
