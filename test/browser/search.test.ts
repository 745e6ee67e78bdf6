/**
 * Search in a real browser (Chromium via playwright-core), over the demo build served
 * with its own `_headers` (so its strict CSP applies):
 * - the search page runs the query in ?q= and shows results with each story's section
 *   and date, readable in both colour schemes (axe: no serious or critical violation)
 *   at phone and desktop widths, without breaking the CSP;
 * - the masthead's search form works with JavaScript off: it sends the reader to
 *   /search/?q=…, where the page says how else to find stories.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { axeViolations, browserSkipReason, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";

const skip = browserSkipReason();
const WIDTHS = [390, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
const QUERY = "river freight";
const EXPECTED = "Danube levels fall to a seasonal low, slowing river freight";

let browser: Browser;
let site: BuiltSite;
let server: StaticServer;

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  site = await buildFixture("site");
  server = await serveStatic(site.out);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

/** Records CSP violations, script errors and failed requests of the pages a context opens. */
async function problemsOf(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, problems: async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((c) => `CSP: ${c}`), ...problems] };
}

/** Contrast ratio of two CSS rgb() colours (WCAG 2). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("the search page with results (Chromium)", { skip }, () => {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      it(`runs ?q=, shows section and date, and passes axe at ${width} px, ${scheme}`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        try {
          const { page, problems } = await problemsOf(context);
          await page.goto(`${server.origin}/search/?q=${encodeURIComponent(QUERY)}`, { waitUntil: "load" });
          const result = page.locator(".pagefind-ui__result").first();
          await result.waitFor({ timeout: 15_000 });
          assert.equal((await result.locator(".pagefind-ui__result-title").textContent())?.trim(), EXPECTED);
          assert.equal(await result.locator(".pagefind-ui__result-link").getAttribute("href"), "/world/danube-levels-seasonal-low/");
          const tags = (await result.locator(".pagefind-ui__result-tag").allTextContents()).map((t) => t.trim());
          assert.ok(tags.includes("Section: World"), tags.join(" | "));
          assert.ok(tags.some((t) => /^Date: Aug\. 14, 2026/.test(t)), tags.join(" | "));
          assert.equal(await page.locator(".search__results input").inputValue(), QUERY, "the query is in the search box");
          // readable: the result title against the page (the bug was 1.6:1 in dark mode)
          const [fg, bg] = await page.evaluate(() => [getComputedStyle(document.querySelector(".pagefind-ui__result-link")!).color, getComputedStyle(document.body).backgroundColor]);
          assert.ok(contrast(fg!, bg!) >= 7, `title contrast ${contrast(fg!, bg!).toFixed(1)}:1 (${fg} on ${bg})`);
          assert.deepEqual(await axeViolations(page), []);
          assert.deepEqual(await problems(), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it("says so, instead of a dead form, where the site has no search index", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.route("**/pagefind/**", (route) => route.fulfill({ status: 404, body: "" }));
      await page.goto(`${server.origin}/search/?q=river`, { waitUntil: "load" });
      const status = page.locator("[data-search-status]");
      await status.waitFor({ state: "visible" });
      assert.match((await status.textContent()) ?? "", /no search index/);
      assert.equal(await page.locator("#search-q").inputValue(), "river");
    } finally {
      await context.close();
    }
  });
});

describe("the masthead search form without JavaScript (Chromium)", { skip }, () => {
  it("is on every kind of page and sends the query to /search/?q=, which says how else to find stories", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      for (const url of ["/", "/world/", "/world/danube-levels-seasonal-low/", "/topics/"]) {
        await page.goto(server.origin + url);
        assert.equal(await page.locator('.masthead form[role="search"] input[name="q"]').count(), 1, url);
      }
      await page.goto(`${server.origin}/world/danube-levels-seasonal-low/`);
      await page.locator("#masthead-q").fill(QUERY);
      await page.locator("#masthead-q").press("Enter");
      await page.waitForURL(/\/search\/\?q=/);
      assert.equal(new URL(page.url()).pathname, "/search/");
      assert.equal(new URL(page.url()).searchParams.get("q"), QUERY);
      assert.match((await page.locator(".search__noscript").textContent()) ?? "", /needs JavaScript.*topics.*archive/s);
      assert.equal(await page.locator(".search__noscript a").first().getAttribute("href"), "/topics/");
    } finally {
      await context.close();
    }
  });
});
