/**
 * The search index in parts gives the results of one index (Chromium via playwright-core):
 * a fixture with stories over several years and the months of the newest one is built
 * (so its index comes in parts, merged in the browser by Pagefind's mergeIndex), and a
 * single Pagefind index of the same folder is written beside it (Pagefind's own
 * `addDirectory`, as the build did before the parts). For each query the merged parts
 * (through /pagefind/pagefind.js, the Pagefind the search page loads) must find the
 * same set of pages as the single index — including queries of several words that some
 * parts do not all hold, where merging alone would not; the order may differ (each part
 * scores with its own term statistics; docs/performance.md, "Search at scale"), which
 * the test reports. The search page itself (search.js) must show as many results.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { browserSkipReason, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { EXTRA_STORIES, SPREAD_DATES, spreadStories } from "../helpers/stories.ts";

const skip = browserSkipReason();
const QUERIES = ["freight", "harbor freight", "budget", "council river", "drought", "spread story", "harb", "plain"];
const SINGLE = "single-index";
/** a query of two words, one of which some parts lack */
const UI_QUERY = "harbor freight";

let browser: Browser;
let site: BuiltSite;
let server: StaticServer;
let bundles: string[];

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  site = await buildFixture("good", { files: { ...EXTRA_STORIES, ...spreadStories() } });
  bundles = (JSON.parse(readFileSync(path.join(site.out, "pagefind", "parts.json"), "utf8")) as { parts: { bundle: string }[] }).parts.map((p) => `/pagefind/${p.bundle}`);
  // The reference: one index of the whole output, by Pagefind's own directory walk.
  const pagefind = await import("pagefind");
  try {
    const { index } = await pagefind.createIndex({});
    const added = await index!.addDirectory({ path: site.out });
    assert.deepEqual(added.errors, []);
    const written = await index!.writeFiles({ outputPath: path.join(site.out, SINGLE) });
    assert.deepEqual(written.errors, []);
  } finally {
    await pagefind.close();
  }
  server = await serveStatic(site.out);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

interface Hit {
  url: string;
  score: number;
}

describe("search in parts (Chromium)", { skip }, () => {
  it("has parts for past years and for months of the newest year", () => {
    const years = new Set(SPREAD_DATES.map((d) => d.slice(0, 4)));
    assert.ok(years.size >= 4);
    assert.deepEqual(bundles, ["/pagefind/parts/2026-11/", "/pagefind/parts/2026-06/", "/pagefind/parts/2026-03/", "/pagefind/parts/2026-01/", "/pagefind/parts/2025/", "/pagefind/parts/2024/", "/pagefind/parts/2023/", "/pagefind/parts/2022/"]);
  });

  it("finds the same pages as one index of the same pages, for every query", async (t) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/search/`, { waitUntil: "load" });
      const results = await page.evaluate(
        async ({ queries, bundles, single }) => {
          type Api = {
            options(o: Record<string, unknown>): Promise<void>;
            search(q: string): Promise<{ results: { score: number; data(): Promise<{ url: string }> }[] }>;
          };
          // The Pagefind the search page loads (it merges the parts), and the single
          // index's own: module URLs differ, so each has its own instances.
          const merged = (await import(`${bundles[0]!.replace(/parts\/[^/]+\/$/, "")}pagefind.js`)) as Api;
          await merged.options({ baseUrl: "/" });
          const one = (await import(`/${single}/pagefind.js`)) as Api;
          await one.options({ baseUrl: "/" });
          // (no named functions in here: the test runner's compiler would wrap them in a helper the page lacks)
          const out: { query: string; merged: Hit[]; single: Hit[] }[] = [];
          for (const query of queries) {
            const hits: Hit[][] = [];
            for (const api of [merged, one]) {
              const found = (await api.search(query)).results;
              hits.push(await Promise.all(found.map(async (r) => ({ url: (await r.data()).url, score: r.score }))));
            }
            out.push({ query, merged: hits[0]!, single: hits[1]! });
          }
          return out;
        },
        { queries: QUERIES, bundles, single: SINGLE },
      );
      let sameOrder = 0;
      for (const { query, merged, single } of results) {
        assert.ok(single.length > 0, `"${query}" finds something`);
        assert.deepEqual(merged.map((r) => r.url).sort(), single.map((r) => r.url).sort(), `"${query}": the same pages`);
        const ordered = merged.map((r) => r.url).join() === single.map((r) => r.url).join();
        if (ordered) sameOrder++;
        const fmt = (hits: Hit[]) => hits.map((h) => `${h.url.replace(/^\/\w+\//, "")}:${h.score.toFixed(2)}`).join(" ");
        t.diagnostic(`"${query}": ${single.length} results, ${ordered ? "same order" : "order differs"}\n  merged ${fmt(merged)}\n  single ${fmt(single)}`);
      }
      t.diagnostic(`${sameOrder} of ${results.length} queries in the same order`);
    } finally {
      await context.close();
    }
  });

  it("shows as many results on the search page, with no failed request, and says how many requests a search makes", async (t) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const failed: string[] = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on("pageerror", (e) => failed.push(e.message));
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(UI_QUERY)}`, { waitUntil: "load" });
      const message = page.locator(".pagefind-ui__message");
      await page.waitForFunction(() => /\d+ results? for/.test(document.querySelector(".pagefind-ui__message")?.textContent ?? ""), undefined, { timeout: 15_000 });
      const shown = Number(/(\d+) results? for/.exec((await message.textContent()) ?? "")![1]);
      await page.waitForLoadState("networkidle");
      const search = requests.filter((r) => r.startsWith("/pagefind/"));
      const single = await page.evaluate(async (dir) => {
        const one = (await import(`/${dir.dir}/pagefind.js`)) as { options(o: Record<string, unknown>): Promise<void>; search(q: string): Promise<{ results: unknown[] }> };
        await one.options({ baseUrl: "/" });
        return (await one.search(dir.query)).results.length;
      }, { dir: SINGLE, query: UI_QUERY });
      assert.equal(shown, single, "the page shows every result of the single index");
      assert.deepEqual(failed, []);
      const kinds = new Map<string, number>();
      for (const r of search) {
        const kind = r.endsWith("parts.json") ? "parts.json" : /pagefind-ui\.(js|css)$/.test(r) ? "Pagefind UI" : /\/(pagefind|pagefind-worker)\.js$/.test(r) ? "runtime (js)" : /wasm\./.test(r) ? "runtime (wasm)" : /pagefind-entry\.json$/.test(r) ? "entry" : /\.pf_meta$/.test(r) ? "meta" : /\/index\//.test(r) ? "index chunk" : /\/fragment\//.test(r) ? "fragment" : /\/filter\//.test(r) ? "filter" : "other";
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      t.diagnostic(`a first search ("${UI_QUERY}", ${bundles.length} parts, ${shown} results): ${search.length} requests under /pagefind/: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
      assert.equal(kinds.get("entry"), bundles.length, "each part's entry file once");
      assert.equal(kinds.get("runtime (wasm)"), 1, "the WebAssembly once, from the first part");
    } finally {
      await context.close();
    }
  });
});
