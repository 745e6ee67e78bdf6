/**
 * The reader's page around the stories, over the demo content (`site`): the promo
 * points at the Follow page, which lists every feed's address (each one a feed the
 * build wrote); the masthead search form is on every page; bylines give AP times.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildFixture, plain, type BuiltSite } from "../helpers/site.ts";

let site: BuiltSite;
const SEED = "/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official/";
const SOUNDSCAPE = "/science/researchers-map-quietest-hours-city-soundscape/";
const UPDATED_STORY = `---
title: A council vote "on the record"
description: The council's vote, updated the same afternoon.
date: 2026-09-02T09:14:00-04:00
updated: 2026-09-02T14:30:00-04:00
section: politics
---
Body.
`;

before(async () => {
  site = await buildFixture("site", { files: { "src/articles/2026/council-vote.md": UPDATED_STORY } });
});
after(() => site.cleanup());

describe("the promo and the Follow page", () => {
  it("the promo on a story is a quiet line linking the Follow page, not the raw feed", () => {
    const promo = site.page(SEED).querySelector(".promo")!;
    assert.equal(promo.querySelector("a")!.getAttribute("href"), "/follow/");
    assert.equal(plain(promo.textContent), "Follow Newsroom in your feed reader");
  });

  it("says what a feed is and lists every feed's address, each one a feed the build wrote", async () => {
    const doc = site.page("/follow/");
    assert.equal(plain(doc.querySelector("h1")!.textContent), "Follow Newsroom");
    assert.match(plain(doc.querySelector(".page-intro")!.textContent), /A feed is a list of our newest stories/);
    const urls = [...doc.querySelectorAll(".feed-list__url a")].map((a) => a.getAttribute("href")!);
    assert.deepEqual(urls, [
      "https://newsroom.example.org/feed.xml",
      "https://newsroom.example.org/feed.json",
      ...["world", "us", "politics", "business", "science", "opinion"].map((s) => `https://newsroom.example.org/${s}/feed.xml`),
    ]);
    for (const url of urls) assert.ok(site.exists(new URL(url).pathname), `${url} is written`);
    assert.match(await site.text("/sitemap.xml"), /<loc>https:\/\/newsroom\.example\.org\/follow\/<\/loc>/);
  });
});

describe("the masthead", () => {
  it("has a GET search form to /search/ with a labelled q field on every HTML page", async () => {
    const pages = (await site.files()).filter((f) => f.endsWith(".html"));
    assert.ok(pages.length > 20);
    for (const file of pages) {
      const form = site.page(file).querySelector(".masthead form[role='search']");
      assert.ok(form, `${file} has the masthead search form`);
      assert.equal(form.getAttribute("action"), "/search/", file);
      assert.equal(form.getAttribute("method"), "get", file);
      const input = form.querySelector("input[name='q']")!;
      assert.equal(form.querySelector(`label[for="${input.getAttribute("id")}"]`)!.textContent!.trim(), "Search Newsroom", file);
    }
  });
});

describe("times and typography on the page", () => {
  it("the byline gives the time and zone in AP style, and an update on the same day as a time alone", () => {
    const times = [...site.page("/politics/council-vote/").querySelectorAll(".byline time")].map((t) => [t.getAttribute("datetime"), plain(t.textContent)]);
    assert.deepEqual(times, [
      ["2026-09-02T09:14:00-04:00", "Sept. 2, 2026, 9:14 a.m. EDT"],
      ["2026-09-02T14:30:00-04:00", "2:30 p.m. EDT"],
    ]);
    assert.match(plain(site.page("/politics/council-vote/").querySelector(".byline__dates")!.textContent), /^Published Sept\. 2, 2026, 9:14 a\.m\. EDT · Updated 2:30 p\.m\. EDT$/);
  });

  it("headlines and deks are typeset on the page, the cards, <title> and the meta tags alike", () => {
    const doc = site.page(SOUNDSCAPE);
    const headline = "Researchers map the quietest hours of a city’s soundscape";
    assert.equal(doc.querySelector("h1")!.textContent, headline);
    assert.equal(doc.querySelector("title")!.textContent, `${headline} | Newsroom`);
    assert.equal(doc.querySelector('meta[property="og:title"]')!.getAttribute("content"), headline);
    const card = [...site.page("/science/").querySelectorAll(".card__title")].map((h) => h.textContent!.trim());
    assert.ok(card.includes(headline), card.join(" | "));
    const vote = site.page("/politics/council-vote/");
    assert.equal(vote.querySelector("h1")!.textContent, "A council vote “on the record”");
    assert.equal(vote.querySelector(".story__dek")!.textContent, "The council’s vote, updated the same afternoon.");
  });
});
