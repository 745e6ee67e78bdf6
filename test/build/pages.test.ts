/**
 * Pages that are not stories (src/pages/) on the `trust` fixture: published at their
 * path, in the sitemap, linked from every page's footer; and the errors: a path that
 * is a section's, a story's or the site's own, a policy that names no page, a page's
 * front matter, the same in the build and in `npm run check`.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildError, buildFixture, NOW, plain, prepareFixture, type BuiltSite, fixtureFile } from "../helpers/site.ts";
import { checkSite, siteFolders } from "../../_config/dev/check.ts";
import { formatProblem } from "../../_config/content/index.ts";

const BASE = "https://trust.example.org";
const PAGES: [path: string, title: string][] = [
  ["/about/", "About us"],
  ["/about/corrections/", "Corrections policy"],
  ["/about/ethics/", "Ethics and standards"],
  ["/masthead/", "Masthead"],
];
let site: BuiltSite;

before(async () => {
  site = await buildFixture("trust");
});
after(() => site.cleanup());

describe("pages", () => {
  it("are published at their path under src/pages/ with their title, description and body", () => {
    for (const [path, title] of PAGES) {
      const page = site.page(path);
      assert.equal(plain(page.querySelector("h1")!.textContent), title, path);
      assert.equal(page.querySelector('link[rel="canonical"]')!.getAttribute("href"), BASE + path);
      assert.equal(page.querySelector("body")!.getAttribute("data-page-type"), "page");
    }
    const ethics = site.page("/about/ethics/");
    assert.equal(plain(ethics.querySelector(".page-intro")!.textContent), "How we work.");
    assert.equal(plain(ethics.querySelector(".story__body")!.textContent), "We verify.");
    assert.equal(ethics.querySelector(".site-page__updated time")!.getAttribute("datetime"), "2026-11-01T00:00:00-04:00");
    assert.equal(site.page("/masthead/").querySelector(".site-page__updated"), null);
  });

  it("are in sitemap.xml", async () => {
    const sitemap = await site.text("/sitemap.xml");
    for (const [path] of PAGES) assert.ok(sitemap.includes(`<loc>${BASE}${path}</loc>`), path);
    assert.ok(sitemap.includes(`<loc>${BASE}/corrections/</loc>`));
  });

  it("are linked from the footer of every page, in path order", () => {
    for (const path of ["/", "/world/plain-news/", "/about/ethics/", "/corrections/"]) {
      const links = [...site.page(path).querySelectorAll(".site-footer__policies a")].map((a) => [a.getAttribute("href"), plain(a.textContent)]);
      assert.deepEqual(links, PAGES, path);
    }
  });
});

/** The trust fixture's own site settings, for variations of them. */
const SITE_YAML = fixtureFile("trust", "_data/site.yaml");
const PAGE = "---\ntitle: A page\ndescription: Somewhere it should not be.\n---\nText.\n";

const CASES: { name: string; files: Record<string, string>; problem: string }[] = [
  {
    name: "a section's path",
    files: { "src/pages/world.md": PAGE },
    problem: `src/pages/world.md (path): /world/ is inside the section "world" (_data/sections: /world/ and its stories' paths are the section's); move or rename the page`,
  },
  {
    name: "a story's path, naming the story",
    files: { "src/pages/world/plain-news.md": PAGE },
    problem: "src/pages/world/plain-news.md (path): /world/plain-news/ is the path of the story src/articles/2026/plain-news.md; move or rename the page",
  },
  {
    name: "a path the site uses itself",
    files: { "src/pages/corrections/index.md": PAGE },
    problem: "src/pages/corrections/index.md (path): /corrections/ is inside /corrections/, a path the site uses itself (/404/, /admin/, /archive/, /assets/, /authors/, /corrections/, /feed/, /follow/, /img/, /page/, /pagefind/, /search/, /sitemap/, /topics/); move or rename the page",
  },
  {
    name: "an unknown key",
    files: { "src/pages/about/contact.md": "---\ntitle: Contact\ndescription: Write to us.\ndate: 2026-01-01\n---\nText.\n" },
    problem: "src/pages/about/contact.md:4 date: unknown key (not in the content contract; a typo?)",
  },
  {
    name: "a figure whose photo is missing (a page's body has the blocks a story's has)",
    files: { "src/pages/gallery.md": "---\ntitle: Gallery\ndescription: Photos.\n---\nText.\n\n::: figure\nsrc: missing.jpg\nalt: A photo\ncaption: C\n:::\n" },
    problem: "src/pages/gallery.md:7 figure.src: photo file not found: src/pages/missing.jpg",
  },
  {
    name: "a policy that names no page",
    files: { "_data/site.yaml": `${SITE_YAML}  feedback: /about/contact/\n` },
    problem: "_data/site.yaml:14 policies.feedback: /about/contact/ is no page of the site; expected the path of a page in src/pages/ (/about/, /about/corrections/, /about/ethics/, /masthead/)",
  },
];

describe("page errors", () => {
  for (const c of CASES) {
    it(`fails the build on ${c.name}, naming the file and what is wrong`, async () => {
      // the build names files by their path from the working folder: here, a temp folder
      const message = (await buildError("trust", { files: c.files })).replace(/[^\s"']*newsroom-trust-[^/\s]+\//g, "");
      assert.ok(message.split("\n").includes(c.problem), `${c.problem}\nin:\n${message}`);
    });
  }

  it("npm run check reports the same problems", async () => {
    const dir = await prepareFixture("trust", Object.assign({}, ...CASES.map((c) => c.files)));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { problems } = checkSite({ ...siteFolders("."), now: NOW });
      // with contact.md present, the feedback policy names a page: that problem is gone
      const expected = CASES.filter((c) => c.name !== "a policy that names no page").map((c) => c.problem);
      assert.deepEqual(problems.map(formatProblem).sort(), expected.sort());
    } finally {
      process.chdir(cwd);
    }
  });
});
