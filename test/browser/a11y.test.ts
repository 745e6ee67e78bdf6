/**
 * In a real browser (Chromium via playwright-core), over the demo build and the
 * `good` fixture served with their own `_headers`:
 * - axe-core finds no serious or critical violation on one page of each page type
 *   (`<body data-page-type>`), at phone and desktop widths, in light and dark schemes;
 * - no page breaks its Content-Security-Policy (and a page that does is caught);
 * - every page's stylesheet loads under that CSP, and no subresource fails.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { browserSkipReason, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";

const skip = browserSkipReason();
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;

interface Served {
  site: BuiltSite;
  server: StaticServer;
}
let browser: Browser;
const served: Record<string, Served> = {};

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  for (const name of ["site", "good"]) {
    const site = await buildFixture(name);
    served[name] = { site, server: await serveStatic(site.out) };
  }
});
after(async () => {
  await browser?.close();
  for (const s of Object.values(served)) {
    await s.server.close();
    await s.site.cleanup();
  }
});

/** Watches a page for CSP violations, script errors and failed same-origin requests. */
async function watch(context: BrowserContext, origin: string) {
  // An init script runs before the page's own code and is not subject to its CSP.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("response", (r) => {
    if (r.url().startsWith(origin) && r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return {
    page,
    async problems(): Promise<string[]> {
      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      return [...csp.map((v) => `CSP: ${v}`), ...problems];
    },
  };
}

/** One page per page type: the biggest page of each `data-page-type`. */
async function pagesByType(site: BuiltSite): Promise<Map<string, string>> {
  const chosen = new Map<string, { url: string; size: number }>();
  for (const file of (await site.files()).filter((f) => f.endsWith(".html"))) {
    const html = await site.text(file);
    const type = /<body[^>]*\sdata-page-type="([^"]+)"/.exec(html)?.[1] ?? "(no data-page-type)";
    const url = file.replace(/index\.html$/, "");
    if ((chosen.get(type)?.size ?? -1) < html.length) chosen.set(type, { url, size: html.length });
  }
  return new Map([...chosen].map(([type, { url }]) => [type, url]));
}

async function audit(page: Page): Promise<string[]> {
  await injectAxe(page);
  return runAxe(page);
}

/** axe-core into the loaded page, evaluated by the driver, so the page's CSP doesn't apply. */
async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(axe.source);
}

/** axe-core's serious and critical violations on the page as it is now (axe injected). */
async function runAxe(page: Page): Promise<string[]> {
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

describe("accessibility (axe-core in Chromium)", { skip }, () => {
  it("has every page type of the demo build, marked on <body>", async () => {
    const types = await pagesByType(served.site!.site);
    assert.ok(types.has("home") && types.has("article"), [...types.keys()].join());
    assert.ok(!types.has("(no data-page-type)"), `a page without data-page-type: ${types.get("(no data-page-type)")}`);
  });

  // The demo build has every page type; the good fixture's pages (hostile text) share them.
  for (const build of ["site"]) {
    it(`finds no serious or critical violation on each page type of the demo build, phone and desktop, light and dark`, async () => {
      const { site, server } = served[build]!;
      const failures: string[] = [];
      let audits = 0;
      const background: Record<string, string> = {};
      for (const [type, url] of await pagesByType(site)) {
        for (const size of WIDTHS) {
          // One load per page and width, audited in each scheme: the scheme is the same
          // media emulation a context's colorScheme sets, switched on the loaded page (the
          // site's schemes are CSS only), so axe is injected once for both audits.
          const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: SCHEMES[0] });
          try {
            const watched = await watch(context, server.origin);
            await watched.page.goto(server.origin + url, { waitUntil: "load" });
            await injectAxe(watched.page);
            for (const scheme of SCHEMES) {
              await watched.page.emulateMedia({ colorScheme: scheme });
              assert.equal(await watched.page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), scheme === "dark", `${type} ${scheme}: the page sees the scheme`);
              background[`${type} ${scheme}`] = await watched.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
              const where = `${type} ${url} @ ${size.name} ${size.width}px, ${scheme}`;
              failures.push(...(await runAxe(watched.page)).map((v) => `${where}: ${v}`));
              failures.push(...(await watched.problems()).map((p) => `${where}: ${p}`));
              audits++;
            }
          } finally {
            await context.close();
          }
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(audits >= 8, `audits: ${audits}`);
      // the emulated scheme really reaches the stylesheet (so "dark" was audited in dark)
      assert.notEqual(background["article light"], background["article dark"]);
      console.log(`# axe: ${audits} audits (page types × 2 widths × 2 schemes) on the ${build} build`);
    });
  }
});

describe("the axe audit itself", { skip }, () => {
  it("reports a serious or critical violation when there is one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-axe-"));
    writeFileSync(path.join(dir, "index.html"), `<!doctype html><html><title>x</title><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#777;background:#888">low contrast</p></main>`);
    const server = await serveStatic(dir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      const found = (await audit(page)).join("\n");
      assert.match(found, /critical image-alt/);
      assert.match(found, /serious (html-has-lang|color-contrast)/);
    } finally {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Content-Security-Policy in Chromium", { skip }, () => {
  for (const build of ["site", "good"]) {
    it(`no page of the ${build === "site" ? "demo build" : "good fixture"} violates the CSP it is served with, and its stylesheet applies`, async () => {
      const { site, server } = served[build]!;
      const context = await browser.newContext();
      const failures: string[] = [];
      let pages = 0;
      try {
        const watched = await watch(context, server.origin);
        for (const file of (await site.files()).filter((f) => f.endsWith(".html"))) {
          const response = await watched.page.goto(server.origin + file.replace(/index\.html$/, ""), { waitUntil: "load" });
          assert.match(response!.headers()["content-security-policy"] ?? "", /default-src 'none'/, `${file} served without the CSP`);
          const styled = await watched.page.evaluate(() => document.styleSheets.length > 0 && getComputedStyle(document.body).margin === "0px");
          if (!styled) failures.push(`${file}: the stylesheet did not apply`);
          pages++;
        }
        failures.push(...(await watched.problems()));
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
      assert.ok(pages >= 2);
    });
  }

  it("catches a page that breaks the CSP (inline script and inline style), and lets JSON-LD data through", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-csp-"));
    try {
      writeFileSync(path.join(dir, "_headers"), await served.site!.site.text("/_headers"));
      writeFileSync(path.join(dir, "index.html"), `<!doctype html><html lang="en"><title>x</title><p style="color:red">x</p><script>document.title = "ran"</script>`);
      mkdirSync(path.join(dir, "ld"));
      writeFileSync(path.join(dir, "ld/index.html"), `<!doctype html><html lang="en"><title>x</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script><p>x</p>`);
      const server = await serveStatic(dir);
      const context = await browser.newContext();
      try {
        const watched = await watch(context, server.origin);
        await watched.page.goto(`${server.origin}/`);
        const problems = await watched.problems();
        assert.ok(problems.some((p) => /CSP: script-src/.test(p)), problems.join("\n"));
        assert.ok(problems.some((p) => /CSP: style-src/.test(p)), problems.join("\n"));
        assert.equal(await watched.page.title(), "x", "the inline script must not have run");
        // JSON-LD is a data block, never executed: the strict CSP lets it be.
        const ld = await watch(context, server.origin);
        await ld.page.goto(`${server.origin}/ld/`);
        assert.deepEqual(await ld.problems(), []);
        assert.equal(await ld.page.evaluate(() => JSON.parse(document.querySelector("script")!.textContent!).headline), "H");
      } finally {
        await context.close();
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
