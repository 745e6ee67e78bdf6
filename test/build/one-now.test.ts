/**
 * One build, one now (_config/util/build-info.ts): a build rendered in several Eleventy
 * passes reads the clock once. The clock is moved past New Year between the passes; every
 * page's footer and the sitemap still carry the build's own year.
 */
import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { buildSite } from "../../_config/build/build.ts";
import { prepareFixture, ROOT } from "../helpers/site.ts";

const BEFORE = "2026-12-31T20:00:00Z"; // 15:00 on New Year's Eve in New York
const AFTER = "2027-01-02T12:00:00Z";

describe("one build, one now", () => {
  let dir = "";
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("keeps the build's year in every footer when the clock passes New Year between passes", async () => {
    dir = await prepareFixture("archive");
    const env: Record<string, string> = { NEWSROOM_ENV: "production", NEWSROOM_NOW: BEFORE, NEWSROOM_PASS_STORIES: "2", NEWSROOM_IMAGE_CACHE: "" };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    let passes = 0;
    try {
      await buildSite({
        root: ROOT,
        input: path.join(dir, "src"),
        output: path.join(dir, "dist"),
        quiet: true,
        configure: (config) => {
          passes++;
          // the clock moves on once the first pass is done
          (config as { on(event: string, run: () => void): void }).on("eleventy.after", () => {
            process.env.NEWSROOM_NOW = AFTER;
          });
        },
      });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    assert.ok(passes >= 3, `the build ran in several passes (${passes})`);
    const out = path.join(dir, "dist");
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
    assert.ok(pages.length > 10, `pages built (${pages.length})`);
    const years = new Map<string, string[]>();
    for (const page of pages) {
      const { document } = parseHTML(await readFile(path.join(out, page), "utf8"));
      const footer = document.querySelector("footer.site-footer");
      if (!footer) continue;
      const year = /©\s*(\d{4})/.exec(footer.textContent ?? "")?.[1] ?? "none";
      years.set(year, [...(years.get(year) ?? []), page]);
    }
    assert.deepEqual([...years.keys()], ["2026"], `footer years: ${[...years].map(([y, p]) => `${y}: ${p.length} pages (${p.slice(0, 3).join(", ")})`).join("; ")}`);
    const sitemaps = (await readdir(out, { recursive: true })).filter((f) => /sitemap.*\.xml$/.test(f));
    assert.ok(sitemaps.length > 0, "a sitemap is written");
    for (const file of sitemaps) assert.doesNotMatch(await readFile(path.join(out, file), "utf8"), /2027-/, `${file} carries no date of the later clock`);
  });
});
