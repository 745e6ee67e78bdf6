/**
 * Corrections on the `trust` fixture: the note near the top of a corrected story and
 * the labelled notes at its end, JSON-LD `correction` and `dateModified`, the feeds'
 * `updated`, the /corrections/ column (newest first, paginated) and its Atom feed, and
 * every validation error, the same in the build and in `npm run check`.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { buildError, buildFixture, NOW, plain, prepareFixture, type BuiltSite, fixtureFile } from "../helpers/site.ts";
import { checkSite, siteFolders } from "../../_config/dev/check.ts";
import { formatProblem } from "../../_config/content/index.ts";

const BASE = "https://trust.example.org";
const COLUMN = "/opinion/column/";
const REVIEW = "/world/film-review/";
let site: BuiltSite;
let paged: BuiltSite;

before(async () => {
  site = await buildFixture("trust");
});
after(() => Promise.all([site.cleanup(), paged?.cleanup()]));

type Ld = Record<string, any>; // JSON-LD is open-ended JSON
const article = (path: string): Ld =>
  [...site.page(path).querySelectorAll('script[type="application/ld+json"]')].map((e) => JSON.parse(e.textContent!) as Ld).find((d) => d["@id"] === BASE + path + "#article")!;

describe("a corrected story", () => {
  it("says near the top that it was corrected, linking to the notes", () => {
    const notice = site.page(COLUMN).querySelector(".story__header .story__corrected a")!;
    assert.equal(plain(notice.textContent), "This story was corrected on Nov. 25, 2026.");
    assert.equal(notice.getAttribute("href"), "#corrections");
    assert.ok(site.page(COLUMN).getElementById("corrections"));
    assert.equal(site.page("/world/plain-news/").querySelector(".story__corrected"), null);
  });

  it("ends with each note, its date, labelled Correction or Clarification, oldest first", () => {
    const notes = [...site.page(COLUMN).querySelectorAll("#corrections li")];
    assert.deepEqual(
      notes.map((li) => [li.id, plain(li.textContent), li.querySelector("time")!.getAttribute("datetime")]),
      [
        ["correction-1", "Correction, Nov. 24, 2026: An earlier version misstated the year the law passed; it was 2019.", "2026-11-24T10:00:00-05:00"],
        ["correction-2", "Clarification, Nov. 25, 2026: This column has been updated to make clear the figures are estimates.", "2026-11-25T10:00:00-05:00"],
      ],
    );
    // the notes come after the body
    const html = site.page(COLUMN).querySelector("article.story")!.innerHTML;
    assert.ok(html.indexOf("story__body") < html.indexOf('id="corrections"'));
  });

  it("carries JSON-LD correction as CorrectionComment, and dateModified the latest of updated and the corrections", () => {
    const ld = article(COLUMN);
    assert.deepEqual(
      ld.correction.map((c: Ld) => [c["@type"], c.text, c.datePublished, c.url]),
      [
        ["CorrectionComment", "An earlier version misstated the year the law passed; it was 2019.", "2026-11-24T10:00:00-05:00", `${BASE}${COLUMN}#correction-1`],
        ["CorrectionComment", "This column has been updated to make clear the figures are estimates.", "2026-11-25T10:00:00-05:00", `${BASE}${COLUMN}#correction-2`],
      ],
    );
    assert.equal(ld.datePublished, "2026-11-23T09:00:00-05:00");
    assert.equal(ld.dateModified, "2026-11-25T10:00:00-05:00");
    // updated 11-21, corrected 11-22: the correction is the latest
    assert.equal(article(REVIEW).dateModified, "2026-11-22T09:00:00-05:00");
    const modified = site.page(REVIEW).querySelector('meta[property="article:modified_time"]')!.getAttribute("content");
    assert.equal(modified, "2026-11-22T09:00:00-05:00");
    assert.equal(article("/world/plain-news/").correction, undefined);
  });

  it("changes the updated date of its entries in the Atom feeds and the JSON Feed", async () => {
    const atom = parseAtomFeed(await site.text("/feed.xml"));
    const entry = atom.entries!.find((e) => e.id === BASE + COLUMN)!;
    assert.equal(entry.published, "2026-11-23T09:00:00-05:00");
    assert.equal(entry.updated, "2026-11-25T10:00:00-05:00");
    const section = parseAtomFeed(await site.text("/world/feed.xml")).entries!.find((e) => e.id === BASE + REVIEW)!;
    assert.equal(section.updated, "2026-11-22T09:00:00-05:00");
    const json = parseJsonFeed(JSON.parse(await site.text("/feed.json")));
    assert.equal(json.items!.find((i) => i.id === BASE + COLUMN)!.date_modified, "2026-11-25T10:00:00-05:00");
  });
});

describe("/corrections/", () => {
  it("lists every correction newest first, each labelled and linking to its note on the story", () => {
    const items = [...site.page("/corrections/").querySelectorAll(".corrections-list__item")];
    assert.deepEqual(
      items.map((li) => [li.querySelector("a")!.getAttribute("href"), plain(li.querySelector(".corrections-list__note")!.textContent)]),
      [
        [`${COLUMN}#correction-2`, "Clarification, Nov. 25, 2026: This column has been updated to make clear the figures are estimates."],
        [`${COLUMN}#correction-1`, "Correction, Nov. 24, 2026: An earlier version misstated the year the law passed; it was 2019."],
        [`${REVIEW}#correction-1`, "Correction, Nov. 22, 2026: The director's name was misspelled."],
      ],
    );
    assert.equal(plain(items[0]!.querySelector(".corrections-list__story")!.textContent), "Opinion A column with a view");
    assert.equal(plain(site.page("/corrections/").querySelector("h1")!.textContent), "Corrections");
    assert.equal(site.page("/corrections/").querySelector('footer a[href="/corrections/"]')!.textContent, "Corrections");
  });

  it("advertises its own Atom feed with <link rel=alternate>", () => {
    const links = [...site.page("/corrections/").querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((l) => l.getAttribute("href"));
    assert.ok(links.includes(`${BASE}/corrections/feed.xml`), links.join(", "));
  });

  it("has a feed (read by a feed parser) with one entry per correction, newest first, naming itself", async () => {
    const feed = parseAtomFeed(await site.text("/corrections/feed.xml"));
    assert.equal(feed.id, `${BASE}/corrections/feed.xml`);
    assert.equal(feed.updated, "2026-11-25T10:00:00-05:00");
    assert.deepEqual(
      feed.entries!.map((e) => [e.id, e.title?.value ?? e.title, e.updated, e.links?.[0]?.href]),
      [
        [`${BASE}${COLUMN}#correction-2`, "Clarification: A column with a view", "2026-11-25T10:00:00-05:00", `${BASE}${COLUMN}#correction-2`],
        [`${BASE}${COLUMN}#correction-1`, "Correction: A column with a view", "2026-11-24T10:00:00-05:00", `${BASE}${COLUMN}#correction-1`],
        [`${BASE}${REVIEW}#correction-1`, "Correction: A film, reviewed", "2026-11-22T09:00:00-05:00", `${BASE}${REVIEW}#correction-1`],
      ],
    );
    assert.equal(feed.entries![2]!.summary?.value ?? feed.entries![2]!.summary, "The director's name was misspelled.");
  });

  it("is paginated like the other lists (site.pageSize)", async () => {
    const yaml = SITE_YAML.replace("pageSize: 10", "pageSize: 2");
    paged = await buildFixture("trust", { files: { "_data/site.yaml": yaml } });
    const first = paged.page("/corrections/");
    assert.equal(first.querySelectorAll(".corrections-list__item").length, 2);
    assert.equal(first.querySelector('a[rel="next"]')!.getAttribute("href"), "/corrections/page/2/");
    const second = paged.page("/corrections/page/2/");
    assert.deepEqual([...second.querySelectorAll(".corrections-list__item a")].map((a) => a.getAttribute("href")), [`${REVIEW}#correction-1`]);
    assert.equal(second.querySelector('a[rel="prev"]')!.getAttribute("href"), "/corrections/");
    assert.match(plain(second.querySelector("title")!.textContent), /^Corrections, page 2 of 2 \|/);
    // the feed is not paginated
    assert.equal(parseAtomFeed(await paged.text("/corrections/feed.xml")).entries!.length, 3);
  });

  it("says so when there is nothing to correct", async () => {
    const none = await buildFixture("good");
    try {
      assert.equal(plain(none.page("/corrections/").querySelector(".empty-list")!.textContent), "There are no corrections yet.");
      assert.deepEqual(parseAtomFeed(await none.text("/corrections/feed.xml")).entries ?? [], []);
    } finally {
      await none.cleanup();
    }
  });
});

const STORY = (corrections: string) => `---
title: Corrected badly
description: Every way a correction can be wrong.
date: 2026-11-20T09:00:00-05:00
section: world
corrections:
${corrections}
---
Body.
`;

const BAD = STORY(`  - date: 2026-11-19T09:00:00-05:00
    text: Dated before the story.
  - date: 2026-11-27T09:00:00-05:00
    text: Dated after the build's now.
  - date: 2026-11-21
  - date: 2026-11-21
    text: Of an unknown type.
    type: retraction`);

const EXPECTED = [
  "src/articles/2026/bad-corrections.md:7 corrections.0.date: 2026-11-19T09:00:00-05:00 is before the story's date 2026-11-20T09:00:00-05:00; a correction comes after publication",
  "src/articles/2026/bad-corrections.md:9 corrections.1.date: 2026-11-27T09:00:00-05:00 is in the future (the build's now is 2026-11-26T07:00:00-05:00); date a correction when it is made",
  "src/articles/2026/bad-corrections.md:11 corrections.2.text: required: expected string",
  "src/articles/2026/bad-corrections.md:14 corrections.3.type: expected one of correction, clarification",
];

describe("validation", () => {
  it("fails the build with every problem: text required, never before the story's date, never after now, a known type", async () => {
    const message = await buildError("trust", { files: { "src/articles/2026/bad-corrections.md": BAD } });
    // the build names the file by its path from the working folder (a temp folder here)
    for (const line of EXPECTED) assert.ok(message.includes(`/${line}`), `${line}\nin:\n${message}`);
  });

  it("npm run check reports the same problems", async () => {
    const dir = await prepareFixture("trust", { "src/articles/2026/bad-corrections.md": BAD });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { problems } = checkSite({ ...siteFolders("."), now: NOW });
      assert.deepEqual(problems.map(formatProblem).sort(), [...EXPECTED].sort());
    } finally {
      process.chdir(cwd);
    }
  });
});

/** The trust fixture's own site settings, for variations of them. */
const SITE_YAML = fixtureFile("trust", "_data/site.yaml");
