/**
 * Trust on the `trust` fixture: the kind of work (labels, JSON-LD types, rel=sponsored,
 * the author's note), datelines and languages, author pages' Person, the newsroom's
 * NewsMediaOrganization, robots hints, syndicated copies in sitemaps, and empty stories.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { buildError, buildFixture, plain, type BuiltSite, fixtureFile } from "../helpers/site.ts";
import { checkSite, siteFolders } from "../../_config/dev/check.ts";
import { formatProblem } from "../../_config/content/index.ts";
import { formatFinding, inspectBuild } from "../../_config/build/checks/index.ts";
import { NOW, prepareFixture } from "../helpers/site.ts";

const BASE = "https://trust.example.org";
let site: BuiltSite;

before(async () => {
  site = await buildFixture("trust");
});
after(() => site.cleanup());

type Ld = Record<string, any>; // JSON-LD is open-ended JSON

const jsonLd = (s: BuiltSite, path: string): Ld[] =>
  [...s.page(path).querySelectorAll('script[type="application/ld+json"]')].map((e) => JSON.parse(e.textContent!) as Ld);
const article = (s: BuiltSite, path: string) => jsonLd(s, path).find((d) => d["@id"] === `${BASE}${path}#article`)!;
const label = (s: BuiltSite, path: string) => plain(s.page(path).querySelector(".story__header .kind-label")?.textContent) || undefined;
const robots = (s: BuiltSite, path: string) => [...s.page(path).querySelectorAll('meta[name="robots"]')].map((m) => m.getAttribute("content"));
const canonical = (s: BuiltSite, path: string) => s.page(path).querySelector('link[rel="canonical"]')!.getAttribute("href");

const STORIES: [path: string, label: string | undefined, type: string][] = [
  ["/world/plain-news/", undefined, "NewsArticle"],
  ["/world/kyiv-analysis/", "Analysis", "AnalysisNewsArticle"],
  ["/opinion/column/", "Opinion", "OpinionNewsArticle"],
  ["/partners/partner-piece/", "Sponsored content", "AdvertiserContentArticle"],
  ["/world/film-review/", "Review", "ReviewNewsArticle"],
  ["/world/how-it-works/", "Explainer", "BackgroundNewsArticle"],
];

describe("the kind of work", () => {
  it("labels each story (its own kind, else its section's) and gives news no label", () => {
    for (const [path, expected] of STORIES) assert.equal(label(site, path), expected, path);
  });

  it("labels every card that shows a story: home, section fronts, author pages", () => {
    const cards = (path: string) =>
      new Map([...site.page(path).querySelectorAll(".card")].map((c) => [c.querySelector(".card__title a")!.getAttribute("href"), plain(c.querySelector(".kind-label")?.textContent) || undefined]));
    const home = cards("/");
    assert.ok(home.size >= STORIES.length);
    for (const [path, expected] of STORIES) assert.equal(home.get(path), expected, `home card of ${path}`);
    assert.equal(cards("/authors/ann-lee/").get("/opinion/column/"), "Opinion");
    assert.equal(cards("/opinion/").get("/opinion/column/"), "Opinion");
    assert.equal(cards("/partners/").get("/partners/partner-piece/"), "Sponsored content");
    assert.equal(cards("/authors/bo-diaz/").get("/world/plain-news/"), undefined);
    assert.equal(cards("/authors/bo-diaz/").get("/world/kyiv-analysis/"), "Analysis");
  });

  it("sets the JSON-LD type by kind, with articleSection", () => {
    for (const [path, , type] of STORIES) {
      const ld = article(site, path);
      assert.equal(ld["@type"], type, path);
      assert.ok(ld.articleSection, path);
    }
    assert.equal(article(site, "/opinion/column/").articleSection, "Opinion");
  });

  it("marks a sponsored story's outgoing links rel=sponsored, and only a sponsored story's", () => {
    const body = site.page("/partners/partner-piece/").querySelector(".story__body")!;
    const rel = (href: string) => body.querySelector(`a[href="${href}"]`)!.getAttribute("rel");
    assert.equal(rel("https://partner.example.com/offer"), "sponsored noopener");
    assert.equal(rel("https://partner.example.com/other"), "sponsored noopener"); // the related callout
    assert.equal(rel("/world/plain-news/"), null); // the site's own page is no paid link
    const news = site.page("/world/plain-news/").querySelector('a[href="https://elsewhere.example.com/a"]')!;
    assert.equal(news.getAttribute("rel"), "noopener");
  });

  it("keeps sponsored and syndicated stories out of the Google News sitemap", async () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" });
    const locs = (parser.parse(await site.text("/news-sitemap.xml")).urlset.url ?? []).map((u: { loc: string }) => u.loc);
    assert.deepEqual(locs, [`${BASE}/world/plain-news/`]);
  });

  it("closes opinion and analysis with the author's role and bio, and news without", () => {
    const note = (path: string) => plain(site.page(path).querySelector(".story__authors")?.textContent) || undefined;
    assert.equal(note("/opinion/column/"), "Ann Lee, Economics columnist. Ann Lee writes about markets and money.");
    assert.equal(note("/world/kyiv-analysis/"), "Bo Diaz, Kyiv correspondent. Bo Diaz reports from Ukraine.");
    assert.equal(note("/world/plain-news/"), undefined);
    const link = site.page("/opinion/column/").querySelector(".story__authors a")!;
    assert.equal(link.getAttribute("href"), "/authors/ann-lee/");
  });
});

describe("datelines and language", () => {
  it("opens the first paragraph with the dateline in house style, and puts it in JSON-LD", () => {
    const first = site.page("/world/kyiv-analysis/").querySelector(".story__body p")!;
    assert.equal(plain(first.querySelector(".dateline")?.textContent), "KYIV, Ukraine —");
    assert.ok(plain(first.textContent).startsWith("KYIV, Ukraine — Перший абзац"));
    assert.equal(site.page("/world/kyiv-analysis/").querySelectorAll(".dateline").length, 1);
    assert.equal(article(site, "/world/kyiv-analysis/").dateline, "KYIV, Ukraine");
    assert.equal(article(site, "/world/plain-news/").dateline, undefined);
    assert.equal(site.page("/world/plain-news/").querySelector(".dateline"), null);
  });

  it("sets lang on the story's content, inLanguage in JSON-LD and the entry's language in the feeds", async () => {
    const page = site.page("/world/kyiv-analysis/");
    assert.equal(page.querySelector("html")!.getAttribute("lang"), "en-US");
    assert.equal(page.querySelector("article.story")!.getAttribute("lang"), "uk");
    assert.equal(article(site, "/world/kyiv-analysis/").inLanguage, "uk");
    assert.equal(article(site, "/world/plain-news/").inLanguage, "en-US");
    assert.equal(site.page("/world/plain-news/").querySelector("article.story")!.getAttribute("lang"), null);
    const json = parseJsonFeed(JSON.parse(await site.text("/feed.json")));
    const lang = (id: string) => (json.items!.find((i) => i.id === BASE + id) as { language?: string }).language;
    assert.equal(lang("/world/kyiv-analysis/"), "uk");
    assert.equal(lang("/world/plain-news/"), "en-US");
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "entry" }).parse(await site.text("/feed.xml"));
    const entry = (id: string) => atom.feed.entry.find((e: Ld) => e.id === BASE + id);
    assert.equal(entry("/world/kyiv-analysis/")["@_xml:lang"], "uk");
    assert.equal(entry("/world/plain-news/")["@_xml:lang"], undefined);
  });
});

describe("the newsroom and its authors", () => {
  it("home: a NewsMediaOrganization with an @id, the fingerprinted logo and every policy page", () => {
    const org = jsonLd(site, "/").find((d) => d["@type"] === "NewsMediaOrganization")!;
    assert.equal(org["@id"], `${BASE}/#organization`);
    assert.match(org.logo.url, /^https:\/\/trust\.example\.org\/assets\/logo\.[0-9a-f]{10}\.svg$/);
    assert.ok(site.exists(org.logo.url.slice(BASE.length)));
    assert.equal(org.ethicsPolicy, `${BASE}/about/ethics/`);
    assert.equal(org.publishingPrinciples, `${BASE}/about/ethics/`);
    assert.equal(org.correctionsPolicy, `${BASE}/about/corrections/`);
    assert.equal(org.masthead, `${BASE}/masthead/`);
    assert.equal(org.diversityPolicy, undefined); // not named in _data/site
  });

  it("each story's publisher refers to it by @id; each author has a url to their page", () => {
    const ld = article(site, "/opinion/column/");
    assert.equal(ld.publisher["@id"], `${BASE}/#organization`);
    assert.deepEqual(ld.author.map((a: Ld) => [a["@type"], a.name, a.url]), [["Person", "Ann Lee", `${BASE}/authors/ann-lee/`]]);
  });

  it("author pages carry Person JSON-LD with name, url, jobTitle, description and sameAs", () => {
    const person = jsonLd(site, "/authors/ann-lee/").find((d) => d["@type"] === "Person")!;
    assert.equal(person.name, "Ann Lee");
    assert.equal(person.url, `${BASE}/authors/ann-lee/`);
    assert.equal(person.jobTitle, "Economics columnist");
    assert.equal(person.description, "Ann Lee writes about markets and money.");
    assert.deepEqual(person.sameAs, ["https://annlee.example.net/", "https://social.example/@annlee"]);
    const bo = jsonLd(site, "/authors/bo-diaz/").find((d) => d["@type"] === "Person")!;
    assert.equal(bo.sameAs, undefined);
  });

  it("story pages ask for large image previews; pages that are not stories do not", () => {
    for (const [path] of STORIES) assert.deepEqual(robots(site, path), ["max-image-preview:large"], path);
    assert.deepEqual(robots(site, "/"), []);
    assert.deepEqual(robots(site, "/search/"), ["noindex"]);
  });
});

describe("syndicated copies", () => {
  it("by default point rel=canonical at the original and stay out of sitemap.xml", async () => {
    assert.equal(canonical(site, "/world/wire-copy/"), "https://wire.example.com/story");
    assert.deepEqual(robots(site, "/world/wire-copy/"), ["max-image-preview:large"]);
    const sitemap = await site.text("/sitemap.xml");
    assert.ok(!sitemap.includes("/world/wire-copy/"));
    assert.ok(sitemap.includes(`${BASE}/world/plain-news/`));
  });

  it("with syndication: noindex, carry noindex and a self canonical, never both canonical and noindex", async () => {
    const noindex = await buildFixture("trust", { files: { "_data/site.yaml": `${SITE_YAML}syndication: noindex\n` } });
    try {
      assert.equal(canonical(noindex, "/world/wire-copy/"), `${BASE}/world/wire-copy/`);
      assert.deepEqual(robots(noindex, "/world/wire-copy/"), ["noindex"]);
      assert.ok(!(await noindex.text("/sitemap.xml")).includes("/world/wire-copy/"));
      // an original story is unaffected
      assert.equal(canonical(noindex, "/world/plain-news/"), `${BASE}/world/plain-news/`);
    } finally {
      await noindex.cleanup();
    }
  });

  it("rejects any other syndication value naming _data/site and the key", async () => {
    const message = await buildError("trust", { files: { "_data/site.yaml": `${SITE_YAML}syndication: both\n` } });
    assert.match(message, /_data\/site\.yaml syndication: expected one of canonical, noindex/);
  });
});

describe("hostile text in the trust keys", () => {
  const HOSTILE = `---
title: Hostile trust
description: Every new key with markup in it.
date: 2026-11-20T09:00:00-05:00
section: world
kind: analysis
dateline: "<i>CITY</i> & </script><b>CO</b>"
corrections:
  - date: 2026-11-21T09:00:00-05:00
    text: "Was </script><script>alert(1)</script> & <b>bold</b>."
---
Body.
`;
  it("is shown as text on the page, in JSON-LD, on /corrections/ and in its feed", async () => {
    const built = await buildFixture("trust", { files: { "src/articles/2026/hostile-trust.md": HOSTILE } });
    try {
      const page = built.page("/world/hostile-trust/");
      assert.equal(page.querySelector(".dateline")!.textContent, "<i>CITY</i> & </script><b>CO</b> —");
      assert.equal(page.querySelector("#correction-1")!.textContent!.endsWith("Was </script><script>alert(1)</script> & <b>bold</b>."), true);
      assert.equal(page.querySelectorAll("main b, main i, main script").length, 0);
      const ld = article(built, "/world/hostile-trust/");
      assert.equal(ld.dateline, "<i>CITY</i> & </script><b>CO</b>");
      assert.equal(ld.correction[0].text, "Was </script><script>alert(1)</script> & <b>bold</b>.");
      const column = built.page("/corrections/");
      assert.equal(column.querySelectorAll("main b, main script").length, 0);
      assert.ok(plain(column.querySelector("main")!.textContent).includes("Was </script><script>alert(1)</script> & <b>bold</b>."));
      const feed = parseAtomFeed(await built.text("/corrections/feed.xml"));
      const entry = feed.entries!.find((e) => e.id === `${BASE}/world/hostile-trust/#correction-1`)!;
      assert.ok(String(entry.content?.value ?? entry.content).includes("Was &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;."));
    } finally {
      await built.cleanup();
    }
  });
});

describe("a public story needs a body", () => {
  const EMPTY = "---\ntitle: Empty\ndescription: Front matter alone.\ndate: 2026-11-20\nsection: world\n---\n\n";
  it("fails the build naming the file; a draft may be empty (the fixture has one)", async () => {
    const message = await buildError("trust", { files: { "src/articles/2026/front-matter-only.md": EMPTY } });
    assert.match(message, /src\/articles\/2026\/front-matter-only\.md:7 \(body\): a public story needs body text after the front matter \(only a draft may be empty\)/);
  });

  it("npm run check reports the same problem", async () => {
    const dir = await prepareFixture("trust", { "src/articles/2026/front-matter-only.md": EMPTY });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { problems } = checkSite({ ...siteFolders("."), now: NOW });
      assert.deepEqual(problems.map(formatProblem), ["src/articles/2026/front-matter-only.md:7 (body): a public story needs body text after the front matter (only a draft may be empty)"]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("the post-build checks", () => {
  it("find no problem in the trust fixture (html-validate, links, JSON-LD, feeds, sitemaps, _headers)", async () => {
    const report = await inspectBuild(site.out, { siteUrl: `${BASE}/` });
    assert.deepEqual(report.findings.map(formatFinding), []);
  });

  it("fail a build whose logo (JSON-LD, Atom icon, JSON Feed icon) names a file the build did not write", async () => {
    const broken = await buildFixture("trust", { files: { "_data/site.yaml": SITE_YAML.replace("logo: /assets/logo.svg", "logo: /assets/missing-logo.svg") } });
    try {
      const findings = (await inspectBuild(broken.out, { siteUrl: `${BASE}/` })).findings.map(formatFinding);
      const has = (re: RegExp) => assert.ok(findings.some((f) => re.test(f)), `${re} in:\n${findings.join("\n")}`);
      has(/^\/index\.html \[links\] JSON-LD url "\/assets\/missing-logo\.svg" does not resolve to a file in the build$/);
      has(/^\/feed\.xml \[links\] XML link "\/assets\/missing-logo\.svg" does not resolve to a file in the build$/);
      has(/^\/corrections\/feed\.xml \[links\] XML link "\/assets\/missing-logo\.svg" does not resolve/);
      has(/^\/feed\.json \[links\] JSON icon "\/assets\/missing-logo\.svg" does not resolve to a file in the build$/);
    } finally {
      await broken.cleanup();
    }
  });
});

/** The trust fixture's own site settings, for variations of them. */
const SITE_YAML = fixtureFile("trust", "_data/site.yaml");
